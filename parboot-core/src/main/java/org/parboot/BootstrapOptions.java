package org.parboot;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.parboot.ci.Alternative;
import org.parboot.ci.IntervalMethod;
import org.parboot.ci.NanPolicy;
import org.parboot.exec.ExecutorKind;
import org.parboot.exec.SimdMode;
import org.parboot.rng.Seeds;
import org.parboot.scheme.Scheme;

/**
 * How a bootstrap runs: immutable, validated once by {@link Builder#build()}, and shared by the
 * Java API and the command line (which fills the same builder from its flags, so the two cannot
 * drift). A bad value is an {@link InvalidSettingException} naming the setting as this class
 * spells it ({@code resamples}, {@code threads}, ...); the command line renames it to its flag.
 *
 * <pre>{@code
 * BootstrapOptions options = BootstrapOptions.builder()
 *     .resamples(9999)
 *     .seed(42)
 *     .scheme(new Scheme.Stationary(BlockLength.auto()))
 *     .executor(ExecutorKind.FORKJOIN).threads(8)
 *     .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA).level(0.95)
 *     .build();
 * }</pre>
 *
 * @param resamples B, the number of resamples (default 9999, as SciPy)
 * @param seed the seed every resample's random stream derives from
 * @param seedGiven whether the seed was chosen by the caller (false: drawn at random)
 * @param scheme how a resample's rows are drawn (default {@link Scheme#iid()}), with its block
 *     length or strata
 * @param execution where the resamples run
 * @param intervals which intervals are computed, and how
 * @param nanPolicy what the summaries do with NaN or infinite replicates (default {@link NanPolicy#OMIT})
 * @param weights the column of the rows' weights, or null for none (default): non-negative
 *     frequency or survey weights, which every statistic reads as frequencies (its sample size is
 *     their sum); the rows are resampled as without weights, each carrying its weight
 * @param adaptive adaptive B, or null when B is fixed (default): see {@link Adaptive}; a result's
 *     options carry the B it reached as {@code resamples}
 */
