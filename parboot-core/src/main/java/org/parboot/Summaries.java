package org.parboot;

import java.util.ArrayList;
import java.util.List;
import org.parboot.ci.Alternative;
import org.parboot.ci.Distribution;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalInputs;
import org.parboot.ci.IntervalMethod;
import org.parboot.ci.NanPolicy;
import org.parboot.engine.Engine;
import org.parboot.stat.Statistic;

/**
 * A run's replicates summarised, statistic by statistic ({@link Engine.PerStatistic}: the run
 * summarises its statistics in parallel): its distribution, bias, standard error, the intervals of
 * the options and the warnings (prefixed with the statistic's label).
 */
final class Summaries {
  private Summaries() {}

  /** One statistic's result and warnings. */
  record Summary(StatisticResult result, List<String> warnings) {}

  /** The summarising of {@code statistics} under {@code options}, for {@link Engine#run}. */
  static Engine.PerStatistic<Summary> of(List<? extends Statistic> statistics, BootstrapOptions options) {
    return (r, s) -> one(statistics.get(s), r, s, options);
  }

  /** The results in statistic order; the warnings appended to {@code warnings} in the same order. */
  static List<StatisticResult> results(List<Summary> summaries, List<String> warnings) {
    final List<StatisticResult> results = new ArrayList<>(summaries.size());
    for (Summary s : summaries) {
      results.add(s.result());
      warnings.addAll(s.warnings());
    }
    return results;
  }

  private static Summary one(Statistic stat, Engine.Replicates r, int s, BootstrapOptions options) {
    return one(stat, r.replicates()[s], r.observed()[s], d -> inputs(r, s, d), options);
  }

  /**
   * One statistic's summary from its replicates (owned by the result), its observed value and what
   * its interval methods read besides the distribution.
   */
  static Summary one(Statistic stat, double[] replicates, double observed,
      java.util.function.Function<Distribution, IntervalInputs> inputs, BootstrapOptions options) {
    final int b = options.resamples();
    final Distribution d = new Distribution(replicates, observed);
    final List<String> w = new ArrayList<>();
    if (!Double.isFinite(observed)) {
      w.add("the observed value is " + observed);
    }
    final boolean propagate = d.omitted() > 0 && options.nanPolicy() == NanPolicy.PROPAGATE;
    if (d.omitted() > 0) {
      switch (options.nanPolicy()) {
        case OMIT -> w.add(d.omitted() + " of " + b + " replicates are NaN or infinite and were left out");
        case PROPAGATE -> w.add(d.omitted() + " of " + b
            + " replicates are NaN or infinite; under the nan policy propagate, bias, standard error and intervals are NaN");
        case ERROR -> throw new NonFiniteReplicatesException(stat.label(), d.omitted(), b,
            Distribution.firstNonFinite(replicates));
      }
    }
    if (!propagate && d.size() > 0 && d.degenerate()) {
      w.add("the bootstrap distribution is degenerate (every replicate is " + d.mean()
          + "); every interval is that single point");
    }
    final IntervalInputs in = inputs.apply(d);
    final List<IntervalMethod> smooth = options.intervals().methods().stream()
        .filter(m -> m == IntervalMethod.BCA || m == IntervalMethod.STUDENTIZED).toList();
    if (!smooth.isEmpty() && org.parboot.stat.StatisticParts.leavesOf(List.of(stat)).stream()
        .anyMatch(l -> l instanceof org.parboot.stat.OrderStatistic o
            && (o.kind() == org.parboot.stat.OrderStatistic.Kind.MIN || o.kind() == org.parboot.stat.OrderStatistic.Kind.MAX))) {
      w.add(String.join(" and ", smooth.stream().map(IntervalMethod::spelling).toList()) + " assume a smooth statistic, "
          + "and an extreme (min, max) is not: its replicates take few values and these intervals can be far off; "
          + "prefer percentile, and read it with caution");
    }
    final List<Interval> intervals = new ArrayList<>();
    for (IntervalMethod m : options.intervals().methods()) {
      final double level = options.intervals().level();
      final Alternative side = options.intervals().alternative();
      final Interval interval = propagate ? new Interval(m, level, Double.NaN, Double.NaN, side)
          : side.interval(m, d, level, in, w);
      final double theta0 = options.intervals().nullValue();
      intervals.add(!options.intervals().hasNull() ? interval
          : interval.withPValue(propagate ? Double.NaN : side.pValue(m, d, theta0, in)));
    }
    final List<String> prefixed = w.stream().map(msg -> stat.label() + ": " + msg).toList();
    return new Summary(StatisticResult.owning(stat, observed, propagate ? Double.NaN : d.bias(),
        propagate ? Double.NaN : d.standardError(), intervals, d.omitted(), replicates), prefixed);
  }
  /**
   * What statistic s's interval methods read besides its distribution: the jackknife (one array
   * per sample) and the studentized interval's standard errors, whose scale is the analytic
   * standard error on the data, else the bootstrap standard error.
   */
  private static IntervalInputs inputs(Engine.Replicates r, int s, Distribution d) {
    final IntervalInputs in = r.jackknife() == null ? IntervalInputs.none()
        : new IntervalInputs(r.jackknife().get(s), null, Double.NaN);
    if (r.replicateSe() == null) {
      return in;
    }
    final double analytic = r.observedSe()[s];
    return in.withStandardErrors(r.replicateSe()[s], Double.isNaN(analytic) ? d.standardError() : analytic);
  }
}
