package org.parboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.parboot.ci.IntervalInputs;
import org.parboot.data.Dataset;
import org.parboot.engine.Contrast;
import org.parboot.engine.Engine;
import org.parboot.engine.Sample;
import org.parboot.exec.RunControl;
import org.parboot.rng.ResampleStreams;
import org.parboot.stat.Statistic;

/**
 * The bootstrap of one sample: resamples the rows of a dataset B times, evaluates every statistic
 * on every resample in parallel, and summarises each bootstrap distribution (bias, standard
 * error, confidence intervals).
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
 * doubles) plus per-worker buffers, never B x n; a run that cannot fit in the heap is refused
 * before it starts; every thread the run starts has ended when it returns or throws. Safe to call
 * from many threads at once: runs share nothing. {@link TwoSampleBootstrap} runs the same engine
 * for the difference between two samples.
 *
 * <p>With {@link BootstrapOptions#adaptive() adaptive B}, a run starts at the options' B and
 * doubles it until every interval endpoint's Monte Carlo standard error is below the target (or B
 * reaches its maximum); each round computes only its new resamples, so the result is the fixed
 * run with the final B, bit for bit, and its {@link BootstrapResult#growth()} says why B stopped.
 */
public final class Bootstrap {

  private Bootstrap() {}

  /**
   * Whether this JVM may run the SIMD kernels: it has the Vector API ({@code --add-modules
   * jdk.incubator.vector}) and {@code -Dparboot.vector} is not {@code off}. Cheap: loads nothing.
   */
  public static boolean simdAllowed() {
    return org.parboot.simd.Simd.allowed(org.parboot.simd.Simd.setting());
  }

  /**
   * The draws a run of {@code statistics} over {@code rows} rows (all samples together) makes under
   * {@code options}: B times the rows, times 1 + J with the studentized interval's nested bootstrap.
   * What {@link org.parboot.exec.SimdMode#AUTO} weighs.
   */
  public static long draws(long rows, List<? extends Statistic> statistics, BootstrapOptions options) {
    return Engine.draws(rows, statistics, options);
  }


  /**
   * What a run that uses SIMD ({@link org.parboot.exec.SimdMode}) gets in this JVM: its index draw
   * and its sums, each {@code scalar} or a description of its SIMD implementation (for
   * {@code parboot --version}). Loads the Vector API if the JVM has it.
   */
  public static String simdKernels() {
    return "index draw " + ResampleStreams.drawImplementation(true) + ", sums "
        + org.parboot.eval.EvaluationPlan.sumsImplementation(true);
  }

  /** Runs the bootstrap to completion on the calling thread's behalf. */
  public static BootstrapResult run(Dataset data, List<? extends Statistic> statistics, BootstrapOptions options) {
    return run(data, statistics, options, RunControl.create());
  }

  /**
   * Runs the bootstrap under a {@link RunControl} (cancellation, deadline, progress).
   *
   * @throws InvalidInputException bad columns, too few rows, or a run too large for the heap
   * @throws StatisticFailedException a statistic threw (the run was stopped)
   * @throws NonFiniteReplicatesException a replicate was NaN or infinite under {@link org.parboot.ci.NanPolicy#ERROR}
   * @throws CancelledException the run was cancelled, interrupted or timed out. When the calling
   *     thread is interrupted, the run is cancelled, its workers are waited for, and the thread's
   *     interrupt flag is set again before this is thrown.
   */
  public static BootstrapResult run(Dataset data, List<? extends Statistic> statistics, BootstrapOptions options,
      RunControl control) {
    return run(data, statistics, options, control, null, null, null);
  }

