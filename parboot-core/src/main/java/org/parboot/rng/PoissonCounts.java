package org.parboot.rng;

/**
 * The Poisson bootstrap's counts (Hanley and MacGibbon 2006; Chamandy et al. 2012): how many times
 * row {@code i} appears in resample {@code b}, a pure function of (seed, b, i). The core's
 * {@code --scheme poisson} and the Spark module draw every count here, so a distributed run and a
 * run on one machine give the same resamples.
 *
 * <p>The count of row i in resample b reads output i (0-based) of resample b's
 * {@link ResampleStreams.Stream#of stream}: {@code mix64(streamState(seed, b) + (i + 1) gamma)}.
 * Its top 53 bits u give the count by inversion: the least k with {@code u < T[k]}, where
 * {@code T[k] = floor(2^53 F(k))} and F is the Poisson(1) distribution function, computed exactly
 * (50 digits) and stored as integers, so the comparison is exact. {@code T[17]} is 2<sup>53</sup>:
 * counts of 17 or more (probability 1.0e-15) are drawn as 17. Because SplitMix64's state advances
 * by a constant, any row's output is reached in O(1): a shard of rows needs only its own counts.
 */
public final class PoissonCounts {

  /**
   * {@code floor(2^53 F(k))}, k = 0..16, F the Poisson(1) distribution function, then 2^53.
   * Generated with Python's decimal module at 50 digits:
   * <pre>
   * getcontext().prec = 50; e = Decimal(-1).exp(); F = 0; f = 1
   * for k in range(17): f = f / k if k else 1; F += e * f; print(int(F * 2**53))
   * </pre>
   * (e<sup>-1</sup> = 0.36787944117144232159552377016146086744581113103177).
   */
  static final long[] CDF_53 = {
      3313563428353947L, 6627126856707895L, 8283908570884869L, 8836169142277194L, 8974234285125275L,
      9001847313694891L, 9006449485123161L, 9007106938184342L, 9007189119816990L, 9007198251109506L,
      9007199164238758L, 9007199247250508L, 9007199254168154L, 9007199254700280L, 9007199254738289L,
      9007199254740823L, 9007199254740982L, 1L << 53};

  /** The largest count drawn. */
  public static final int MAX_COUNT = 17;

  private PoissonCounts() {}

  /** {@code floor(2^53 F(k))} for k = 0..17 (the last is 2^53), for tests and documentation. */
  public static long threshold(int k) {
    return CDF_53[k];
  }

  /**
   * The Poisson(1) count that the 53-bit uniform integer {@code u} stands for. Counts 0 to 4 (98%
   * of draws) without a branch: {@code (T[k] - 1 - u) >>> 63} is 1 exactly when {@code u >= T[k]}
   * (both below 2^53, so no overflow); counts 0 and 1 are equally likely, so a branch between them
   * would be mispredicted every other row.
   */
  public static int ofUniform(long u) {
    int k = (int) ((CDF_53[0] - 1 - u) >>> 63) + (int) ((CDF_53[1] - 1 - u) >>> 63)
        + (int) ((CDF_53[2] - 1 - u) >>> 63) + (int) ((CDF_53[3] - 1 - u) >>> 63);
    if (k == 4) {
      while (u >= CDF_53[k]) {
        k++;
      }
    }
    return k;
  }

  /** The count of the 64-bit stream output {@code output} (its top 53 bits). */
  public static int ofOutput(long output) {
    return ofUniform(output >>> 11);
  }

  /**
   * The count of row {@code row} in the resample whose stream starts at {@code state}
   * ({@link ResampleStreams#streamState streamState(seed, b)}).
   */
  public static int of(long state, long row) {
    return ofOutput(ResampleStreams.mix64(state + (row + 1) * ResampleStreams.GOLDEN_GAMMA));
  }

  /** The count of row {@code row} in resample {@code b} under {@code seed}. */
  public static int of(long seed, long b, long row) {
    return of(ResampleStreams.streamState(seed, b), row);
  }

  /**
   * The counts of rows {@code firstRow .. firstRow + len - 1} in the resample whose stream starts at
   * {@code state}, into {@code out[0, len)}: {@link #of(long, long)} of each, stepping the
   * stream's state instead of recomputing it.
   */
  public static void fill(long state, long firstRow, int[] out, int len) {
    long z = state + (firstRow + 1) * ResampleStreams.GOLDEN_GAMMA;
    for (int j = 0; j < len; j++) {
      out[j] = ofOutput(ResampleStreams.mix64(z));
      z += ResampleStreams.GOLDEN_GAMMA;
    }
  }

  /**
   * {@link #fill(long, long, int[], int)} on SIMD lanes if {@code simd} and this JVM has them
   * ({@code VectorPoissonFill}: 8 rows at once; found on first use, self-checked): the same counts.
   */
  public static void fill(long state, long firstRow, int[] out, int len, boolean simd) {
    if (simd && Vector.FILL != null) {
      Vector.FILL.fill(state, firstRow, out, len);
    } else {
      fill(state, firstRow, out, len);
    }
  }

  /** How {@link #fill(long, long, int[], int, boolean)} runs when asked for SIMD, for results. */
  public static String fillImplementation(boolean simd) {
    return simd && Vector.FILL != null ? Vector.FILL.description() : "scalar";
  }

  /** The SIMD fill, if this JVM has it: made on first use. */
  interface Fill {
    void fill(long state, long firstRow, int[] out, int len);

    String description();
  }

  private static final class Vector {
    static final Fill FILL = choose();

    private static Fill choose() {
      final Fill v = org.parboot.simd.Simd.load(org.parboot.simd.Simd.setting(), "org.parboot.rng.VectorPoissonFill",
          Fill.class);
      return v != null && agrees(v) ? v : null;
    }
  }

  /** The SIMD fill gives the scalar counts on a few blocks, long and short, counts of 4 and more included. */
  static boolean agrees(Fill v) {
    for (long row : new long[] {0, 5, 1L << 40}) {
      for (int len : new int[] {0, 3, 8, 61, 1024}) {
        final int[] a = new int[len];
        final int[] b = new int[len];
        final long state = ResampleStreams.streamState(len, row);
        fill(state, row, a, len);
        v.fill(state, row, b, len);
        if (!java.util.Arrays.equals(a, b)) {
          return false;
        }
      }
    }
    return true;
  }
}
