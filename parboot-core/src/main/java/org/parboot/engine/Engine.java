package org.parboot.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.parboot.BootstrapOptions;
import org.parboot.InvalidInputException;
import org.parboot.StatisticFailedException;
import org.parboot.eval.EvaluationPlan;
import org.parboot.eval.StandardErrors;
import org.parboot.exec.ExecutionStrategy;
import org.parboot.exec.RangeJob;
import org.parboot.exec.RunControl;
import org.parboot.resample.Resampler;
import org.parboot.resample.Resamplers;
import org.parboot.simd.Simd;
import org.parboot.stat.Statistic;

/**
 * The bootstrap engine: one run loop for one, two or k samples. Replicate b is the
 * {@link Contrast} of every sample's statistics on its own resample b (a pure function of the
 * sample's seed and b), so the replicates are bit-identical whatever the executor, thread count
 * and chunk size.
 *
 * <p>A run, in order:
 * <ol>
 *   <li>checks every sample's data against the statistics, and the memory the run will allocate
 *       ({@link MemoryBudget}), before anything large is allocated;</li>
 *   <li>plans each sample ({@link EvaluationPlan}: its copies of the columns), evaluates the
 *       observed values, makes each sample's resampler and chooses its kernel once
 *       ({@link ResampleKernel#choose});</li>
 *   <li>runs the resamples on the executor: each work item evaluates its resamples for every
 *       sample and writes only its own slots of the replicates (and, for the studentized interval,
 *       of the standard errors: a second output of the same pass, {@link StandardErrorOutput});</li>
 *   <li>computes the jackknife when BCa needs it ({@link Jackknives}: the built-in statistics in
 *       O(n), each custom statistic exactly n times per sample, on the executor);</li>
 *   <li>summarises each statistic with the caller's {@link PerStatistic} (distributions,
 *       intervals, warnings), one statistic per work item.</li>
 * </ol>
 * Every phase runs on one {@link ExecutionStrategy.Session}: the run's threads start once and
 * have ended when it returns.
 */
public final class Engine {

  /**
   * What a run computed, per statistic s (in the statistics' order).
   *
   * @param replicates {@code replicates[s][b]}
   * @param observed the statistic on the samples' data (their contrast)
   * @param jackknife per statistic, one array per sample: the statistic with one row of that sample
   *     left out and the other samples whole; null when not computed
   * @param replicateSe {@code se*_b} at {@code [s][b]} for the studentized interval; null when not computed
   * @param observedSe the analytic standard error of each statistic on the data (NaN where there is
   *     none); null when not computed
   * @param schemes each sample's resampler, as results name it
   * @param kernels each sample's kernel ({@link ResampleKernel#description()})
   */
  public record Replicates(double[][] replicates, double[] observed, List<List<double[]>> jackknife,
      double[][] replicateSe, double[] observedSe, List<String> schemes, List<String> kernels) {

    /** The summation layout the values were computed in. */
    public String layout() {
      return EvaluationPlan.LAYOUT;
    }

    /** The kernels, once each, joined for a result. */
    public String kernel() {
      return String.join("; ", new LinkedHashSet<>(kernels));
    }
  }

  /**
   * What the caller computes for statistic s once every replicate is in (its summary), on the
   * run's threads: statistics in parallel, each on one thread. It must not touch another
   * statistic's slots.
   */
  @FunctionalInterface
  public interface PerStatistic<T> {
    T of(Replicates replicates, int s);
  }

  /**
   * Resamples a run already has: {@code replicates[s][0..from)} (and the studentized interval's
   * {@code se[s][0..from)}, or null), from an earlier run with the same samples, statistics,
   * scheme and seed. A run given them computes only resamples {@code from..B-1}: because resample
   * b is a pure function of the seed and b, the result is the run with B from the start, bit for
   * bit (except for the balanced scheme, whose resamples depend on B, which is refused).
   */
  public record Prefix(int from, double[][] replicates, double[][] se) {}

  /** A run's replicates, and what {@link PerStatistic} made of each statistic, in order. */
  public record Outcome<T>(Replicates replicates, List<T> perStatistic) {}

  private Engine() {}

