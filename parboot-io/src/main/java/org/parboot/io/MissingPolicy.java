package org.parboot.io;

/**
 * What {@link CsvColumns} does with a row whose requested cell is missing: empty, {@code NA},
 * {@code NaN}, {@code nan} or {@code null} (after stripping blanks).
 */
public enum MissingPolicy {
  /** Drop the row and count it in {@link org.parboot.data.Dataset#droppedMissing()}. */
  DROP,
  /** Refuse the file, naming the line and column of the first missing cell. */
  ERROR;

  /**
   * Parses {@code drop} or {@code error} (case-insensitive).
   *
   * @throws org.parboot.InvalidInputException listing the accepted spellings
   */
  public static MissingPolicy parse(String s) {
    return Spellings.parse(values(), "--missing", s);
  }

  /** The name on the command line. */
  public String spelling() {
    return Spellings.of(this);
  }
}