public record BootstrapOptions(int resamples, long seed, boolean seedGiven, Scheme scheme, Execution execution,
    Intervals intervals, NanPolicy nanPolicy, String weights, Adaptive adaptive) {

  /** Options with a fixed number of resamples. */
  public BootstrapOptions(int resamples, long seed, boolean seedGiven, Scheme scheme, Execution execution,
      Intervals intervals, NanPolicy nanPolicy, String weights) {
    this(resamples, seed, seedGiven, scheme, execution, intervals, nanPolicy, weights, null);
  }

  /**
   * Adaptive B ({@link Bootstrap#run}): start at {@link BootstrapOptions#resamples()}, and double B
   * until every interval endpoint's Monte Carlo standard error is below the target, or B would
   * pass {@code maxResamples}. Because resample b depends only on the seed and b, each round
   * computes only its new resamples, and the result is the fixed run with the final B, bit for bit.
   *
   * @param target the largest Monte Carlo error allowed: absolute, or (relative) a fraction of each
   *     statistic's bootstrap standard error
   * @param relative whether {@code target} is a fraction of the standard error
   * @param maxResamples the most resamples it may reach
   */
  public record Adaptive(double target, boolean relative, int maxResamples) {
    public Adaptive {
      if (!(target > 0) || Double.isInfinite(target) || relative && !(target < 1)) {
        throw new InvalidSettingException("mcError", Double.toString(target), "is out of range",
            relative ? "a percentage above 0 and below 100, such as 1%" : "a positive number");
      }
      if (maxResamples < 2 || maxResamples > MAX_RESAMPLES) {
        throw new InvalidSettingException("maxResamples", Integer.toString(maxResamples), "is out of range",
            "2 to " + MAX_RESAMPLES);
      }
    }

    /** The target for a statistic whose bootstrap standard error is {@code se}. */
    public double targetFor(double se) {
      return relative ? target * se : target;
    }
  }

  /** The default number of inner resamples of the studentized interval's nested bootstrap. */
  public static final int DEFAULT_INNER_RESAMPLES = 50;
  /** The most resamples a run accepts: the largest Java array. */
  public static final int MAX_RESAMPLES = Integer.MAX_VALUE - 8;
  /** The most threads a run accepts. */
  public static final int MAX_THREADS = 4096;

  /**
   * Where the resamples run.
   *
   * @param executor the executor kind (default {@link ExecutorKind#DEFAULT})
   * @param threads worker threads (default: the available processors; always 1 for
   *     {@link ExecutorKind#SERIAL})
   * @param chunk resamples per work item, or 0 to choose from B, the threads and the data size
   * @param simd whether the run draws and sums on SIMD lanes (default {@link SimdMode#AUTO})
   */
  public record Execution(ExecutorKind executor, int threads, int chunk, SimdMode simd) {
    public Execution {
      Objects.requireNonNull(executor, "executor");
      Objects.requireNonNull(simd, "simd");
    }
  }

  /**
   * Which intervals are computed, and how.
   *
   * @param methods interval methods, in output order (default BCa)
   * @param level the confidence level, in (0, 1) (default 0.95)
   * @param innerResamples inner resamples per resample for the studentized interval's nested
   *     standard errors (default {@value #DEFAULT_INNER_RESAMPLES}; read only when
   *     {@link IntervalMethod#STUDENTIZED} is asked for and a statistic has no analytic standard error)
   * @param alternative two-sided (default) or one-sided intervals ({@link Alternative}), for every method
   */
  public record Intervals(List<IntervalMethod> methods, double level, int innerResamples, Alternative alternative,
      double nullValue) {
    public Intervals {
      methods = List.copyOf(methods);
      Objects.requireNonNull(alternative, "alternative");
    }

    /** Intervals of an alternative, no null hypothesis. */
    public Intervals(List<IntervalMethod> methods, double level, int innerResamples, Alternative alternative) {
      this(methods, level, innerResamples, alternative, Double.NaN);
    }

    /** Two-sided intervals. */
    public Intervals(List<IntervalMethod> methods, double level, int innerResamples) {
      this(methods, level, innerResamples, Alternative.TWO_SIDED);
    }

    /** Whether a null value was given: every interval then carries the p-value of {@code H0: theta = nullValue}. */
    public boolean hasNull() {
      return !Double.isNaN(nullValue);
    }

    /** True if any method reads the jackknife (BCa). */
    public boolean needJackknife() {
      return IntervalMethod.anyNeedsJackknife(EnumSet.copyOf(methods));
    }

    /** True if any method reads per-resample standard errors (studentized). */
    public boolean needStandardErrors() {
      return IntervalMethod.anyNeedsStandardErrors(EnumSet.copyOf(methods));
    }
  }

  public BootstrapOptions {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(nanPolicy, "nanPolicy");
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options (a drawn seed is kept: a copy with another executor gives the same replicates). */
  public Builder toBuilder() {
    final Builder b = new Builder();
    b.resamples = resamples;
    b.seed = seed;
    b.seedGiven = seedGiven;
    b.scheme = scheme;
    b.executor = execution.executor();
    b.threads = execution.threads();
    b.chunk = execution.chunk();
    b.simd = execution.simd();
    b.intervals = new LinkedHashSet<>(intervals.methods());
    b.level = intervals.level();
    b.innerResamples = intervals.innerResamples();
    b.alternative = intervals.alternative();
    b.nullValue = intervals.nullValue();
    b.nanPolicy = nanPolicy;
    b.weights = weights;
    b.adaptive = adaptive;
    return b;
  }

  /** Builds {@link BootstrapOptions}; every setter's value is checked in {@link #build()}. */
  public static final class Builder {
    private long resamples = 9999;
    private Long seed;
    private boolean seedGiven;
    private Scheme scheme = Scheme.iid();
    private ExecutorKind executor = ExecutorKind.DEFAULT;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int chunk;
    private SimdMode simd = SimdMode.DEFAULT;
    private Set<IntervalMethod> intervals = EnumSet.of(IntervalMethod.DEFAULT);
    private double level = 0.95;
    private long innerResamples = DEFAULT_INNER_RESAMPLES;
    private NanPolicy nanPolicy = NanPolicy.DEFAULT;
    private String weights;
    private Alternative alternative = Alternative.DEFAULT;
    private double nullValue = Double.NaN;
    private Adaptive adaptive;

    private Builder() {}

    /** B, the number of resamples (2 to {@link #MAX_RESAMPLES}). */
    public Builder resamples(long resamples) {
      this.resamples = resamples;
      return this;
    }

    /** The seed; without one, a seed is drawn at random ({@link Seeds#drawn}) and reported, so the run can be repeated. */
    public Builder seed(long seed) {
      this.seed = seed;
      this.seedGiven = true;
      return this;
    }

    /** The resampling scheme (default {@link Scheme#iid()}). */
    public Builder scheme(Scheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    public Builder executor(ExecutorKind executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Worker threads (1 to {@link #MAX_THREADS}). */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Resamples per work item; 0 (the default) chooses from B, threads and the data size. */
    public Builder chunk(int chunk) {
      this.chunk = chunk;
      return this;
    }

    /** Whether to draw and sum on SIMD lanes (default {@link SimdMode#AUTO}); the results are the same. */
    public Builder simd(SimdMode simd) {
      this.simd = Objects.requireNonNull(simd, "simd");
      return this;
    }

    public Builder intervals(IntervalMethod... methods) {
      return intervals(List.of(methods));
    }

    /** The interval methods, in output order (at least one). */
    public Builder intervals(Collection<IntervalMethod> methods) {
      this.intervals = new LinkedHashSet<>(methods);
      return this;
    }

    /** The confidence level, in (0, 1). */
    public Builder level(double level) {
      this.level = level;
      return this;
    }

    /**
     * Inner resamples per outer resample (2 to 100,000) for the nested standard errors of
     * {@link IntervalMethod#STUDENTIZED}; the cost of the studentized interval grows by this factor
     * for statistics without an analytic standard error.
     */
    public Builder innerResamples(long innerResamples) {
      this.innerResamples = innerResamples;
      return this;
    }

    /** What the summaries do with NaN or infinite replicates (default {@link NanPolicy#OMIT}). */
    public Builder nanPolicy(NanPolicy nanPolicy) {
      this.nanPolicy = Objects.requireNonNull(nanPolicy, "nanPolicy");
      return this;
    }

    /**
     * Two-sided (default) or one-sided intervals, for every method: see {@link Alternative}. A
     * one-sided interval needs a level above 0.5.
     */
    public Builder alternative(Alternative alternative) {
      this.alternative = Objects.requireNonNull(alternative, "alternative");
      return this;
    }

    /**
     * Adaptive B (null: B is fixed): see {@link Adaptive}. The resamples set the first round's B,
     * which must not pass its {@code maxResamples}; the balanced scheme, whose resamples depend on
     * B, is refused.
     */
    public Builder adaptive(Adaptive adaptive) {
      this.adaptive = adaptive;
      return this;
    }

    /**
     * The null value {@code theta0} of {@code H0: theta = theta0} (NaN: none): each interval then
     * carries its p-value, the smallest alpha at which the method's level-(1 - alpha) interval of
     * the alternative excludes {@code theta0} ({@link Alternative#pValue}).
     */
    public Builder nullValue(double theta0) {
      if (Double.isInfinite(theta0)) {
        throw new InvalidSettingException("nullValue", Double.toString(theta0), "is not finite", "a finite number");
      }
      this.nullValue = theta0;
      return this;
    }

    /**
     * Weights every row by the column {@code column} (null: no weights): see
     * {@link BootstrapOptions#weights()}. The column is checked when a run plans its data.
     */
    public Builder weights(String column) {
      if (column != null && column.isBlank()) {
        throw new InvalidSettingException("weights", Messages.quote(column), "is not a column name", "a column name");
      }
      this.weights = column;
      return this;
    }

    /**
     * The options.
     *
     * @throws InvalidSettingException naming the setting and the accepted values
     */
    public BootstrapOptions build() {
      if (resamples < 2 || resamples > MAX_RESAMPLES) {
        throw new InvalidSettingException("resamples", Long.toString(resamples), "is out of range", "2 to "
            + MAX_RESAMPLES + " (and as many as the heap holds: 8 bytes per resample and statistic)");
      }
      if (threads < 1 || threads > MAX_THREADS) {
        throw new InvalidSettingException("threads", Integer.toString(threads), "is out of range", "1 to " + MAX_THREADS);
      }
      if (!(level > 0 && level < 1)) {
        throw new InvalidSettingException("level", Double.toString(level), "is out of range",
            "a number strictly between 0 and 1, such as 0.95");
      }
      if (alternative != Alternative.TWO_SIDED && !(level > 0.5)) {
        throw new InvalidSettingException("level", Double.toString(level), "is too low for a one-sided interval (it "
            + "keeps an endpoint of the two-sided interval at level 2 x level - 1)", "a level above 0.5, such as 0.95");
      }
      if (intervals.isEmpty()) {
        throw new InvalidSettingException("intervals", "", "needs at least one method", IntervalMethod.accepted());
      }
      if (chunk < 0) {
        throw new InvalidSettingException("chunk", Integer.toString(chunk), "is out of range", "0 (automatic) or more");
      }
      if (innerResamples < 2 || innerResamples > 100_000) {
        throw new InvalidSettingException("innerResamples", Long.toString(innerResamples), "is out of range",
            "2 to 100000 (default " + DEFAULT_INNER_RESAMPLES + ")");
      }
      final long s = seed != null ? seed : Seeds.drawn();
      final int workers = executor == ExecutorKind.SERIAL ? 1 : threads;
      if (adaptive != null && resamples > adaptive.maxResamples()) {
        throw new InvalidSettingException("maxResamples", Integer.toString(adaptive.maxResamples()),
            "is below the first round's " + resamples + " resamples", "at least " + resamples);
      }
      if (adaptive != null && scheme instanceof Scheme.Balanced) {
        throw new InvalidSettingException("scheme", "balanced", "cannot grow B: its resamples depend on B",
            "any other scheme with adaptive B");
      }
      return new BootstrapOptions((int) resamples, s, seedGiven, scheme, new Execution(executor, workers, chunk, simd),
          new Intervals(List.copyOf(intervals), level, (int) innerResamples, alternative, nullValue), nanPolicy, weights,
          adaptive);
    }
  }
}
