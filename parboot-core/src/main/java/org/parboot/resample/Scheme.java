package org.parboot.resample;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.parboot.InvalidInputException;

/**
 * The resampling schemes, as {@code --scheme} spells them. Each is a {@link Resampler} made by
 * {@link Schemes#create}; the class javadoc of each resampler states its exact draw order, which
 * is part of the reproducibility contract.
 *
 * <p>The jackknife that BCa uses for its acceleration is the ordinary leave-one-out jackknife
 * under every scheme, as in SciPy and arch (which also use it for their block bootstraps).
 */
public enum Scheme {
  /** Efron's bootstrap: n rows drawn uniformly with replacement ({@link IidResampler}). */
  IID("iid", false),
  /** Künsch's moving-block bootstrap: blocks of L consecutive rows, none wrapping ({@link BlockResampler}). */
  MOVING_BLOCK("moving-block", true),
  /** Politis and Romano's circular-block bootstrap: blocks of L rows that wrap ({@link BlockResampler}). */
  CIRCULAR_BLOCK("circular-block", true),
  /** Politis and Romano's stationary bootstrap: wrapping blocks of geometric length, mean L ({@link StationaryResampler}). */
  STATIONARY("stationary", true),
  /** Each row appears Poisson(1) times: a frequency-weighted resample of variable size ({@link PoissonResampler}). */
  POISSON("poisson", false),
  /** Every row appears exactly B times over all resamples, as R boot's {@code sim = "balanced"} ({@link BalancedResampler}). */
  BALANCED("balanced", false);

  /** The scheme used when none is given. */
  public static final Scheme DEFAULT = IID;

  private final String spelling;
  private final boolean blocks;

  Scheme(String spelling, boolean blocks) {
    this.spelling = spelling;
    this.blocks = blocks;
  }

  /** The name on the command line and in results. */
  public String spelling() {
    return spelling;
  }

  /** True for the time-series schemes, the ones that take a block length. */
  public boolean usesBlocks() {
    return blocks;
  }

  /**
   * The scheme spelled {@code s} (case and surrounding blanks ignored).
   *
   * @throws InvalidInputException naming {@code --scheme} and the accepted spellings
   */
  public static Scheme parse(String s) {
    for (Scheme k : values()) {
      if (k.spelling.equalsIgnoreCase(s.strip())) {
        return k;
      }
    }
    throw new InvalidInputException("unknown --scheme '" + s + "'; accepted: " + accepted());
  }

  /** The accepted spellings, comma-separated. */
  public static String accepted() {
    return Arrays.stream(values()).map(Scheme::spelling).collect(Collectors.joining(", "));
  }
}
