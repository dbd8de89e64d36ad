package org.parboot;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.parboot.ci.IntervalMethod;
import org.parboot.ci.NanPolicy;
import org.parboot.exec.ExecutorKind;
import org.parboot.resample.Scheme;

/**
 * How a bootstrap runs: immutable, validated once by {@link Builder#build()}, and shared by the
 * Java API and the command line (which fills the same builder from its flags, so the two cannot
 * drift). Messages name the command-line option and the bad value.
 *
 * <pre>{@code
 * BootstrapOptions options = BootstrapOptions.builder()
 *     .resamples(9999)
 *     .seed(42)
 *     .executor(ExecutorKind.FORKJOIN)
 *     .threads(8)
 *     .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA)
 *     .level(0.95)
 *     .scheme(Scheme.STATIONARY)
 *     .autoBlockLength()
 *     .build();
 * }</pre>
 *
 * @param resamples B, the number of resamples (default 9999, as SciPy)
 * @param seed the seed every resample's random stream derives from
 * @param seedGiven whether the seed was chosen by the caller (false: drawn at random)
 * @param executor where resamples run (default {@link ExecutorKind#DEFAULT})
 * @param threads worker threads (default: available processors; always 1 for {@link ExecutorKind#SERIAL})
 * @param intervals interval methods, in order (default BCa)
 * @param level confidence level in (0, 1) (default 0.95)
 * @param chunk resamples per work item, or 0 to choose automatically
 * @param scheme the resampling scheme (default {@link Scheme#IID})
 * @param blockLength the block length L of the block schemes, or {@link #AUTO_BLOCK_LENGTH} (the
 *     default) for the Politis-White choice; ignored by the other schemes
 * @param strata the column whose values are the strata to resample within, or null (default)
 * @param innerResamples inner resamples per outer resample for the studentized interval's nested
 *     standard errors (default {@value #DEFAULT_INNER_RESAMPLES}; read only when
 *     {@link IntervalMethod#STUDENTIZED} is asked for and a statistic has no analytic standard error)
 * @param nanPolicy what the summaries do with NaN or infinite replicates (default {@link NanPolicy#OMIT})
 */