  /**
   * Continues saved replicates: computes only resamples {@code saved.resamples()} to
   * {@code options.resamples() - 1} and summarises all of them, which gives, bit for bit, the run
   * with {@code options.resamples()} from the start. The saved replicates must have been made with
   * this data, these statistics, this scheme and this seed ({@link Fingerprint}).
   *
   * @throws InvalidInputException the fingerprints differ (the message names what differs), B is
   *     not larger than the saved resamples, or the run needs what a file does not keep (the
   *     studentized interval's standard errors; the balanced scheme's B)
   */
  public static BootstrapResult extend(Dataset data, List<? extends Statistic> statistics, BootstrapOptions options,
      SavedReplicates saved, RunControl control) {
    if (options.scheme() instanceof org.parboot.scheme.Scheme.Balanced) {
      throw new InvalidSettingException("scheme", "balanced", "cannot be extended: its resamples depend on B",
          "any other scheme");
    }
    if (options.intervals().needStandardErrors()) {
      throw new InvalidSettingException("intervals", "studentized", "cannot be extended: saved replicates do not keep "
          + "each resample's standard error", "percentile, basic, normal, bca");
    }
    if (options.adaptive() != null) {
      throw new InvalidSettingException("mcError", Double.toString(options.adaptive().target()),
          "cannot be combined with extending saved replicates", "a fixed number of resamples");
    }
    // The run's resampler, made once: its name (an automatic block length) is in the fingerprint.
    final org.parboot.resample.Resampler resampler = org.parboot.resample.Resamplers.create(options.scheme(), data,
        Statistic.columnsRead(statistics, null), options.seed(), options.resamples());
    final Fingerprint now = Fingerprint.of(data, statistics, options, resampler.name());
    final List<String> differ = saved.fingerprint().differences(now);
    if (!differ.isEmpty()) {
      throw new InvalidInputException("the saved replicates were made by another run: " + String.join("; ", differ));
    }
    if (options.resamples() <= saved.resamples()) {
      throw new InvalidSettingException("resamples", Integer.toString(options.resamples()), "is not more than the "
          + saved.resamples() + " saved resamples", "more than " + saved.resamples());
    }
    return run(data, statistics, options, control, new Engine.Prefix(saved.resamples(), saved.replicates(), null),
        resampler, now);
  }

  /**
   * The run, continuing {@code saved} (null: none) with {@code resampler} (null: the scheme's) and
   * {@code fingerprint} (null: computed) when {@link #extend} has made them already.
   */
  private static BootstrapResult run(Dataset data, List<? extends Statistic> statistics, BootstrapOptions options,
      RunControl control, Engine.Prefix saved, org.parboot.resample.Resampler resampler, Fingerprint fingerprint) {
    final long start = System.nanoTime();
    final List<Sample> samples = List.of(new Sample("", data, options.seed(), resampler, null));
    BootstrapOptions round = options;
    Engine.Outcome<Summaries.Summary> outcome = Engine.run(samples, Contrast.IDENTITY, statistics, round, control,
        Summaries.of(List.copyOf(statistics), round), saved);
    BootstrapResult.Growth growth = null;
    if (options.adaptive() != null) {
      final BootstrapOptions.Adaptive adaptive = options.adaptive();
      int doublings = 0;
      while (true) {
        growth = growth(outcome.perStatistic(), adaptive, doublings);
        if (growth.met() || round.resamples() >= adaptive.maxResamples()) {
          break;
        }
        final Engine.Replicates done = outcome.replicates();
        final Engine.Prefix prefix = new Engine.Prefix(round.resamples(), done.replicates(), done.replicateSe());
        round = options.toBuilder().resamples(Math.min(2L * round.resamples(), adaptive.maxResamples())).build();
        outcome = Engine.run(samples, Contrast.IDENTITY, statistics, round, control,
            Summaries.of(List.copyOf(statistics), round), prefix);
        doublings++;
      }
    }
    final Engine.Replicates r = outcome.replicates();
    final List<String> warnings = new ArrayList<>(runWarnings(data, statistics, round));
    final List<StatisticResult> results = Summaries.results(outcome.perStatistic(), warnings);
    return new BootstrapResult(data.source(), data.rows(), data.droppedMissing(), round, r.schemes().get(0),
        ResampleStreams.ALGORITHM, r.layout(), r.kernel(), BootstrapResult.LOCAL,
        Duration.ofNanos(System.nanoTime() - start), results, warnings, growth,
        fingerprint != null ? fingerprint : Fingerprint.of(data, statistics, round, r.schemes().get(0)));
  }

  /**
   * The warnings about a run of {@code statistics} over {@code data} as a whole, which a result
   * lists before its statistics' own: rows resampled one by one although they look like a series
   * (a significant lag-1 autocorrelation in row order), and the cost of a large nested studentized
   * bootstrap. The command line shows the second before a run starts.
   */
  public static List<String> runWarnings(Dataset data, List<? extends Statistic> statistics, BootstrapOptions options) {
    final List<String> out = new ArrayList<>();
    final String series = RunWarnings.serialDependence(data, statistics, options, "");
    if (series != null) {
      out.add(series);
    }
    final String cost = costWarning(data.rows(), statistics, options);
    if (cost != null) {
      out.add(cost);
    }
    return out;
  }

