package org.parboot;

import java.util.Locale;

/**
 * The three kinds of permutation of a {@link PermutationTest}, SciPy's {@code permutation_type}s; how
 * each draws is documented with the engine's permutations.
 */
public enum PermutationType {
  /** Observations reassigned between independent samples (a difference between groups). */
  INDEPENDENT("independent"),
  /** The members of each pair swapped (paired samples; one sample: the signs flipped). */
  SAMPLES("samples"),
  /** The pairing of rows permuted (an association between columns). */
  PAIRINGS("pairings");

  private final String spelling;

  PermutationType(String spelling) {
    this.spelling = spelling;
  }

  /** The command line's and SciPy's spelling. */
  public String spelling() {
    return spelling;
  }

  /**
   * The type spelt {@code text} (case-insensitive).
   *
   * @throws InvalidSettingException naming the setting and the spellings
   */
  public static PermutationType parse(String text) {
    final String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (PermutationType type : values()) {
      if (type.spelling.equals(t)) {
        return type;
      }
    }
    throw new InvalidSettingException("permutationType", org.parboot.Messages.quote(String.valueOf(text)),
        "is not a permutation type", "independent, samples, pairings");
  }
}

