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
   * Runs the comparison under a {@link RunControl}. Each sample is resampled by the options'
   * scheme on its own (a block scheme cuts each sample's own series into blocks; an automatic
   * block length is each sample's own), with its own seed.
   *
   * @throws InvalidInputException the two samples are the same group, the scheme has strata, or
   *     a sample's data is not acceptable (the message names the group)
   * @throws StatisticFailedException a statistic threw
   * @throws CancelledException the run was cancelled, interrupted or timed out
   */
  public static TwoSampleResult run(GroupJob first, GroupJob second, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control) {
    distinct(first, second);
    noStrata(options);
    final long start = System.nanoTime();
    final long seedA = Seeds.group(options.seed(), first.file(), first.group());
    final long seedB = Seeds.group(options.seed(), second.file(), second.group());
    final Engine.Outcome<Summaries.Summary> outcome = Engine.run(List.of(new Sample(first.group(), first.data(), seedA),
        new Sample(second.group(), second.data(), seedB)), Contrast.DIFFERENCE, statistics, options, control,
        Summaries.of(List.copyOf(statistics), options));
    final List<String> schemes = outcome.replicates().schemes();
    final String scheme = schemes.get(0).equals(schemes.get(1)) ? schemes.get(0) + ", two independent samples"
        : first.group() + ": " + schemes.get(0) + "; " + second.group() + ": " + schemes.get(1) + ", independent";
    return result(first, second, statistics, options, outcome, scheme, first.data().rows() + second.data().rows(), seedA,
        seedB, false, start);
  }

  /**
   * The paired comparison: row i of {@code first} and of {@code second} are one pair (the same
   * date, patient or unit: {@link org.parboot.data.Pairs#match}), and resample b draws the same
   * pairs for both, by the options' scheme over the pairs (a block scheme keeps runs of
   * consecutive pairs together; an automatic block length is the largest over both samples'
   * columns), from the options' seed. Replicate b is statistic(first's rows) − statistic(second's
   * same rows); BCa's jackknife leaves one pair out of both. The studentized interval is refused:
   * its standard error of a paired difference needs the pairs' covariance.
   *
   * @throws InvalidInputException the samples differ in length, are the same group, the scheme has
   *     strata, studentized is asked for, or a sample's data is not acceptable
   */
  public static TwoSampleResult paired(GroupJob first, GroupJob second, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control) {
    distinct(first, second);
    noStrata(options);
    if (first.data().rows() != second.data().rows()) {
      throw new InvalidInputException("paired samples must have one row per pair: " + Messages.quote(first.group())
          + " has " + first.data().rows() + " rows and " + Messages.quote(second.group()) + " " + second.data().rows());
    }
    if (options.intervals().methods().contains(org.parboot.ci.IntervalMethod.STUDENTIZED)) {
      throw new InvalidSettingException("intervals", "studentized", "needs the standard error of a paired difference, "
          + "which needs the pairs' covariance", "percentile, basic, normal, bca");
    }
    final long start = System.nanoTime();
    final List<String> columns = Statistic.columnsRead(statistics, null);
    final org.parboot.data.Dataset.Builder both = org.parboot.data.Dataset.builder(first.data().source());
    final List<String> named = new java.util.ArrayList<>();
    for (String c : columns) {
      if (first.data().hasColumn(c) && second.data().hasColumn(c)) {
        both.column("first " + c, first.data().column(c)).column("second " + c, second.data().column(c));
        named.add("first " + c);
        named.add("second " + c);
      }
    }
    final org.parboot.resample.Resampler pairs = org.parboot.resample.Resamplers.create(options.scheme(),
        named.isEmpty() ? first.data() : both.build(), named.isEmpty() ? columns : named, options.seed(),
        options.resamples());
    final Engine.Outcome<Summaries.Summary> outcome = Engine.run(List.of(
        new Sample(first.group(), first.data(), options.seed(), pairs, null),
        new Sample(second.group(), second.data(), options.seed(), pairs, null)), Contrast.PAIRED_DIFFERENCE,
        statistics, options, control, Summaries.of(List.copyOf(statistics), options));
    return result(first, second, statistics, options, outcome, pairs.name() + " over " + first.data().rows() + " pairs",
        first.data().rows(), options.seed(), options.seed(), true, start);
  }

  private static void distinct(GroupJob first, GroupJob second) {
    if (first.file().equals(second.file()) && first.group().equals(second.group())) {
      throw new InvalidInputException("a comparison needs two different groups, got " + Messages.quote(first.group())
          + " twice");
    }
  }

  private static void noStrata(BootstrapOptions options) {
    if (options.scheme().strata() != null) {
      throw new InvalidSettingException("scheme", options.scheme().spelling() + " with strata",
          "does not apply to a comparison", "a scheme without strata (each sample is resampled on its own)");
    }
  }

  private static TwoSampleResult result(GroupJob first, GroupJob second, List<? extends Statistic> statistics,
      BootstrapOptions options, Engine.Outcome<Summaries.Summary> outcome, String scheme, long n, long seedA, long seedB,
      boolean paired, long start) {
    final Engine.Replicates r = outcome.replicates();
    final List<String> warnings = new ArrayList<>();
    for (GroupJob g : List.of(first, second)) {
      final String series = RunWarnings.serialDependence(g.data(), statistics, options,
          g.group() + ": ");
      if (series != null) {
        warnings.add(series);
      }
    }
    final String cost = RunWarnings.nestedCost(n, statistics, options);
    if (cost != null) {
      warnings.add(cost);
    }
    final List<StatisticResult> results = Summaries.results(outcome.perStatistic(), warnings);
    final BootstrapResult result = new BootstrapResult(first.data().source() + ": " + first.group() + " - "
        + second.group(), n, first.data().droppedMissing() + (paired ? 0 : second.data().droppedMissing()), options,
        scheme, ResampleStreams.ALGORITHM, r.layout(), r.kernel(), BootstrapResult.LOCAL,
        Duration.ofNanos(System.nanoTime() - start), results, warnings);
    return new TwoSampleResult(new TwoSampleResult.Side(first.file(), first.group(), first.data().rows()),
        new TwoSampleResult.Side(second.file(), second.group(), second.data().rows()), seedA, seedB, paired, result);
  }
}
