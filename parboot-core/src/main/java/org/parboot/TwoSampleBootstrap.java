package org.parboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.parboot.batch.GroupJob;
import org.parboot.engine.Contrast;
import org.parboot.engine.Engine;
import org.parboot.engine.Sample;
import org.parboot.exec.RunControl;
import org.parboot.rng.ResampleStreams;
import org.parboot.rng.Seeds;
import org.parboot.scheme.Scheme;
import org.parboot.stat.Statistic;

/**
 * Two-sample comparison: the bootstrap of {@code statistic(first) − statistic(second)} with each
 * sample resampled independently, as {@code scipy.stats.bootstrap((a, b), lambda a, b, axis:
 * stat(a) - stat(b))} does (its default {@code paired=False}). It is the engine's run of two
 * samples with the {@link Contrast#DIFFERENCE difference} contrast.
 *
 * <pre>{@code
 * BootstrapOptions options = BootstrapOptions.builder().seed(42).intervals(IntervalMethod.BCA).build();
 * TwoSampleResult r = TwoSampleBootstrap.run(new GroupJob("weather.csv", "Seattle", seattle),
 *     new GroupJob("weather.csv", "New York", newYork), List.of(MomentStatistic.mean("temp_max")), options);
 * }</pre>
 *
 * <p><b>Streams.</b> Sample j is resampled exactly as its group would be in a
 * {@link org.parboot.batch.GroupedBootstrap} batch with the same seed: with the seed
 * {@link Seeds#group Seeds.group(seed, file_j, group_j)}. So the replicates are, bit for bit,
 * replicate b of the first group's run minus replicate b of the second's, and they do not depend
 * on the executor or thread count.
 *
 * <p><b>Intervals.</b> Every {@link org.parboot.ci.IntervalMethod}. BCa's acceleration is SciPy's
 * multi-sample one ({@link org.parboot.ci.IntervalMethod#acceleration(java.util.List)}): the
 * jackknife leaves out one row of one sample at a time, keeping the other sample whole. The
 * studentized interval uses {@code se*_b = √(se*_b(first)² + se*_b(second)²)} (independent
 * samples); its scale is the same combination of the analytic standard errors on the data, or the
 * bootstrap standard error of the differences for statistics without one.
 *
 * <p>Costs and guarantees are those of {@link Bootstrap}: the memory of both samples is checked
 * before the run, the jackknife is O(n) for the built-in statistics and n evaluations per custom
 * statistic and sample, on the run's executor.
 */
public final class TwoSampleBootstrap {
  private TwoSampleBootstrap() {}

  /** Runs the comparison to completion. */
  public static TwoSampleResult run(GroupJob first, GroupJob second, List<? extends Statistic> statistics,
      BootstrapOptions options) {
    return run(first, second, statistics, options, RunControl.create());
  }

  /**
   * Runs the comparison under a {@link RunControl}.
   *
   * @throws InvalidInputException the two samples are the same group, the scheme is not plain iid,
   *     or a sample's data is not acceptable (the message names the group)
   * @throws StatisticFailedException a statistic threw
   * @throws CancelledException the run was cancelled, interrupted or timed out
   */
  public static TwoSampleResult run(GroupJob first, GroupJob second, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control) {
    if (first.file().equals(second.file()) && first.group().equals(second.group())) {
      throw new InvalidInputException("a comparison needs two different groups, got " + Messages.quote(first.group())
          + " twice");
    }
    if (!(options.scheme() instanceof Scheme.Iid iid) || iid.strata() != null) {
      throw new InvalidSettingException("scheme", options.scheme().spelling()
          + (options.scheme().strata() != null ? " with strata" : ""), "does not apply to a comparison",
          "the plain iid scheme (each sample resampled iid)");
    }
    final long start = System.nanoTime();
    final long seedA = Seeds.group(options.seed(), first.file(), first.group());
    final long seedB = Seeds.group(options.seed(), second.file(), second.group());
    final Engine.Outcome<Summaries.Summary> outcome = Engine.run(List.of(new Sample(first.group(), first.data(), seedA),
        new Sample(second.group(), second.data(), seedB)), Contrast.DIFFERENCE, statistics, options, control,
        Summaries.of(List.copyOf(statistics), options));
    final Engine.Replicates r = outcome.replicates();
    final List<String> warnings = new ArrayList<>();
    final List<StatisticResult> results = Summaries.results(outcome.perStatistic(), warnings);
    final BootstrapResult result = new BootstrapResult(first.data().source() + ": " + first.group() + " - "
        + second.group(), first.data().rows() + second.data().rows(),
        first.data().droppedMissing() + second.data().droppedMissing(), options, "iid, two independent samples",
        ResampleStreams.ALGORITHM, r.layout(), r.kernel(), BootstrapResult.LOCAL, Duration.ofNanos(System.nanoTime() - start), results, warnings);
    return new TwoSampleResult(new TwoSampleResult.Side(first.file(), first.group(), first.data().rows()),
        new TwoSampleResult.Side(second.file(), second.group(), second.data().rows()), seedA, seedB, result);
  }
}
