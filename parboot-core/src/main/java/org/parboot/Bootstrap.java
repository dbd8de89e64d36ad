package org.parboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiFunction;
import org.parboot.ci.Distribution;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalInputs;
import org.parboot.ci.IntervalMethod;
import org.parboot.ci.NanPolicy;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutionStrategy;
import org.parboot.exec.RangeJob;
import org.parboot.exec.RunControl;
import org.parboot.resample.IidResampler;
import org.parboot.resample.IndexBuffer;
import org.parboot.resample.Resampler;
import org.parboot.resample.Schemes;
import org.parboot.rng.ResampleStreams;
import org.parboot.stat.CustomStatistic;
import org.parboot.stat.EvaluationPlan;
import org.parboot.stat.Statistic;

/**
 * The bootstrap engine: resamples the rows of a dataset B times, evaluates every statistic on
 * every resample in parallel, and summarises each bootstrap distribution (bias, standard error,
 * confidence intervals).
 *
 * <pre>{@code
 * Dataset data = Dataset.of("x", 2.1, 3.4, 1.9, 5.6, 4.4, 3.8, 2.7);
 * BootstrapResult result = Bootstrap.run(data,
 *     List.of(MomentStatistic.mean("x"), OrderStatistic.median("x")),
 *     BootstrapOptions.builder().resamples(9999).seed(1).build());
 * Interval ci = result.statistics().get(0).intervals().get(0);   // BCa, 95%
 * }</pre>
 *
 * <p>Guarantees: for one seed the replicates are bit-identical whatever the executor, thread
 * count and chunk size (see {@link ResampleStreams}); memory is the replicates (B x statistics
 * doubles), one copy of each column the statistics read and per-worker buffers, never B x n; a
 * run that cannot fit in the heap is refused before it starts; every thread the run starts has
 * ended when it returns or throws. Safe to call from many threads at once: runs share nothing.
 */
public final class Bootstrap {

  private Bootstrap() {}

  /** Runs the bootstrap to completion on the calling thread's behalf. */
  public static BootstrapResult run(Dataset data, List<? extends Statistic> statistics, BootstrapOptions options) {
    return run(data, statistics, options, RunControl.create());
  }

  /**
   * Runs the bootstrap under a {@link RunControl} (cancellation, deadline, progress).
   *
   * @throws InvalidInputException bad columns, too few rows, or a run too large for the heap
   * @throws StatisticFailedException a statistic threw (the run was stopped)
   * @throws NonFiniteReplicatesException a replicate was NaN or infinite under {@link NanPolicy#ERROR}
   * @throws CancelledException the run was cancelled, interrupted or timed out. When the calling
   *     thread is interrupted, the run is cancelled, its workers are waited for, and the thread's
   *     interrupt flag is set again before this is thrown.
   */
  public static BootstrapResult run(Dataset data, List<? extends Statistic> statistics, BootstrapOptions options,
      RunControl control) {
    final long start = System.nanoTime();
    EvaluationPlan.check(data, statistics);
    final boolean wantJackknife = IntervalMethod.anyNeedsJackknife(EnumSet.copyOf(options.intervals()));
    final ExecutionStrategy strategy = new ExecutionStrategy(options.executor(), options.threads());
    checkMemory(statistics, data.rows(), options, strategy.threads(), wantJackknife);
    final EvaluationPlan plan = new EvaluationPlan(data, statistics);
    final int n = plan.rows();
    final int k = plan.statistics().size();
    final int b = options.resamples();

    final double[] observed;
    try {
      observed = plan.observed();
    } catch (RuntimeException e) {
      throw new StatisticFailedException(labels(plan), -1, e);
    }

    final Resampler resampler = Schemes.create(options, data,
        plan.statistics().stream().flatMap(s -> s.columns().stream()).distinct().toList());
    final double[][] replicates = new double[k][b];
    strategy.execute(new ResampleJob(plan, resampler, replicates), b, chunkSize(options, b, n, strategy.threads()),
        control);

    final double[][] jk = wantJackknife ? jackknife(plan, strategy, control) : null;
    // Studentized: a separate pass that regenerates each resample from the resampler.
    final StandardErrorPass.Result se = IntervalMethod.anyNeedsStandardErrors(EnumSet.copyOf(options.intervals()))
        ? StandardErrorPass.run(plan, resampler, options.seed(), options.innerResamples(), b, strategy,
            chunkSize(options, b, n, strategy.threads()), control)
        : null;
    final List<String> warnings = new ArrayList<>();
    final List<StatisticResult> results = summarise(plan.statistics(), replicates, observed, options, (s, d) -> {
      final IntervalInputs inputs = IntervalInputs.ofJackknife(jk == null ? null : jk[s]);
      return se == null ? inputs : inputs.withStandardErrors(se.replicateSe()[s], observedSe(se, s, d));
    }, warnings);
    return new BootstrapResult(data.source(), n, data.droppedMissing(), options, resampler.name(),
        ResampleStreams.ALGORITHM, Duration.ofNanos(System.nanoTime() - start), results, warnings);
  }