  /**
   * The expected cost of the studentized interval's nested bootstrap when it is large (more than
   * 10^9 draws): its draws and how many times the run without it; null otherwise.
   */
  public static String costWarning(long rows, List<? extends Statistic> statistics, BootstrapOptions options) {
    return RunWarnings.nestedCost(rows, statistics, options);
  }

  /**
   * Whether every endpoint's Monte Carlo error is below its target, and the largest relative to
   * it. An endpoint whose error is unknown (an open side, an undefined interval) does not count;
   * an error of 0 (every replicate equal) always meets it.
   */
  private static BootstrapResult.Growth growth(List<Summaries.Summary> summaries, BootstrapOptions.Adaptive adaptive,
      int doublings) {
    double largest = 0;
    String where = "no endpoint";
    for (Summaries.Summary s : summaries) {
      final StatisticResult r = s.result();
      final double target = adaptive.targetFor(r.standardError());
      for (org.parboot.ci.Interval i : r.intervals()) {
        final double[] errors = {i.lowError(), i.highError()};
        for (int e = 0; e < 2; e++) {
          if (Double.isNaN(errors[e]) || errors[e] == 0) {
            continue;
          }
          final double ratio = errors[e] / target;
          if (!(ratio <= largest)) { // NaN (no target) is never met
            largest = ratio;
            where = r.label() + " " + i.method().spelling() + (e == 0 ? " low" : " high");
          }
        }
      }
    }
    return new BootstrapResult.Growth(doublings, largest < 1, largest, where);
  }

  /**
   * What BCa reads besides the replicates, for {@link #summarise}: each statistic's jackknife on
   * {@code data} (rows weighted by {@code weights}, or null), computed on this thread.
   *
   * @throws InvalidInputException the data does not fit the statistics
   */
  public static List<IntervalInputs> jackknife(Dataset data, List<? extends Statistic> statistics, String weights) {
    final double[][] jackknife = new org.parboot.eval.EvaluationPlan(data, statistics, weights).jackknife();
    final List<IntervalInputs> out = new ArrayList<>(jackknife.length);
    for (double[] j : jackknife) {
      out.add(IntervalInputs.ofJackknife(j));
    }
    return out;
  }

  /**
   * Summarises replicates that another engine computed (the Spark module) exactly as a run
   * summarises its own: distributions, bias, standard errors, the options' intervals, warnings.
   *
   * @param source where the data came from
   * @param n observations resampled
   * @param droppedMissing rows dropped for missing values
   * @param options the options it ran with (the seed actually used; {@code resamples} must be the
   *     length of each replicate array)
   * @param scheme the resampling scheme, as results name it
   * @param layout how the replicates' sums were laid out, as results name it
   * @param kernel how the replicates were computed
   * @param engine where they were computed, e.g. {@code spark local[2]}
   * @param statistics the statistics, in order
   * @param observed each statistic's value on the data
   * @param replicates {@code replicates[s][b]}: statistic s on resample b (kept by the result)
   * @param inputs what each statistic's interval methods read besides its distribution (e.g.
   *     {@link IntervalInputs#ofAcceleration BCa's acceleration})
   * @param elapsed the run's wall time
   * @throws NonFiniteReplicatesException a replicate was NaN or infinite under {@link org.parboot.ci.NanPolicy#ERROR}
   */
  public static BootstrapResult summarise(String source, long n, long droppedMissing, BootstrapOptions options,
      String scheme, String layout, String kernel, String engine, List<? extends Statistic> statistics, double[] observed,
      double[][] replicates, List<IntervalInputs> inputs, Duration elapsed) {
    if (replicates.length != statistics.size() || observed.length != statistics.size()
        || inputs.size() != statistics.size()) {
      throw new IllegalArgumentException(statistics.size() + " statistics, " + observed.length + " observed values, "
          + replicates.length + " replicate arrays, " + inputs.size() + " interval inputs");
    }
    final List<Summaries.Summary> summaries = new ArrayList<>();
    for (int s = 0; s < replicates.length; s++) {
      if (replicates[s].length != options.resamples()) {
        throw new IllegalArgumentException(replicates[s].length + " replicates of " + statistics.get(s).label()
            + " for " + options.resamples() + " resamples");
      }
      final IntervalInputs in = inputs.get(s);
      summaries.add(Summaries.one(statistics.get(s), replicates[s], observed[s], d -> in, options));
    }
    final List<String> warnings = new ArrayList<>();
    final List<StatisticResult> results = Summaries.results(summaries, warnings);
    return new BootstrapResult(source, n, droppedMissing, options, scheme, ResampleStreams.ALGORITHM, layout, kernel,
        engine, elapsed, results, warnings);
  }
}
