package org.parboot.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.Fingerprint;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.SavedReplicates;
import org.parboot.ci.Alternative;
import org.parboot.ci.IntervalInputs;
import org.parboot.ci.IntervalMethod;
import org.parboot.ci.NanPolicy;
import org.parboot.data.Dataset;
import org.parboot.io.BundledData;
import org.parboot.io.ReplicatesCsv;
import org.parboot.io.ResultFormatter;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.Statistic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parboot ci}: intervals recomputed from saved replicates, without resampling again. */
@Command(name = "ci", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Intervals, standard errors and p-values recomputed from replicates saved by parboot run "
        + "--replicates (another level, method or alternative, without resampling); BCa needs the data they were made "
        + "from (--data), whose fingerprint must match.",
        "",
        "Examples:",
        "  parboot ci replicates.csv --ci percentile,basic,normal --level 0.9",
        "  parboot ci replicates.csv --ci bca --data data.csv --where group=a",
        "  parboot ci replicates.csv --alternative greater --null 0"})
final class CiCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPLICATES", description = "A replicates CSV written by parboot run --replicates.")
  Path file;

  @Option(names = "--ci", paramLabel = "METHODS", defaultValue = "percentile",
      description = "Interval methods, comma-separated: percentile, basic, normal, bca (with --data). Default: "
          + "${DEFAULT-VALUE}")
  String ci;

  @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
      description = "Confidence level, strictly between 0 and 1. Default: ${DEFAULT-VALUE}")
  double level;

  @Option(names = "--alternative", paramLabel = "SIDE", defaultValue = "two-sided",
      description = "two-sided, less or greater, as parboot run's. Default: ${DEFAULT-VALUE}")
  String alternative;

  @Option(names = "--null", paramLabel = "THETA0",
      description = "Also each interval's p-value of H0: statistic = THETA0, as parboot run's.")
  Double nullValue;

  @Option(names = "--nan-policy", paramLabel = "POLICY", defaultValue = "omit",
      description = "Replicates that are NaN or infinite: omit, propagate or error, as parboot run's. Default: "
          + "${DEFAULT-VALUE}")
  String nanPolicy;

  @Option(names = "--data", paramLabel = "FILE",
      description = "The data the replicates were made from, for BCa's jackknife (default for replicates of the "
          + "bundled data: the bundled data); its fingerprint must match the file's.")
  String data;

  @Option(names = "--where", paramLabel = "COLUMN=VALUE",
      description = "With --data: keep only rows whose COLUMN equals VALUE, as the run did (repeatable).")
  List<String> where = new ArrayList<>();

  @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR", defaultValue = ",",
      description = "With --data: the field delimiter, as the run's. Default: ${DEFAULT-VALUE}")
  String delimiter;

  @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "drop",
      description = "With --data: missing cells, as the run's. Default: ${DEFAULT-VALUE}")
  String missing;

  @Mixin
  ResultOptions results = new ResultOptions();

  @Mixin
  TimeLimit limit = new TimeLimit();

  @Option(names = {"-q", "--quiet"}, description = "No warnings on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    limit.start();
    final var fmt = results.format();
    final var guard = results.guard();
    final List<IntervalMethod> methods = List.copyOf(IntervalMethod.parseList(ci));
    if (methods.contains(IntervalMethod.STUDENTIZED)) {
      throw new InvalidInputException("--ci studentized needs each resample's standard error, which a replicates file "
          + "does not keep; accepted: percentile, basic, normal, bca");
    }
    final long start = System.nanoTime();
    final SavedReplicates saved = ReplicatesCsv.read(file);
    final Fingerprint f = saved.fingerprint();
    final List<Statistic> statistics = new ArrayList<>();
    for (int s = 0; s < f.statistics().size(); s++) {
      statistics.add(statistic(f.statistics().get(s), saved.columns().get(s)));
    }
    final BootstrapOptions.Builder b = BootstrapOptions.builder().resamples(saved.resamples()).seed(f.seed())
        .intervals(methods).level(level).alternative(Alternative.parse(alternative))
        .nanPolicy(NanPolicy.parse(nanPolicy)).weights(f.weights().isEmpty() ? null : f.weights());
    if (nullValue != null) {
      b.nullValue(nullValue);
    }
    final BootstrapOptions options = b.build();
    final List<IntervalInputs> inputs = new ArrayList<>();
    if (options.intervals().needJackknife()) {
      inputs.addAll(Bootstrap.jackknife(dataset(f, statistics, options), statistics, options.weights()));
    } else {
      statistics.forEach(s -> inputs.add(IntervalInputs.none()));
    }
    CommandScope.current().check();
    final BootstrapResult result = Bootstrap.summarise(file.toString(), f.rows(), 0, options, f.scheme(),
        f.layout(), "saved replicates", "replicates " + Messages.escape(file.toString()), statistics,
        saved.observed(), saved.replicates(), inputs, Duration.ofNanos(System.nanoTime() - start));
    final Console console = new Console(spec, quiet);
    try (Outputs outputs = new Outputs(CommandScope.current(), console)) {
      outputs.file("--output", results.output).notInputs(List.of(file));
      results.emit(ResultFormatter.format(result, fmt, guard), result.warnings(), console, outputs);
      outputs.commit();
    }
    return 0;
  }

  /** The statistic a label stands for: the labels of built-in statistics and expressions are their specs. */
  private static Statistic statistic(String label, List<String> columns) {
    try {
      // over one column, a label need not name it (std / mean): parse it with that column as the default
      for (Statistic parsed : StatisticSpec.parse(label, columns.size() == 1 ? columns : List.of())) {
        if (parsed.label().equals(label) && parsed.columns().equals(columns)) {
          return parsed;
        }
      }
    } catch (RuntimeException e) {
      // a Java statistic's label is not a spec
    }
    throw new InvalidInputException("the replicates' statistic " + Messages.quote(label) + " is not a built-in statistic "
        + "or expression (a Java statistic?); accepted: replicates of statistics parboot ci can name");
  }

  /**
   * The data for BCa's jackknife, read once and checked against the file's fingerprint: the FILE
   * of {@code --data}, or without it the bundled data when the file was made from it.
   */
  private Dataset dataset(Fingerprint f, List<Statistic> statistics, BootstrapOptions options) {
    final DataOptions d = new DataOptions();
    d.where = where;
    d.delimiter = delimiter;
    d.missing = missing;
    final List<String> columns = Statistic.columnsRead(statistics, options.weights());
    if (data == null) {
      final Dataset bundled = bundled(d, columns);
      if (bundled == null || !matches(f, bundled, statistics, options)) {
        throw new InvalidInputException("--ci bca needs the jackknife of the data the replicates were made from; "
            + "accepted: --data FILE (nothing for the bundled data), with the run's --where, whose fingerprint is "
            + f.data());
      }
      return bundled;
    }
    d.files = List.of(data);
    final Dataset loaded = d.load(columns);
    if (!matches(f, loaded, statistics, options)) {
      throw new InvalidInputException("--data " + Messages.quote(data) + " is not the data the replicates were made "
          + "from: its fingerprint is " + Fingerprint.digest(loaded, statistics, options.weights()) + " ("
          + loaded.rows() + " rows), the file's " + f.data() + " (" + f.rows() + " rows); accepted: the run's data, "
          + "with its --where");
    }
    return loaded;
  }

  private static boolean matches(Fingerprint f, Dataset data, List<Statistic> statistics, BootstrapOptions options) {
    return data.rows() == f.rows() && Fingerprint.digest(data, statistics, options.weights()).equals(f.data());
  }

  /** The bundled data with these filters, or null when it cannot be read so (a column it lacks). */
  private static Dataset bundled(DataOptions d, List<String> columns) {
    try {
      return BundledData.weather(d.uniqueColumns(columns), d.csvOptions());
    } catch (InvalidInputException e) {
      return null;
    }
  }
}
