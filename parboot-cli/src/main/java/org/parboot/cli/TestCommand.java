package org.parboot.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parboot.BootstrapOptions;
import org.parboot.InvalidInputException;
import org.parboot.PermutationResult;
import org.parboot.PermutationTest;
import org.parboot.PermutationType;
import org.parboot.batch.GroupJob;
import org.parboot.data.Dataset;
import org.parboot.exec.RunControl;
import org.parboot.exec.SimdMode;
import org.parboot.io.CsvFormulaGuard;
import org.parboot.io.OutputFormat;
import org.parboot.io.ReplicatesCsv;
import org.parboot.io.ResultFormatter;
import org.parboot.stat.Statistic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parboot test}: permutation tests, as {@code scipy.stats.permutation_test}. */
@Command(name = "test", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Permutation test of any statistic: its value on the data against its null distribution over "
        + "permutations, and SciPy's p-value (every distinct permutation when there are at most B of them: exact).",
        "",
        "Examples:",
        "  parboot test --compare 'location=Seattle,New York' --stat median --seed 1",
        "  parboot test --compare 'location=Seattle,New York' --pair-by date --stat mean --seed 1",
        "  parboot test pairs.csv --permutation-type samples --stat 'mean(before) - mean(after)'",
        "  parboot test pairs.csv --permutation-type samples --column diff --stat mean --alternative greater",
        "  parboot test data.csv --permutation-type pairings --stat 'spearman(x,y)'"})
final class TestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data = new DataOptions();

  @Mixin
  StatisticOptions statistic = new StatisticOptions();

  @Option(names = "--permutation-type", paramLabel = "TYPE", defaultValue = "independent",
      description = "independent: the rows of the two --compare samples pooled and split again (statistic(A) - "
          + "statistic(B)); samples: each row's pair swapped or not (a statistic of two columns x, y: x and y exchanged; "
          + "of one column: its sign flipped); pairings: the rows of the statistic's other columns permuted against its "
          + "first (association). SciPy's meanings. Default: ${DEFAULT-VALUE}")
  String permutationType;

  @Option(names = "--compare", paramLabel = "COLUMN=A,B",
      description = "The two samples of an independent test: the rows whose COLUMN is A and those whose COLUMN is B; "
          + "e.g. --compare 'location=Seattle,New York'.")
  String compare;

  @Option(names = "--pair-by", paramLabel = "KEY",
      description = "With --compare: pair the two samples' rows on the column KEY (a date, a patient) and swap the "
          + "members of each pair (--permutation-type samples, the default then); rows without a partner are left out.")
  String pairBy;

  @Mixin
  DrawOptions draws = new DrawOptions();

  @Mixin
  ExecutorOptions executor = new ExecutorOptions();

  @Mixin
  SimdOptions simd = new SimdOptions(SimdMode.AUTO);

  @Mixin
  ResultOptions results = new ResultOptions();

  @Option(names = "--null-distribution", paramLabel = "FILE",
      description = "Also write the null distribution as CSV: one row per permutation, one column per statistic.")
  Path nullDistribution;

  @Mixin
  TimeLimit limit = new TimeLimit();

  @Option(names = {"-q", "--quiet"}, description = "No progress bar, seed notice or warnings on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    limit.start();
    final OutputFormat fmt = results.format();
    final CsvFormulaGuard guard = results.guard();
    final boolean typeGiven = spec.commandLine().getParseResult().hasMatchedOption("--permutation-type");
    final PermutationType type = pairBy != null && !typeGiven ? PermutationType.SAMPLES
        : PermutationType.parse(permutationType);
    if (pairBy != null && (compare == null || type != PermutationType.SAMPLES)) {
      throw new InvalidInputException("--pair-by pairs the two samples of --compare for --permutation-type samples; "
          + "accepted: --compare COLUMN=A,B --pair-by KEY (with --permutation-type samples, or none)");
    }
    if (draws.auto()) {
      throw new InvalidInputException("--resamples auto is for parboot run; accepted: a number of permutations");
    }
    final List<Statistic> statistics = statistic.statistics(data.defaultColumns());
    final BootstrapOptions options = simd.apply(executor.apply(draws.apply(BootstrapOptions.builder())
        .weights(statistic.weights))).build();
    final List<Path> inputs = data.inputs();
    if (type == PermutationType.INDEPENDENT && compare == null) {
      throw new InvalidInputException("--permutation-type independent (the default) permutes the rows of two samples; "
          + "accepted: --compare COLUMN=A,B naming them, or --permutation-type samples or pairings for one table");
    }
    if (type != PermutationType.INDEPENDENT && compare != null && pairBy == null) {
      throw new InvalidInputException("--compare cannot be combined with --permutation-type " + type.spelling()
          + "; accepted: --compare with --permutation-type independent, or " + type.spelling()
          + " on the columns of one table");
    }
    if (compare == null && inputs.size() > 1) {
      throw new InvalidInputException("--permutation-type " + type.spelling() + " tests one table; accepted: one FILE "
          + "(or the bundled data)");
    }
    final Console console = new Console(spec, quiet);
    try (Outputs outputs = new Outputs(CommandScope.current(), console)) {
      outputs.file("--output", results.output).file("--null-distribution", nullDistribution).notInputs(data.inputFiles());
      final CommandScope scope = CommandScope.current();
      final List<String> columns = statistic.columnsToRead(statistics);
      final RunControl control = scope.control();
      final PermutationResult result;
      if (pairBy != null) {
        final GroupJob[] pair = Comparison.parse(compare).paired(data, data.uniqueColumns(columns), pairBy.strip(),
            console);
        scope.check();
        noteStart(options, console);
        result = console.withProgress(Console.ProgressSource.of(control), "permutations", control::cancel,
            () -> PermutationTest.pairedSamples(pair[0], pair[1], statistics, options, control));
      } else if (type == PermutationType.INDEPENDENT) {
        final Comparison c = Comparison.parse(compare);
        final List<GroupJob> jobs = BatchInputs.read(inputs, c.column(), data.uniqueColumns(columns), data.csvOptions());
        scope.check();
        final GroupJob first = c.first(jobs);
        final GroupJob second = c.second(jobs);
        noteStart(options, console);
        result = console.withProgress(Console.ProgressSource.of(control), "permutations", control::cancel,
            () -> PermutationTest.independent(first, second, statistics, options, control));
      } else {
        final Dataset dataset = data.load(columns);
        scope.check();
        noteStart(options, console);
        result = console.withProgress(Console.ProgressSource.of(control), "permutations", control::cancel,
            () -> type == PermutationType.SAMPLES ? PermutationTest.samples(dataset, statistics, options, control)
                : PermutationTest.pairings(dataset, statistics, options, control));
      }
      scope.check();
      results.emit(ResultFormatter.format(result, fmt, guard), result.warnings(), console, outputs);
      if (nullDistribution != null) {
        ReplicatesCsv.write(outputs.staged(), nullDistribution, result, guard);
        outputs.written(nullDistribution);
      }
      outputs.commit();
    }
    return 0;
  }

  private void noteStart(BootstrapOptions options, Console console) {
    data.noteInput(console);
    console.noteSeed(options);
  }
}