  /**
   * Runs the resamples of {@code samples} (as many as {@code contrast} takes) under {@code options}.
   *
   * @throws InvalidInputException bad columns, too few rows, or a run too large for the heap (for
   *     several samples, the message starts with the sample's name)
   * @throws StatisticFailedException a statistic threw (the run was stopped)
   * @throws org.parboot.CancelledException the run was cancelled, interrupted or timed out
   */
  public static <T> Outcome<T> run(List<Sample> samples, Contrast contrast, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control, PerStatistic<T> perStatistic) {
    return run(samples, contrast, statistics, options, control, perStatistic, null);
  }

  /**
   * {@link #run(List, Contrast, List, BootstrapOptions, RunControl, PerStatistic)}, the first
   * resamples taken from {@code prefix} (null: none) and only the others computed.
   */
  public static <T> Outcome<T> run(List<Sample> samples, Contrast contrast, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control, PerStatistic<T> perStatistic, Prefix prefix) {
    if (samples.size() != contrast.samples()) {
      throw new IllegalArgumentException(contrast + " takes " + contrast.samples() + " sample(s), got " + samples.size());
    }
    final int k = statistics.size();
    final int b = options.resamples();
    final boolean wantJackknife = options.intervals().needJackknife();
    final boolean wantSe = options.intervals().needStandardErrors();
    final ExecutionStrategy strategy = new ExecutionStrategy(options.execution().executor(),
        options.execution().threads());
    for (Sample s : samples) {
      named(s, samples, () -> {
        EvaluationPlan.check(s.data(), statistics, options.weights());
        return null;
      });
    }
    if (options.scheme() instanceof org.parboot.scheme.Scheme.Poisson) {
      for (Statistic leaf : org.parboot.stat.StatisticParts.leavesOf(statistics)) {
        if (leaf instanceof org.parboot.stat.OlsStatistic o && o.resampling() == org.parboot.stat.OlsStatistic.Resampling.RESIDUALS) {
          throw new org.parboot.InvalidSettingException("scheme", "poisson", "draws a varying number of rows, and "
              + o.model() + " pairs one drawn residual with each row of its fixed design",
              "iid, balanced, a block scheme or stationary (or resample=cases)");
        }
      }
    }
    MemoryBudget.check(samples, statistics, b, strategy.threads(), wantJackknife, wantSe, options.weights() != null);
    final boolean simd = Simd.use(options.execution().simd(), draws(samples, statistics, options));

    // The threads start now, while the samples are planned (copies, sorts) on this one.
    try (ExecutionStrategy.Session session = strategy.open(control)) {
      final int m = samples.size();
      final List<SampleRun> runs = new ArrayList<>(m);
      for (Sample s : samples) {
        runs.add(named(s, samples, () -> SampleRun.of(s, statistics, options, wantSe, simd)));
      }
      final double[] observed = new double[k];
      final double[] observedSe = wantSe ? new double[k] : null;
      final double[] perSample = new double[m];
      for (int s = 0; s < k; s++) {
        for (int j = 0; j < m; j++) {
          perSample[j] = runs.get(j).observed[s];
        }
        observed[s] = contrast.value(perSample);
        if (wantSe) {
          for (int j = 0; j < m; j++) {
            perSample[j] = runs.get(j).standardErrors.observed()[s];
          }
          observedSe[s] = contrast.standardError(perSample);
        }
      }

      final double[][] replicates = new double[k][b];
      final double[][] replicateSe = wantSe ? new double[k][b] : null;
      final int from = prefix == null ? 0 : prefix.from();
      if (prefix != null) {
        if (options.scheme() instanceof org.parboot.scheme.Scheme.Balanced || from > b
            || prefix.replicates().length != k || wantSe && prefix.se() == null) {
          throw new IllegalArgumentException("a prefix of " + from + " resamples does not continue this run");
        }
        for (int s = 0; s < k; s++) {
          System.arraycopy(prefix.replicates()[s], 0, replicates[s], 0, from);
          if (wantSe) {
            System.arraycopy(prefix.se()[s], 0, replicateSe[s], 0, from);
          }
        }
      }
      final boolean nested = wantSe && runs.stream().anyMatch(r -> r.standardErrors.nested());
      final int rows = runs.stream().mapToInt(r -> r.plan.rows()).sum();
      final int chunk = chunkSize(options, b, rows, strategy.threads());
      session.execute(new ReplicateJob(runs, contrast, statistics, replicates, replicateSe, from), b - from,
          nested ? Math.max(1, chunk / options.intervals().innerResamples()) : chunk);

      final List<List<double[]>> jackknife = wantJackknife
          ? Jackknives.of(runs.stream().map(r -> r.plan).toList(), runs.stream().map(r -> r.observed).toList(),
              contrast, session, strategy.threads())
          : null;
      final Replicates r = new Replicates(replicates, observed, jackknife, replicateSe, observedSe,
          runs.stream().map(sr -> sr.resampler.name()).toList(), runs.stream().map(sr -> sr.kernel.description()).toList());
      return new Outcome<>(r, summarise(r, k, perStatistic, session));
    }
  }

