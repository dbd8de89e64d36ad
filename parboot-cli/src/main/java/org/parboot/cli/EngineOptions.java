package org.parboot.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parboot.BootstrapOptions;
import org.parboot.ci.IntervalMethod;
import org.parboot.ci.NanPolicy;
import org.parboot.stat.Statistic;
import org.parboot.spec.StatisticSpec;
import picocli.CommandLine.Option;

/**
 * The bootstrap's settings on the command line (but where it runs: {@link ExecutorOptions}). They fill the same {@link BootstrapOptions.Builder}
 * the Java API uses, which validates them, so the CLI and the library cannot drift.
 */
final class EngineOptions {

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

  @Option(names = {"-B", "--resamples"}, paramLabel = "B", defaultValue = "9999",
      description = "Number of bootstrap resamples. Default: ${DEFAULT-VALUE}")
  long resamples;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed: the same seed gives bit-identical results on any executor and thread count. "
          + "Default: drawn at random and printed.")
  Long seed;

  @Option(names = "--ci", paramLabel = "METHODS", defaultValue = "bca",
      description = "Interval methods, comma-separated: percentile, basic, normal, bca, studentized, or all. "
          + "Default: ${DEFAULT-VALUE}")
  String ci;

  @Option(names = "--alternative", paramLabel = "SIDE", defaultValue = "two-sided",
      description = "two-sided, less (-inf, high] or greater [low, inf), as SciPy's alternative: a one-sided interval "
          + "keeps an endpoint of the two-sided interval at level 2 x L - 1, for every method. Default: ${DEFAULT-VALUE}")
  String alternative;

  @Option(names = "--inner-resamples", paramLabel = "J", defaultValue = "50",
      description = "Inner resamples per resample for the studentized interval's nested standard errors "
          + "(statistics other than mean, mean_diff, var and std). Default: ${DEFAULT-VALUE}")
  long innerResamples;

  @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
      description = "Confidence level, strictly between 0 and 1. Default: ${DEFAULT-VALUE}")
  double level;

  @Option(names = "--nan-policy", paramLabel = "POLICY", defaultValue = "omit",
      description = "Replicates that are NaN or infinite: omit (leave them out and report how many), propagate "
          + "(that statistic's bias, std error and intervals are NaN), error (stop, exit 1). Default: ${DEFAULT-VALUE}")
  String nanPolicy;

  @Option(names = "--chunk", paramLabel = "N", defaultValue = "0", hidden = true,
      description = "Resamples per work item (0: automatic). Results do not depend on it.")
  int chunk;

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
    final Set<String> cols = new LinkedHashSet<>();
    statistics.forEach(s -> cols.addAll(s.columns()));
    if (weights != null) {
      cols.add(weights);
    }
    return List.copyOf(cols);
  }

  /** The options builder filled from the flags (validated when built); executor and threads are the caller's. */
  BootstrapOptions.Builder builder() {
    final BootstrapOptions.Builder b = BootstrapOptions.builder()
        .resamples(resamples)
        .intervals(IntervalMethod.parseList(ci))
        .level(level)
        .nanPolicy(NanPolicy.parse(nanPolicy))
        .chunk(chunk)
        .innerResamples(innerResamples)
        .alternative(org.parboot.ci.Alternative.parse(alternative))
        .weights(weights);
    if (seed != null) {
      b.seed(seed);
    }
    return b;
  }
}