  /**
   * One {@link StatisticResult} per statistic from its replicates: distribution, warnings
   * (prefixed with the statistic's label, into {@code warnings}) and the intervals of {@code options},
   * each method reading what {@code inputs} gives for (statistic index, distribution).
   */
  static List<StatisticResult> summarise(List<Statistic> statistics, double[][] replicates, double[] observed,
      BootstrapOptions options, BiFunction<Integer, Distribution, IntervalInputs> inputs, List<String> warnings) {
    final int b = options.resamples();
    final List<StatisticResult> results = new ArrayList<>(statistics.size());
    for (int s = 0; s < statistics.size(); s++) {
      final Statistic stat = statistics.get(s);
      final Distribution d = new Distribution(replicates[s], observed[s]);
      final List<String> w = new ArrayList<>();
      if (!Double.isFinite(observed[s])) {
        w.add("the observed value is " + observed[s]);
      }
      final boolean propagate = d.omitted() > 0 && options.nanPolicy() == NanPolicy.PROPAGATE;
      if (d.omitted() > 0) {
        switch (options.nanPolicy()) {
          case OMIT -> w.add(d.omitted() + " of " + b + " replicates are NaN or infinite and were left out");
          case PROPAGATE -> w.add(d.omitted() + " of " + b
              + " replicates are NaN or infinite; with --nan-policy propagate, bias, standard error and intervals are NaN");
          case ERROR -> throw new NonFiniteReplicatesException(stat.label(), d.omitted(), b,
              Distribution.firstNonFinite(replicates[s]));
        }
      }
      if (!propagate && d.size() > 0 && d.degenerate()) {
        w.add("the bootstrap distribution is degenerate (every replicate is " + d.mean()
            + "); every interval is that single point");
      }
      final IntervalInputs in = inputs.apply(s, d);
      final List<Interval> intervals = new ArrayList<>();
      for (IntervalMethod m : options.intervals()) {
        intervals.add(propagate ? new Interval(m, options.level(), Double.NaN, Double.NaN)
            : m.interval(d, options.level(), in, w));
      }
      for (String msg : w) {
        warnings.add(stat.label() + ": " + msg);
      }
      results.add(StatisticResult.owning(stat, observed[s], propagate ? Double.NaN : d.bias(),
          propagate ? Double.NaN : d.standardError(), intervals, d.omitted(), replicates[s]));
    }
    return results;
  }

  /** The studentized interval's scale: the analytic standard error, else the bootstrap one. */
  static double observedSe(StandardErrorPass.Result standardErrors, int s, Distribution d) {
    final double analytic = standardErrors.observedSe()[s];
    return Double.isNaN(analytic) ? d.standardError() : analytic;
  }

  /**
   * Resamples per work item: enough items for load balance (8 per thread) but none longer than
   * about 2^20 draws, so progress and cancellation stay responsive. Results do not depend on it.
   */
  static int chunkSize(BootstrapOptions options, int b, int n, int threads) {
    if (options.chunk() > 0) {
      return options.chunk();
    }
    final long balanced = Math.max(1, ((long) b + 8L * threads - 1) / (8L * threads));
    final long bounded = Math.max(1, (1L << 20) / n);
    return (int) Math.min(balanced, bounded);
  }

  private static double[][] jackknife(EvaluationPlan plan, ExecutionStrategy strategy, RunControl control) {
    final boolean anyCustom = plan.statistics().stream().anyMatch(s -> s instanceof CustomStatistic);
    if (!anyCustom) {
      return plan.jackknife(); // O(n) in all
    }
    // Custom statistics: n evaluations of n - 1 rows each, spread over the workers.
    final int n = plan.rows();
    final double[][] generic = new double[plan.statistics().size()][n];
    strategy.execute(new RangeJob<EvaluationPlan.Evaluator>() {
      @Override
      public EvaluationPlan.Evaluator newScratch() {
        return plan.newEvaluator();
      }

      @Override
      public void run(EvaluationPlan.Evaluator e, int from, int to, RunControl c) {
        for (int i = from; i < to && !c.shouldStop(); i++) {
          try {
            plan.jackknifeRows(i, i + 1, generic, e);
          } catch (RuntimeException ex) {
            throw new StatisticFailedException(labels(plan) + " (jackknife without row " + i + ")", -1, ex);
          }
        }
      }
    }, n, Math.max(1, Math.min(64, n / (8 * strategy.threads()) + 1)), control);
    final double[][] fast = plan.jackknife(); // recomputes custom ones too; the built-in ones are O(n)
    for (int s = 0; s < generic.length; s++) {
      if (plan.statistics().get(s) instanceof CustomStatistic) {
        fast[s] = generic[s];
      }
    }
    return fast;
  }

