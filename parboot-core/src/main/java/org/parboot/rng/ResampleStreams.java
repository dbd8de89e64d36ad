package org.parboot.rng;

/**
 * Where every resample's random numbers come from: a pure function of (seed, resample index).
 *
 * <p>This class is the reproducibility contract of parboot. Because resample {@code b} draws only
 * from its own stream, and its stream depends on nothing but the seed and {@code b}, the bootstrap
 * distribution is bit-identical for one seed whatever executor, thread count or chunking runs it,
 * and it stays so across JDK versions: the arithmetic is plain 64-bit integer arithmetic, with no
 * call into {@code java.util.random}.
 *
 * <h2>The algorithm</h2>
 * <ul>
 *   <li>Generator: <b>SplitMix64</b> (Steele, Lea and Flood, "Fast splittable pseudorandom number
 *       generators", OOPSLA 2014), with Stafford's "variant 13" finaliser, as in
 *       {@code java.util.SplittableRandom} and Commons RNG's {@code SplitMix64}: the state advances
 *       by the golden gamma {@code 0x9e3779b97f4a7c15} and each output is {@link #mix64} of the new
 *       state.</li>
 *   <li>Stream of resample {@code b} (0-based): a SplitMix64 whose initial state is output number
 *       {@code b} of a SplitMix64 seeded with {@code seed}, that is
 *       {@code mix64(seed + (b + 1) * gamma)}. Start states are therefore random 64-bit points of
 *       the generator's 2<sup>64</sup> cycle; two streams of length {@code n} overlap with
 *       probability about {@code B^2 n / 2^64} (5e-6 for B = 10<sup>4</sup>, n = 10<sup>6</sup>).</li>
 *   <li>Bounded integers, {@link Stream#nextIndex(int)}: each 64-bit output supplies two 32-bit words, the
 *       high word first. A word {@code w} maps to an index in {@code [0, n)} by Lemire's
 *       multiply-shift, {@code floor(w * n / 2^32)}, and is rejected (the next word is used) when
 *       the low half of {@code w * n} is below {@code 2^32 mod n}; this makes every index exactly
 *       equally likely (D. Lemire, "Fast random integer generation in an interval", ACM TOMACS
 *       2019). Rejections happen with probability below {@code n / 2^32}.</li>
 * </ul>
 *
 * <p>The golden-value tests in {@code ResampleStreamsTest} pin all of this; any change to this
 * class that changes a single drawn index is a breaking change of every result parboot ever
 * printed, and must change {@link #ALGORITHM}.
 *
 * <h2>From indices to values: the summation layout</h2>
 * A resample's built-in statistics are a fixed function of the multiset of rows it drew: the
 * number of times {@code c_i} each row i was drawn. The moment statistics sum centred powers of
 * the rows' values weighted by their counts in 8 lanes: row i goes to lane {@code i mod 8}, in
 * row order within the lane, with the terms {@code c_i d_i}, then that times {@code d_i} for each
 * higher power, and the lanes are combined as {@code ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 +
 * l7))} (the full definition: {@code org.parboot.eval.PowerSums}). Every result names this layout
 * ({@code BootstrapResult.layout()}, {@code rows8}); a result computed in another layout (a
 * development build summed the drawn values in draw order) differs in the last bits. Order
 * statistics read the counts in rank order; custom statistics get the values in draw order.
 */
public final class ResampleStreams {

  /** The name of the stream algorithm, as reported in results. */
  public static final String ALGORITHM = "splitmix64-lemire32";

  /** The SplitMix64 increment, the odd integer nearest 2^64 / golden ratio. */
  public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private static final long LOW32 = 0xffffffffL;

  private ResampleStreams() {}

  /** SplitMix64's output function (Stafford variant 13), a bijection of 64-bit values. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * The initial SplitMix64 state of resample {@code index}'s stream: output {@code index} of a
   * SplitMix64 seeded with {@code seed}.
   */
  public static long streamState(long seed, long index) {
    return mix64(seed + (index + 1) * GOLDEN_GAMMA);
  }

  /**
   * The bounded mapping of one 32-bit word (an unsigned value in a long) to {@code [0, bound)},
   * step one: Lemire's product {@code word * bound}. Its high half is the index
   * ({@link #index}), its low half decides whether the word is used ({@link #accepts}). This and
   * the next two methods are the rule; every draw in parboot calls them (the JIT inlines them).
   */
  public static long product(long word, long bound) {
    return word * bound;
  }

  /**
   * Whether the word whose {@link #product} this is gives an index: its low half is at least
   * {@link #threshold threshold(bound)}, which makes every index exactly equally likely; else the
   * word is rejected and the next word is used.
   */
  public static boolean accepts(long product, long threshold) {
    return (product & LOW32) >= threshold;
  }

  /** The index a {@link #product} gives, when it {@link #accepts}: its high half. */
  public static int index(long product) {
    return (int) (product >>> 32);
  }

  /** The high 32-bit word of a 64-bit output, the first one used. */
  public static long highWord(long output) {
    return output >>> 32;
  }

  /** The low 32-bit word of a 64-bit output, the second one used. */
  public static long lowWord(long output) {
    return output & LOW32;
  }

