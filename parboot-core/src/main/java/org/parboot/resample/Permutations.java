package org.parboot.resample;

import java.math.BigInteger;
import java.util.List;
import org.parboot.PermutationType;
import org.parboot.rng.ResampleStreams;

/**
 * The permutations of a permutation test, as {@code scipy.stats.permutation_test}'s three
 * {@code permutation_type}s, each a {@link Resampler}: permutation {@code p} is a pure function of
 * the seed and p (random), or of p alone (exact: the p-th in a fixed enumeration of every distinct
 * permutation), so any thread computes any permutation and the null distribution is the same on
 * every executor and thread count.
 *
 * <p>The one rule of the three kinds, how each draws, is written here:
 * <ul>
 *   <li>{@link PermutationType#INDEPENDENT}: the n = k + m rows of two samples pooled (the first sample's k
 *       rows, then the second's m) and split again into k and m. Random: a partial Fisher and
 *       Yates shuffle of the pooled rows' numbers 0..n-1: for i from 0 to s − 1, with s the
 *       smaller size (k when they tie), position i is swapped with position i plus the stream's
 *       next bounded index in {@code [0, n - i)}; the first s positions are the smaller sample,
 *       in that order, and the others the larger (every split of the C(n, k) equally likely, s
 *       draws). Both samples read one draw: a per-thread cache keeps the last permutation's
 *       shuffle. Exact: the p-th k-subset in lexicographic order.</li>
 *   <li>{@link PermutationType#SAMPLES}: n pairs, each in its observed or swapped orientation (pooled rows i
 *       and n + i hold the two orientations of pair i). Random: pair i is swapped when bit
 *       {@code i mod 64} of the stream's output number {@code i / 64} is set. Exact: when bit i
 *       of p is set (2^n permutations).</li>
 *   <li>{@link PermutationType#PAIRINGS}: an order of the n rows in which the permuted columns are read
 *       against the others. Random: Fisher and Yates' shuffle of the identity, for i from n − 1
 *       down to 1 swapping position i with the stream's next bounded index in {@code [0, i]}.
 *       Exact: the p-th permutation in lexicographic order (n! of them).</li>
 * </ul>
 * The random streams are {@link ResampleStreams#streamState streamState(seed, p)}, as a
 * bootstrap's resample p.
 */
public final class Permutations {

  private Permutations() {}