  /**
   * {@code perStatistic} of every statistic, one per work item. A failure of statistic s (a
   * non-finite replicate under the nan policy error, say) is kept in its slot, and the first in
   * statistic order is thrown once all are done: the same failure whatever the thread count.
   */
  private static <T> List<T> summarise(Replicates r, int k, PerStatistic<T> perStatistic,
      ExecutionStrategy.Session session) {
    final Object[] out = new Object[k];
    final RuntimeException[] failed = new RuntimeException[k];
    session.execute(new RangeJob<Object>() {
      @Override
      public Object newScratch() {
        return new Object(); // nothing per worker: each statistic writes its own slots
      }

      @Override
      public void run(Object scratch, int from, int to, RunControl control) {
        for (int s = from; s < to; s++) {
          try {
            out[s] = perStatistic.of(r, s);
          } catch (RuntimeException e) {
            failed[s] = e;
          }
        }
      }
    }, k, 1);
    for (RuntimeException e : failed) {
      if (e != null) {
        throw e;
      }
    }
    @SuppressWarnings("unchecked")
    final List<T> list = (List<T>) java.util.Arrays.asList(out);
    return java.util.Collections.unmodifiableList(list);
  }

  /** Work items per thread, for load balance ({@link #chunkSize}). */
  static final int ITEMS_PER_THREAD = 32;

  /**
   * Resamples per work item: enough items for load balance ({@value #ITEMS_PER_THREAD} per thread:
   * a thread that finishes early waits for at most one item of another, so at the demo's size,
   * 10,000 resamples of 1,461 rows on two threads, 8 per thread left a tenth of a run's time to
   * one thread) but none longer than about 2^20 draws, so progress and cancellation stay
   * responsive. Results do not depend on it.
   */
  public static int chunkSize(BootstrapOptions options, int b, int n, int threads) {
    if (options.execution().chunk() > 0) {
      return options.execution().chunk();
    }
    final long items = (long) ITEMS_PER_THREAD * threads;
    final long balanced = Math.max(1, ((long) b + items - 1) / items);
    final long bounded = Math.max(1, (1L << 20) / Math.max(1, n));
    return (int) Math.min(balanced, bounded);
  }

  /**
   * The draws a run makes: B times each sample's rows, times 1 + J when the studentized interval
   * needs the nested bootstrap (J inner resamples per resample). What {@link Simd#use} weighs.
   */
  static long draws(List<Sample> samples, List<? extends Statistic> statistics, BootstrapOptions options) {
    return draws(samples.stream().mapToLong(s -> s.data().rows()).sum(), statistics, options);
  }

