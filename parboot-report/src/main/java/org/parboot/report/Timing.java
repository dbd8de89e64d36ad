package org.parboot.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.CancelledException;
import org.parboot.StatisticResult;
import org.parboot.exec.RunControl;

/**
 * Times one bootstrap under several executors and thread counts, and proves they agree.
 *
 * <pre>{@code
 * TimingPlan plan = new TimingPlan(data, stats, options,
 *     TimingConfig.tutorial(Runtime.getRuntime().availableProcessors()), 1, 10);
 * TimingResult timing = Timing.of(plan)
 *     .onProgress((done, total) -> System.err.printf("%d/%d%n", done, total))
 *     .run();
 * }</pre>
 *
 * <p><b>Order of runs.</b> Repetitions are interleaved round-robin: warm-up 1 of every
 * configuration, then warm-up 2 of every configuration, ..., then timed run 1 of every
 * configuration, and so on. Machine noise (another process, a frequency change, a GC of a
 * previous run's garbage) comes in bursts; run back to back, one configuration would absorb a
 * whole burst and look slow. Interleaved, a burst spreads over all of them, so the medians
 * compare like with like. The warm-ups also warm the JIT for the code every executor shares.
 *
 * <p><b>Bit-identity.</b> The first run of the first configuration is the reference. Every later
 * run, warm-ups included, of every configuration must give replicates whose raw bits equal the
 * reference's, statistic by statistic and resample by resample; otherwise the run stops with a
 * {@link ReproducibilityException} naming both configurations and the first difference.
 *
 * <p><b>Cancellation.</b> {@link #cancel()} from any thread stops the run in progress promptly
 * (through its {@link RunControl}) and {@link #run()} throws {@link CancelledException}; so does
 * an interrupt of the thread calling {@link #run()}, noticed between runs (and by the engine
 * during one). The progress listener is called on the calling thread after each run, warm-ups
 * included. One {@code Timing} runs once.
 */
public final class Timing {

  /** Told after each run: {@code done} of {@code total} runs finished (warm-ups count). */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  private final TimingPlan plan;
  private Progress progress = (done, total) -> {};
  private volatile boolean cancelled;
  private volatile RunControl current;

  private Timing(TimingPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  /** A timing of the plan, not yet started. */
  public static Timing of(TimingPlan plan) {
    return new Timing(plan);
  }

  /** Sets the progress listener (called on the thread that calls {@link #run()}). */
  public Timing onProgress(Progress listener) {
    this.progress = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Stops the timing: the run in progress is cancelled and {@link #run()} throws {@link CancelledException}. */
  public void cancel() {
    cancelled = true;
    final RunControl c = current;
    if (c != null) {
      c.cancel();
    }
  }

  /** True once {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs the plan.
   *
   * @throws ReproducibilityException if any run's replicates differ from the reference's
   * @throws CancelledException if cancelled or interrupted
   * @throws org.parboot.ParbootException what {@link Bootstrap#run} throws
   */
  public TimingResult run() {
    final List<TimingConfig> configs = plan.configs();
    final int m = configs.size();
    final List<BootstrapOptions> options = configs.stream().map(c -> c.applyTo(plan.base())).toList();
    final List<List<Duration>> runs = new ArrayList<>(m);
    for (int c = 0; c < m; c++) {
      runs.add(new ArrayList<>(plan.runs()));
    }
    final int total = plan.totalRuns();
    final int repetitions = plan.warmups() + plan.runs();
    BootstrapResult reference = null;
    BootstrapResult last = null;
    int done = 0;
    for (int rep = 0; rep < repetitions; rep++) {
      for (int c = 0; c < m; c++) {
        final RunControl control = RunControl.create();
        current = control;
        if (cancelled || Thread.currentThread().isInterrupted()) {
          current = null;
          throw new CancelledException("the timing was " + (cancelled ? "cancelled" : "interrupted") + " after "
              + done + " of " + total + " runs", false);
        }
        final long start = System.nanoTime();
        final BootstrapResult result;
        try {
          result = Bootstrap.run(plan.data(), plan.statistics(), options.get(c), control);
        } finally {
          current = null;
        }
        final long nanos = System.nanoTime() - start;
        if (reference == null) {
          reference = result;
        } else {
          checkIdentical(configs.get(0), reference, configs.get(c), result);
        }
        if (rep >= plan.warmups()) {
          runs.get(c).add(Duration.ofNanos(nanos));
        }
        last = result;
        progress.update(++done, total);
      }
    }
    return TimingResult.of(configs, runs, plan.warmups(), last);
  }

  /** Compares the raw bits of every replicate of every statistic. */
  static void checkIdentical(TimingConfig refConfig, BootstrapResult ref, TimingConfig config, BootstrapResult got) {
    final List<StatisticResult> a = ref.statistics();
    final List<StatisticResult> b = got.statistics();
    if (a.size() != b.size()) {
      throw new ReproducibilityException(refConfig, config, a.size() + " against " + b.size() + " statistics");
    }
    for (int s = 0; s < a.size(); s++) {
      final StatisticResult x = a.get(s);
      final StatisticResult y = b.get(s);
      if (x.resamples() != y.resamples()) {
        throw new ReproducibilityException(refConfig, config,
            x.label() + " has " + x.resamples() + " against " + y.resamples() + " replicates");
      }
      for (int i = 0; i < x.resamples(); i++) {
        if (Double.doubleToRawLongBits(x.replicate(i)) != Double.doubleToRawLongBits(y.replicate(i))) {
          throw new ReproducibilityException(refConfig, config, x.label(), i, x.replicate(i), y.replicate(i));
        }
      }
    }
  }
}