  /**
   * Refuses, before anything large is allocated, a run whose memory would not fit in the free heap:
   * the replicates (B x statistics doubles); the plan's copies of the columns
   * ({@link EvaluationPlan#planBytes}) and each worker's scratch; the jackknife values; for the
   * intervals, the {@link Distribution}'s copy of one statistic's replicates and its sorted copy;
   * and for the studentized interval the per-replicate standard errors (B x statistics) and the
   * {@link IntervalInputs}' copy of one statistic's.
   */
  private static void checkMemory(List<? extends Statistic> statistics, int rows, BootstrapOptions options,
      int threads, boolean jackknife) {
    final long k = statistics.size();
    final long b = options.resamples();
    final long replicateBytes = k * b * 8L;
    final boolean studentized = IntervalMethod.anyNeedsStandardErrors(EnumSet.copyOf(options.intervals()));
    final long forResamples = replicateBytes + 2 * b * 8L // one statistic's Distribution: its copy and sorted copy
        + (studentized ? replicateBytes + b * 8L : 0);
    final long perThread = EvaluationPlan.scratchBytes(statistics, rows);
    final long forThreads = threads * perThread;
    final long forData = EvaluationPlan.planBytes(statistics, rows) + (jackknife ? k * rows * 8L : 0);
    final long need = forResamples + forThreads + forData;
    long available = freeHeap();
    if (need > available * 0.9) {
      // The heap's "used" part counts garbage too, such as what loading a large file left behind:
      // collect once before refusing a run that would fit. Only on this path, never on a normal run.
      System.gc();
      available = freeHeap();
    }
    if (need > available * 0.9) {
      // Name the part that dominates, so the advice fits: B x statistics, threads x n, or n itself.
      final String advice;
      if (forThreads >= forResamples && forThreads >= forData) {
        advice = "most of it is --threads " + threads + " x " + bytes(perThread) + " of buffers each (n = " + rows
            + "); use fewer threads or a larger heap";
      } else if (forResamples >= forData) {
        advice = "most of it is --resamples " + b + " x " + k + " statistic(s)"
            + (studentized ? " with studentized standard errors" : "") + "; use fewer resamples or a larger heap";
      } else {
        advice = "most of it is the data (n = " + rows + ") and its copies; use a larger heap";
      }
      throw new InvalidInputException(String.format(java.util.Locale.ROOT,
          "the run needs about %s of memory, but only %s is free in the JVM heap: %s (PARBOOT_JAVA_OPTS=-Xmx...)",
          bytes(need), bytes(available), advice));
    }
  }

  private static long freeHeap() {
    final Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  static String bytes(long b) {
    if (b >= 1L << 30) {
      return String.format(java.util.Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
    }
    if (b < 1L << 20) {
      return String.format(java.util.Locale.ROOT, "%.1f KiB", b / (double) (1L << 10));
    }
    return String.format(java.util.Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
  }

  static String labels(EvaluationPlan plan) {
    return String.join(", ", plan.statistics().stream().map(Statistic::label).toList());
  }

  /** The resampling work: resample b's indices, all statistics on them, into column b. */
  private static final class ResampleJob implements RangeJob<ResampleJob.Scratch> {
    private final EvaluationPlan plan;
    private final Resampler resampler;
    private final double[][] out;
    // The iid scheme with one column's or one pair's moments: draw and sum in one loop, no buffer
    // (EvaluationPlan.Evaluator.evaluateIid; same bits). Null otherwise.
    private final IidResampler fused;

    ResampleJob(EvaluationPlan plan, Resampler resampler, double[][] out) {
      this.plan = plan;
      this.resampler = resampler;
      this.out = out;
      this.fused = resampler instanceof IidResampler iid && plan.fusesIidDraw() ? iid : null;
    }

    /** A worker's buffers; the index buffer grows when a variable-length scheme needs more. */
    record Scratch(EvaluationPlan.Evaluator evaluator, IndexBuffer indices, double[] row) {}

    @Override
    public Scratch newScratch() {
      return new Scratch(plan.newEvaluator(), new IndexBuffer(resampler.size()), new double[out.length]);
    }

    @Override
    public void run(Scratch s, int from, int to, RunControl control) {
      final double[] row = s.row();
      final IndexBuffer buffer = s.indices();
      for (int b = from; b < to; b++) {
        if (control.shouldStop()) {
          return;
        }
        if (fused == null) {
          buffer.fill(resampler, b);
        }
        try {
          if (fused != null) {
            s.evaluator().evaluateIid(fused.streamState(b), fused.threshold(), row);
          } else {
            s.evaluator().evaluate(buffer.indices(), buffer.length(), row);
          }
        } catch (RuntimeException e) {
          throw new StatisticFailedException(labels(plan), b, e);
        }
        for (int j = 0; j < row.length; j++) {
          out[j][b] = row[j];
        }
      }
    }
  }
}