  /** {@link #draws(List, List, BootstrapOptions)} for samples of {@code rows} rows in all. */
  public static long draws(long rows, List<? extends Statistic> statistics, BootstrapOptions options) {
    final boolean nested = options.intervals().needStandardErrors()
        && statistics.stream().anyMatch(st -> !StandardErrors.hasAnalytic(st));
    final double draws = (double) options.resamples() * rows * (nested ? 1.0 + options.intervals().innerResamples() : 1.0);
    return draws >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) draws;
  }

  /** The statistics' labels, for messages. */
  static String labels(List<? extends Statistic> statistics) {
    return String.join(", ", statistics.stream().map(Statistic::label).toList());
  }

  /** Runs {@code step} for sample {@code s}; with several samples, its errors name the sample. */
  private static <T> T named(Sample s, List<Sample> samples, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (InvalidInputException e) {
      if (samples.size() == 1) {
        throw e;
      }
      throw new InvalidInputException(s.name() + ": " + e.getMessage(), e);
    }
  }

  /** One sample's part of a run: its plan, observed values, resampler and kernel. */
  static final class SampleRun {
    final EvaluationPlan plan;
    final double[] observed;
    final Resampler resampler;
    final StandardErrorOutput standardErrors;
    final ResampleKernel kernel;

    private SampleRun(EvaluationPlan plan, double[] observed, Resampler resampler, StandardErrorOutput standardErrors,
        ResampleKernel kernel) {
      this.plan = plan;
      this.observed = observed;
      this.resampler = resampler;
      this.standardErrors = standardErrors;
      this.kernel = kernel;
    }

    static SampleRun of(Sample s, List<? extends Statistic> statistics, BootstrapOptions options, boolean wantSe,
        boolean simd) {
      final EvaluationPlan plan = new EvaluationPlan(s.data(), statistics, options.weights());
      final double[] observed;
      try {
        if (s.observedRows() == null) {
          observed = plan.observed();
        } else {
          observed = new double[statistics.size()];
          plan.newEvaluator().evaluate(s.observedRows(), s.observedRows().length, observed);
        }
      } catch (RuntimeException e) {
        throw new StatisticFailedException(labels(statistics), -1, e);
      }
      final Resampler resampler = s.resampler() != null ? s.resampler() : Resamplers.create(options.scheme(), s.data(),
          Statistic.columnsRead(statistics, null), s.seed(), options.resamples());
      final StandardErrorOutput se = wantSe
          ? new StandardErrorOutput(plan, s.seed(), options.intervals().innerResamples(), simd) : null;
      return new SampleRun(plan, observed, resampler, se, ResampleKernel.choose(plan, resampler, se, simd));
    }
  }

  /** The resampling work: resample b of every sample, their contrast into column b. */
  private static final class ReplicateJob implements RangeJob<ReplicateJob.Scratch> {
    private final List<SampleRun> runs;
    private final Contrast contrast;
    private final String labels;
    private final double[][] out;
    private final double[][] seOut;
    private final int offset;

    /** Work item i is resample {@code offset + i}. */
    ReplicateJob(List<SampleRun> runs, Contrast contrast, List<? extends Statistic> statistics, double[][] out,
        double[][] seOut, int offset) {
      this.runs = runs;
      this.contrast = contrast;
      this.labels = labels(statistics);
      this.out = out;
      this.seOut = seOut;
      this.offset = offset;
    }

    /** A worker's kernels (one per sample) and rows of values. */
    record Scratch(ResampleKernel.Worker[] workers, double[][] values, double[][] se, double[] combine) {}

    @Override
    public Scratch newScratch() {
      final int m = runs.size();
      final ResampleKernel.Worker[] workers = new ResampleKernel.Worker[m];
      for (int j = 0; j < m; j++) {
        workers[j] = runs.get(j).kernel.newWorker();
      }
      return new Scratch(workers, new double[m][out.length], seOut == null ? null : new double[m][out.length],
          new double[m]);
    }

    @Override
    public void run(Scratch s, int from, int to, RunControl control) {
      final int m = runs.size();
      final int k = out.length;
      for (int b = offset + from; b < offset + to; b++) {
        if (control.shouldStop()) {
          return;
        }
        try {
          for (int j = 0; j < m; j++) {
            s.workers()[j].evaluate(b, s.values()[j], s.se() == null ? null : s.se()[j]);
          }
        } catch (RuntimeException e) {
          throw new StatisticFailedException(labels, b, e);
        }
        if (m == 1) {
          for (int st = 0; st < k; st++) {
            out[st][b] = s.values()[0][st];
          }
          if (seOut != null) {
            for (int st = 0; st < k; st++) {
              seOut[st][b] = s.se()[0][st];
            }
          }
          continue;
        }
        final double[] v = s.combine();
        for (int st = 0; st < k; st++) {
          for (int j = 0; j < m; j++) {
            v[j] = s.values()[j][st];
          }
          out[st][b] = contrast.value(v);
          if (seOut != null) {
            for (int j = 0; j < m; j++) {
              v[j] = s.se()[j][st];
            }
            seOut[st][b] = contrast.standardError(v);
          }
        }
      }
    }
  }
}
