package org.parboot.io;

/** How {@link ResultFormatter} writes a result. */
public enum OutputFormat {
  /** An aligned table for people, with a header line and warnings. */
  TABLE,
  /** Pretty-printed JSON, snake_case keys, null for undefined numbers. */
  JSON,
  /** One CSV row per statistic and interval method. */
  CSV;

  /**
   * Parses {@code table}, {@code json} or {@code csv} (case-insensitive).
   *
   * @throws org.parboot.InvalidInputException listing the accepted spellings
   */
  public static OutputFormat parse(String s) {
    return Spellings.parse(values(), "--format", s);
  }

  /** The name on the command line. */
  public String spelling() {
    return Spellings.of(this);
  }
}
