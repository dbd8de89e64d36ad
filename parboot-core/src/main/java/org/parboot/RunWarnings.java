package org.parboot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parboot.data.Dataset;
import org.parboot.scheme.Scheme;
import org.parboot.stat.Statistic;

/**
 * The honest warnings about a run as a whole, before its statistics' own ({@link Summaries}):
 * rows resampled one by one although they look like a series, and the cost of the studentized
 * interval's nested bootstrap.
 */
final class RunWarnings {
  /** Fewer rows than this give no serial-dependence warning: the test has no power. */
  static final int MIN_ROWS = 20;
  /** The two-sided 1% point of the standard normal: |r1| beyond 2.576/√n is significant at 1%. */
  static final double Z_ONE_PERCENT = 2.5758293035489;
  /** A nested studentized run of more draws than this is announced before it starts. */
  static final double NESTED_DRAWS_NOTE = 1e9;

  private RunWarnings() {}

  /** The lag-1 autocorrelation of {@code x} in row order, Σ(x_t − m)(x_{t−1} − m) / Σ(x_t − m)²; NaN for a constant column. */
  static double lagOne(double[] x) {
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.length;
    double num = 0;
    double den = 0;
    for (int t = 0; t < x.length; t++) {
      final double d = x[t] - m;
      den += d * d;
      if (t > 0) {
        num += d * (x[t - 1] - m);
      }
    }
    return den > 0 ? num / den : Double.NaN;
  }

  /**
   * A warning when a scheme that draws rows one by one (iid, with or without strata; poisson;
   * balanced) resamples columns whose lag-1 autocorrelation in row order is significant at the 1%
   * level for independent rows (|r1| &gt; 2.576/√n): if the rows are a series, such a resample
   * understates the standard error. Null when there is nothing to say.
   *
   * @param sample the sample's name and ": ", or "" for a single run
   */
  static String serialDependence(Dataset data, List<? extends Statistic> statistics, BootstrapOptions options,
      String sample) {
    final Scheme scheme = options.scheme();
    if (!(scheme instanceof Scheme.Iid || scheme instanceof Scheme.Poisson || scheme instanceof Scheme.Balanced)
        || data.rows() < MIN_ROWS) {
      return null;
    }
    final Set<String> columns = new LinkedHashSet<>();
    statistics.forEach(s -> columns.addAll(s.columns()));
    final double bound = Z_ONE_PERCENT / Math.sqrt(data.rows());
    final List<String> named = new ArrayList<>();
    final List<String> values = new ArrayList<>();
    for (String c : columns) {
      if (!data.hasColumn(c)) {
        continue;
      }
      final double r = lagOne(data.column(c));
      if (Math.abs(r) > bound) {
        named.add(c);
        values.add(String.format(Locale.ROOT, "%.2f", r));
      }
    }
    if (named.isEmpty()) {
      return null;
    }
    final boolean one = named.size() == 1;
    return sample + String.join(", ", named) + ": the lag-1 autocorrelation" + (one ? "" : "s") + " in row order "
        + (one ? "is " : "are ") + String.join(", ", values) + String.format(Locale.ROOT,
        " (beyond ±%.3f, the 1%% level for %d independent rows); if the rows are a series, the %s scheme, which "
            + "draws rows one by one, understates the standard error: --scheme stationary resamples blocks of "
            + "neighbouring rows", bound, data.rows(), scheme.spelling());
  }

  /**
   * The cost of the studentized interval's nested bootstrap, when it is large (more than
   * {@value #NESTED_DRAWS_NOTE} draws): how many rows it draws and how many times the run without
   * it; null otherwise.
   */
  static String nestedCost(long rows, List<? extends Statistic> statistics, BootstrapOptions options) {
    final double plain = (double) options.resamples() * rows;
    final long draws = org.parboot.engine.Engine.draws(rows, statistics, options);
    if (draws <= plain || draws < NESTED_DRAWS_NOTE) {
      return null;
    }
    return String.format(Locale.ROOT, "studentized: the nested bootstrap of the statistics without an analytic standard "
        + "error draws %.1e rows, %d times the %.1e of the same run without it (%d inner resamples per resample); "
        + "fewer inner resamples, or percentile and bca, cost a fraction of it", (double) draws,
        Math.round(draws / plain), plain, options.intervals().innerResamples());
  }
}