public record BootstrapOptions(int resamples, long seed, boolean seedGiven, ExecutorKind executor, int threads,
    List<IntervalMethod> intervals, double level, int chunk, Scheme scheme, int blockLength, String strata,
    int innerResamples, NanPolicy nanPolicy) {

  /** The default number of inner resamples of the studentized interval's nested bootstrap. */
  public static final int DEFAULT_INNER_RESAMPLES = 50;

  /** The most resamples a run accepts: the largest Java array. */
  public static final int MAX_RESAMPLES = Integer.MAX_VALUE - 8;
  /** The most threads a run accepts. */
  public static final int MAX_THREADS = 4096;
  /** {@link #blockLength()} meaning "choose automatically" ({@code --block-length auto}). */
  public static final int AUTO_BLOCK_LENGTH = 0;

  public BootstrapOptions {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(nanPolicy, "nanPolicy");
    intervals = List.copyOf(intervals);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    final Builder b = new Builder();
    b.resamples = resamples;
    b.seed = seed; // a drawn seed is kept too: a copy with another executor must give the same replicates
    b.seedGiven = seedGiven;
    b.executor = executor;
    b.threads = threads;
    b.intervals = new LinkedHashSet<>(intervals);
    b.level = level;
    b.chunk = chunk;
    b.scheme = scheme;
    b.blockLength = blockLength;
    b.strata = strata;
    b.innerResamples = innerResamples;
    b.nanPolicy = nanPolicy;
    return b;
  }

  /** Builds {@link BootstrapOptions}; every setter's value is checked in {@link #build()}. */
  public static final class Builder {
    private long resamples = 9999;
    private Long seed;
    private boolean seedGiven;
    private ExecutorKind executor = ExecutorKind.DEFAULT;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Set<IntervalMethod> intervals = EnumSet.of(IntervalMethod.DEFAULT);
    private double level = 0.95;
    private int chunk;
    private Scheme scheme = Scheme.DEFAULT;
    private long blockLength = AUTO_BLOCK_LENGTH;
    private String strata;
    private long innerResamples = DEFAULT_INNER_RESAMPLES;
    private NanPolicy nanPolicy = NanPolicy.DEFAULT;

    private Builder() {}

    /** B, the number of resamples (2 to {@link #MAX_RESAMPLES}). */
    public Builder resamples(long resamples) {
      this.resamples = resamples;
      return this;
    }

    /** The seed; without one, a seed is drawn at random (and reported, so the run can be repeated). */
    public Builder seed(long seed) {
      this.seed = seed;
      this.seedGiven = true;
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

    public Builder intervals(IntervalMethod... methods) {
      return intervals(List.of(methods));
    }

    /** The interval methods, in output order (at least one). */
    public Builder intervals(java.util.Collection<IntervalMethod> methods) {
      this.intervals = new LinkedHashSet<>(methods);
      return this;
    }

    /** The confidence level, in (0, 1). */
    public Builder level(double level) {
      this.level = level;
      return this;
    }

    /** Resamples per work item; 0 (the default) chooses from B, threads and the data size. */
    public Builder chunk(int chunk) {
      this.chunk = chunk;
      return this;
    }

    /** The resampling scheme (default {@link Scheme#IID}). */
    public Builder scheme(Scheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    /**
     * The block length L of the block schemes (moving-block, circular-block: the length;
     * stationary: the mean length), at least 1 and at most the number of rows (checked when the
     * run starts).
     */
    public Builder blockLength(long blockLength) {
      this.blockLength = blockLength;
      return this;
    }

    /** Chooses the block length automatically (the default), by Politis and White (2004, 2009). */
    public Builder autoBlockLength() {
      this.blockLength = AUTO_BLOCK_LENGTH;
      return this;
    }

    /** Resample within the strata given by this column's values (null: no strata). Only with {@link Scheme#IID}. */
    public Builder strata(String column) {
      this.strata = column;
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
      this.nanPolicy = nanPolicy;
      return this;
    }

    /**
     * The options.
     *
     * @throws InvalidInputException naming the option and the accepted values
     */
    public BootstrapOptions build() {
      if (resamples < 2 || resamples > MAX_RESAMPLES) {
        throw new InvalidInputException("--resamples " + resamples + " is out of range; accepted: 2 to "
            + MAX_RESAMPLES + " (and as many as the heap holds: 8 bytes per resample and statistic)");
      }
      if (threads < 1 || threads > MAX_THREADS) {
        throw new InvalidInputException("--threads " + threads + " is out of range; accepted: 1 to " + MAX_THREADS);
      }
      if (!(level > 0 && level < 1)) {
        throw new InvalidInputException("--level " + level + " is out of range; accepted: a number strictly between 0 and 1, such as 0.95");
      }
      if (intervals.isEmpty()) {
        throw new InvalidInputException("--ci needs at least one method; accepted: " + IntervalMethod.accepted());
      }
      if (nanPolicy == null) {
        throw new InvalidInputException("--nan-policy is missing; accepted: " + NanPolicy.accepted());
      }
      if (chunk < 0) {
        throw new InvalidInputException("--chunk " + chunk + " is out of range; accepted: 0 (automatic) or more");
      }
      if (blockLength < 0 || blockLength > Integer.MAX_VALUE) {
        throw new InvalidInputException("--block-length " + blockLength
            + " is out of range; accepted: a whole number from 1 to the number of rows, or auto");
      }
      if (blockLength != AUTO_BLOCK_LENGTH && !scheme.usesBlocks()) {
        throw new InvalidInputException("--block-length " + blockLength + " does not apply to --scheme "
            + scheme.spelling() + "; accepted: --block-length with --scheme moving-block, circular-block or stationary");
      }
      if (strata != null && strata.isBlank()) {
        throw new InvalidInputException("--strata needs a column name; accepted: the name of a label column, e.g. location");
      }
      if (strata != null && scheme != Scheme.IID) {
        throw new InvalidInputException("--strata " + strata + " cannot be combined with --scheme " + scheme.spelling()
            + "; accepted: --strata with --scheme iid (the default)");
      }
      if (innerResamples < 2 || innerResamples > 100_000) {
        throw new InvalidInputException("--inner-resamples " + innerResamples
            + " is out of range; accepted: 2 to 100000 (default " + DEFAULT_INNER_RESAMPLES + ")");
      }
      // A drawn seed has 53 bits, so it survives JSON tools that read numbers as doubles (jq, JavaScript).
      final long s = seed != null ? seed : new SecureRandom().nextLong() >>> 11;
      final int workers = executor == ExecutorKind.SERIAL ? 1 : threads;
      return new BootstrapOptions((int) resamples, s, seedGiven, executor, workers, List.copyOf(intervals), level, chunk,
          scheme, (int) blockLength, strata == null ? null : strata.strip(), (int) innerResamples,
          nanPolicy);
    }
  }
}