  /**
   * The rejection threshold of the bounded mapping for indices in {@code [0, n)}: {@code 2^32 mod
   * n}. Precompute it once per data size.
   *
   * @throws IllegalArgumentException if n is not positive
   */
  public static long threshold(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + n);
    }
    return (1L << 32) % n;
  }

  /**
   * Fills {@code out[0, len)} with the indices in {@code [0, bound)} of the stream that starts at
   * {@code state} (see {@link #streamState}), using the bounded mapping described in the class
   * documentation. This is the iid bootstrap's draw: {@code len} indices with replacement. The
   * portable draw; {@link Stream#simd} gives the same indices on SIMD lanes.
   *
   * @param state the stream's initial SplitMix64 state
   * @param bound the number of observations, positive
   * @param threshold {@link #threshold threshold(bound)}
   * @param out where the indices go
   * @param len how many indices to draw
   */
  public static void fillIndices(long state, int bound, long threshold, int[] out, int len) {
    new Stream(state).fill(bound, threshold, out, 0, len);
  }

  /** {@link #fillIndices(long, int, long, int[], int)}, on SIMD lanes if {@code simd} and the JVM has them. */
  public static void fillIndices(long state, int bound, long threshold, int[] out, int len, boolean simd) {
    new Stream(state).simd(simd).fill(bound, threshold, out, 0, len);
  }

  /**
   * How the draw runs in this JVM when a run asks for SIMD ({@code simd}; see
   * {@code org.parboot.exec.SimdMode}) or not: {@code "scalar"}, or a description of the SIMD draw
   * (it needs {@code --add-modules jdk.incubator.vector}, a 256-bit vector unit and the property
   * {@code parboot.vector} not {@code off}). The indices are the same either way.
   */
  public static String drawImplementation(boolean simd) {
    return IndexFills.of(simd).description();
  }

  /**
   * A sequential view of one stream, for schemes that need a few numbers at a time. It follows
   * the same word order as {@link #fillIndices}: high word, then low word, of each output.
   * Not thread-safe: one instance belongs to one task.
   */
  public static final class Stream {
    long state; // the state of the last output drawn
    private long pending;
    private boolean hasPending;
    private IndexFill draw = IndexFills.SCALAR;

    /** A stream starting at the given SplitMix64 state. */
    public Stream(long state) {
      this.state = state;
    }

    /**
     * Makes {@link #fill} draw on SIMD lanes if {@code simd} and this JVM has them (the same
     * indices either way); returns this stream.
     */
    public Stream simd(boolean simd) {
      this.draw = IndexFills.of(simd);
      return this;
    }

    /** The stream of resample {@code index} under {@code seed}. */
    public static Stream of(long seed, long index) {
      return new Stream(streamState(seed, index));
    }

    /** The next 64-bit output of the generator (discarding any unused low word). */
    public long nextLong() {
      hasPending = false;
      return mix64(state += GOLDEN_GAMMA);
    }

    /** The next 32-bit word, as an unsigned value in a long. */
    public long nextWord() {
      if (hasPending) {
        hasPending = false;
        return pending;
      }
      final long r = mix64(state += GOLDEN_GAMMA);
      pending = lowWord(r);
      hasPending = true;
      return highWord(r);
    }

    /**
     * An index uniform in {@code [0, bound)}, by the bounded mapping of the class documentation.
     * The threshold (a division) is computed only when a word could be rejected: a product whose
     * low half is at least {@code bound} is above any threshold ({@code 2^32 mod bound < bound}).
     * Lemire's "nearly divisionless" order of the same test: the same words accepted and rejected.
     */
    public int nextIndex(int bound) {
      if (bound <= 0) {
        throw new IllegalArgumentException("bound must be positive: " + bound);
      }
      long m = product(nextWord(), bound);
      if ((m & LOW32) < bound) {
        final long t = threshold(bound);
        while (!accepts(m, t)) {
          m = product(nextWord(), bound);
        }
      }
      return index(m);
    }

    /**
     * {@link #nextIndex(int)} with its threshold precomputed: {@code t} must be
     * {@link ResampleStreams#threshold threshold(bound)}.
     */
    public int nextIndex(int bound, long t) {
      while (true) {
        final long m = product(nextWord(), bound);
        if (accepts(m, t)) {
          return index(m);
        }
      }
    }

    /**
     * Fills {@code out[from, from + len)} with the next {@code len} bounded indices: exactly what
     * {@code len} calls of {@link #nextIndex(int, long)} give, drawn on SIMD lanes if asked
     * ({@link #simd}). The stream continues after them, so a resample can be
     * drawn in blocks: the blocks' indices are those of one call for all of them.
     *
     * @param t {@link ResampleStreams#threshold threshold(bound)}
     */
    public void fill(int bound, long t, int[] out, int from, int len) {
      int i = from;
      final int to = from + len;
      if (hasPending && i < to) {
        hasPending = false;
        final long m = product(pending, bound);
        if (accepts(m, t)) {
          out[i++] = index(m);
        }
      }
      if (i < to) {
        draw.fill(this, bound, t, out, i, to);
      }
    }

    /** Keeps {@code word}, the unused low word of the last output, for the next draw. */
    void pend(long word) {
      pending = word;
      hasPending = true;
    }

    /** A double uniform in {@code [0, 1)}: the top 53 bits of the next output, times 2^-53. */
    public double nextDouble() {
      return (nextLong() >>> 11) * 0x1.0p-53;
    }
  }
}
