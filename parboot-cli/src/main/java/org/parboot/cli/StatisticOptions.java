package org.parboot.cli;

import java.util.ArrayList;
import java.util.List;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.Statistic;
import picocli.CommandLine.Option;

/** Which statistics a command computes ({@code run}, {@code test}, {@code bench}): specs, Java statistics, weights. */
final class StatisticOptions {

  @Option(names = {"-s", "--stat"}, paramLabel = "SPEC",
      description = "Statistic, repeatable: mean, var(ddof=1), std(ddof=1), cv(ddof=1), sem(ddof=1), geomean, hmean, "
          + "prop(x > c), skew(bias=false), kurt(bias=false), median, quantile(p), iqr, mad(scale=1|normal), "
          + "trimmed_mean(f), min, max; of two columns as rows: corr(x,y), spearman(x,y), kendall(x,y), "
          + "cov(x,y,ddof=1), ratio(x,y), mean_diff(x,y); a column of its own: mean(x), quantile(x, 0.9); or an "
          + "expression of them with + - * / ^, parentheses, sqrt, log, exp, abs: 'std/mean'. Default: mean.")
  List<String> stats = new ArrayList<>();

  @Option(names = "--stat-class", paramLabel = "CLASS",
      description = "A statistic written in Java, repeatable: a public class (on --classpath) implementing "
          + "ToDoubleFunction<double[]> (computed on each --column) or org.parboot.stat.CustomStatistic.SampleFunction "
          + "(the --columns as rows), with a public no-argument constructor.")
  List<String> statClasses = new ArrayList<>();

  @Option(names = "--stat-source", paramLabel = "FILE",
      description = "A statistic as a Java source file, compiled at run time (needs a JDK), repeatable; as --stat-class.")
  List<java.nio.file.Path> statSources = new ArrayList<>();

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "Where --stat-class finds its class: jar files and class directories, separated by the platform's "
          + "path separator.")
  String classpath;

  @Option(names = "--weights", paramLabel = "COLUMN",
      description = "Weight each row by this column (non-negative frequency or survey weights, read as frequencies: "
          + "a statistic's sample size is their sum); for the moment statistics, median, quantile, iqr, min, max and "
          + "ols. Quantiles follow numpy.quantile(weights=..., method='inverted_cdf').")
  String weights;

  /** The statistics the specs stand for, one-column ones applied to each default column. */
  List<Statistic> statistics(List<String> defaultColumns) throws java.io.IOException {
    final boolean user = !statClasses.isEmpty() || !statSources.isEmpty();
    final List<String> specs = stats.isEmpty() && !user ? List.of("mean") : stats;
    final List<Statistic> out = new ArrayList<>();
    for (String spec : specs) {
      out.addAll(StatisticSpec.parse(spec, defaultColumns));
    }
    out.addAll(UserStatistics.load(statClasses, statSources, classpath, defaultColumns));
    return out;
  }

  /** Every column a run reads: the statistics' and the weights. */
  List<String> columnsToRead(List<Statistic> statistics) {
    return Statistic.columnsRead(statistics, weights);
  }

}