  /**
   * How many distinct permutations there are: C(k + m, k) for independent samples of k and m rows,
   * 2^n for n pairs, n! pairings of n rows (SciPy's count; {@code m} is read only for independent
   * samples).
   */
  public static BigInteger distinct(PermutationType type, int k, int m) {
    return switch (type) {
      case INDEPENDENT -> binomial(k + m, Math.min(k, m));
      case SAMPLES -> BigInteger.ONE.shiftLeft(k);
      case PAIRINGS -> {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= k; i++) {
          f = f.multiply(BigInteger.valueOf(i));
        }
        yield f;
      }
    };
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger c = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return c;
  }

  /**
   * One side of n pairs whose two orientations are pooled rows i and n + i: {@code part} 0 takes
   * row i of an unswapped pair and n + i of a swapped one, part 1 the other.
   */
  public static Resampler swaps(long seed, int n, int part, boolean exact) {
    if (part != 0 && part != 1) {
      throw new IllegalArgumentException("part " + part);
    }
    if (exact && n > 62) {
      throw new IllegalArgumentException("2^" + n + " permutations cannot be enumerated");
    }
    return new Swaps(seed, n, part, exact);
  }

  /**
   * The orders of n rows in which {@code columns} are read against the data's other columns.
   * Its {@link Resampler#fill} writes the order: position i of a permutation reads row
   * {@code out[i]} of the permuted columns.
   */
  public static Shuffle shuffle(long seed, int n, List<String> columns, boolean exact) {
    if (exact && n > 20) {
      throw new IllegalArgumentException(n + "! permutations cannot be enumerated");
    }
    return new Shuffle(seed, n, List.copyOf(columns), exact);
  }

  /**
   * The two samples' parts of the independent split of {@code k + m} pooled rows: element 0 the
   * first sample's k rows, element 1 the second's m, both read from one shuffle per permutation.
   *
   * @param exact enumerate (permutation p is the p-th split; there must be at most 2^63 - 1)
   */
  public static Resampler[] split(long seed, int k, int m, boolean exact) {
    final long count = exact ? distinct(PermutationType.INDEPENDENT, k, m).longValueExact() : 0;
    final Shuffles shuffles = new Shuffles(seed, k + m, Math.min(k, m));
    return new Resampler[] {new Split(k, m, 0, exact, count, shuffles), new Split(k, m, 1, exact, count, shuffles)};
  }

  /**
   * The partial shuffles of a random split, with a per-thread cache of the last one, so that the
   * two samples of permutation p (evaluated one after the other by one worker) share its draws.
   */
  private static final class Shuffles {
    private final long seed;
    private final int n;
    private final int s;
    private final int[] identity;
    private final ThreadLocal<Last> last;

    /** A thread's last shuffle. */
    private static final class Last {
      long p = -1;
      final int[] order;

      Last(int n) {
        order = new int[n];
      }
    }

    Shuffles(long seed, int n, int s) {
      this.seed = seed;
      this.n = n;
      this.s = s;
      this.identity = new int[n];
      for (int i = 0; i < n; i++) {
        identity[i] = i;
      }
      this.last = ThreadLocal.withInitial(() -> new Last(n));
    }

    /** Permutation p's order: its first s numbers are the smaller sample's rows. */
    int[] of(long p) {
      final Last l = last.get();
      if (l.p != p) {
        final int[] order = l.order;
        System.arraycopy(identity, 0, order, 0, n);
        final ResampleStreams.Stream stream = ResampleStreams.Stream.of(seed, p);
        for (int i = 0; i < s; i++) {
          final int j = i + stream.nextIndex(n - i);
          final int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
        l.p = p;
      }
      return l.order;
    }
  }

  /** {@link #split}. */
  private record Split(int k, int m, int part, boolean exact, long count, Shuffles shuffles) implements Resampler {
    @Override
    public String name() {
      return "independent permutations" + (exact ? " (exact)" : "");
    }

    @Override
    public int size() {
      return part == 0 ? k : m;
    }

    @Override
    public int fill(long p, int[] out) {
      final int n = k + m;
      int taken = 0;
      int len = 0;
      if (exact) {
        long rank = p;
        long total = count; // C(rows left, still to take)
        for (int i = 0; i < n; i++) {
          final int left = n - i;
          final int need = k - taken;
          final long with = need == 0 ? 0 : total / left * need + total % left * need / left; // C(left - 1, need - 1)
          final boolean first = rank < with;
          if (first) {
            total = with;
            taken++;
          } else {
            rank -= with;
            total -= with; // C(left - 1, need)
          }
          if (first == (part == 0)) {
            out[len++] = i;
          }
        }
        return len;
      }
      final int[] order = shuffles.of(p);
      final boolean smallerFirst = k <= m; // the first s positions are the smaller sample
      final int s = Math.min(k, m);
      if ((part == 0) == smallerFirst) {
        System.arraycopy(order, 0, out, 0, s);
        return s;
      }
      System.arraycopy(order, s, out, 0, n - s);
      return n - s;
    }
  }

  /** {@link #swaps}. */
  private record Swaps(long seed, int n, int part, boolean exact) implements Resampler {
    @Override
    public String name() {
      return "paired swaps" + (exact ? " (exact)" : "");
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public int fill(long p, int[] out) {
      final ResampleStreams.Stream stream = exact ? null : ResampleStreams.Stream.of(seed, p);
      long bits = exact ? p : 0;
      for (int i = 0; i < n; i++) {
        if (!exact && (i & 63) == 0) {
          bits = stream.nextLong();
        }
        final boolean swapped = ((exact ? bits >>> i : bits >>> (i & 63)) & 1) != 0;
        out[i] = swapped == (part == 0) ? n + i : i;
      }
      return n;
    }
  }

  /** {@link #shuffle}: the orders of n rows in which its columns are read. */
  public record Shuffle(long seed, int n, List<String> columns, boolean exact) implements Resampler {
    @Override
    public String name() {
      return "pairings of " + String.join(", ", columns) + (exact ? " (exact)" : "");
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public int fill(long p, int[] out) {
      if (exact) {
        // Lehmer code: digit i of p in the factorial number system picks among the rows left.
        long f = 1;
        for (int i = 2; i < n; i++) {
          f *= i;
        }
        final boolean[] used = new boolean[n];
        long rank = p;
        for (int i = 0; i < n; i++) {
          final long digit = n - 1 - i == 0 ? 0 : rank / f;
          if (n - 1 - i > 0) {
            rank %= f;
            f /= Math.max(1, n - 1 - i);
          }
          int seen = -1;
          for (int r = 0; r < n; r++) {
            if (!used[r] && ++seen == digit) {
              used[r] = true;
              out[i] = r;
              break;
            }
          }
        }
        return n;
      }
      for (int i = 0; i < n; i++) {
        out[i] = i;
      }
      final ResampleStreams.Stream stream = ResampleStreams.Stream.of(seed, p);
      for (int i = n - 1; i > 0; i--) {
        final int j = stream.nextIndex(i + 1);
        final int t = out[i];
        out[i] = out[j];
        out[j] = t;
      }
      return n;
    }
  }
}
