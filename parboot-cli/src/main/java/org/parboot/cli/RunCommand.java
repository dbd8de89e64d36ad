package org.parboot.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.TwoSampleBootstrap;
import org.parboot.TwoSampleResult;
import org.parboot.batch.BatchResult;
import org.parboot.batch.GroupJob;
import org.parboot.batch.GroupedBootstrap;
import org.parboot.data.Dataset;
import org.parboot.exec.RunControl;
import org.parboot.io.CsvFormulaGuard;
import org.parboot.io.OutputFormat;
import org.parboot.io.ReplicatesCsv;
import org.parboot.io.ResultFormatter;
import org.parboot.report.ReportWriter;
import org.parboot.stat.Statistic;
import picocli.CommandLine.Command;
import org.parboot.exec.SimdMode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parboot run}: bootstrap statistics of CSV columns. */
@Command(name = "run", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Bootstrap statistics of CSV or Parquet columns: observed value, bias, standard error and confidence intervals.",
        "",
        "Examples:",
        "  parboot run --stat mean --stat 'std(ddof=0)' --seed 1",
        "  parboot run data.csv --column x --stat median --ci percentile,bca",
        "  parboot run --where location=Seattle --stat 'corr(temp_max,temp_min)' --format json",
        "  parboot run --group-by location --stat mean --stat median --seed 1",
        "  parboot run --compare 'location=Seattle,New York' --stat mean --ci all --seed 1",
        "  parboot run 'data/*.csv' --column x --stat median --format csv"})
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data = new DataOptions();

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Mixin
  SchemeOptions resampling = new SchemeOptions();

  @Mixin
  ExecutorOptions executor = new ExecutorOptions();

  @Mixin
  SimdOptions simd = new SimdOptions(SimdMode.AUTO);

  @Option(names = "--group-by", paramLabel = "COLUMN",
      description = "An independent bootstrap per value of the text column COLUMN (groups run concurrently); "
          + "one output row per file, group and statistic, each with the seed that repeats it alone.")
  String groupBy;

  @Option(names = "--compare", paramLabel = "COLUMN=A,B",
      description = "Two-sample comparison: each statistic's difference statistic(A) - statistic(B) between the "
          + "rows whose COLUMN is A and those whose COLUMN is B, each sample resampled independently; "
          + "e.g. --compare 'location=Seattle,New York'.")
  String compare;

  @Option(names = "--pair-by", paramLabel = "KEY",
      description = "With --compare: pair the two samples' rows on the column KEY (a date, a patient) and resample "
          + "the pairs together (by blocks of consecutive pairs with a block scheme); rows without a partner are "
          + "left out.")
  String pairBy;

  @Mixin
  DistributedOptions distribution = new DistributedOptions();

  @Mixin
  ResultOptions results = new ResultOptions();

  @Option(names = "--replicates", paramLabel = "FILE",
      description = "Also write the bootstrap distribution as CSV: one row per resample, one column per statistic.")
  Path replicates;

  @Option(names = "--extend", paramLabel = "REPLICATES",
      description = "Continue the replicates a run saved with --replicates: compute only resamples from the file's B "
          + "up to -B (the same as a run with -B from the start, bit for bit); the file's fingerprint (data, "
          + "statistics, scheme, seed) must match this run's.")
  Path extend;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Also write an HTML report (histograms with intervals, tables, settings) and its charts into DIR.")
  Path report;

  @Mixin
  TimeLimit limit = new TimeLimit();

  @Option(names = {"-q", "--quiet"}, description = "No progress bar, seed notice or warnings on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    limit.start();
    final OutputFormat fmt = results.format();
    final CsvFormulaGuard guard = results.guard();
    final List<Statistic> statistics = engine.statistics(data.defaultColumns());
    final DistributedOptions.Choice choice = distribution.check();
    final boolean distributed = choice.distributed();
    if (distributed) {
      if (engine.statistic.weights != null) {
        throw new InvalidInputException("--engine " + choice.engine() + " cannot be combined with --weights yet; "
            + "accepted: --weights with --engine local");
      }
      if (!resampling.labelColumns().isEmpty()) {
        throw new InvalidInputException("--engine " + choice.engine() + " cannot be combined with --strata; accepted: "
            + "--engine " + choice.engine() + " with --scheme poisson");
      }
      if (groupBy != null && compare != null) {
        throw new InvalidInputException("--group-by cannot be combined with --compare; accepted: one of them");
      }
      if (choice.blb() != null) {
        refuseWithBlb(groupBy != null ? "--group-by" : compare != null ? "--compare" : given("--scheme") ? "--scheme"
            : given("--null") ? "--null" : null);
        if (!given("--ci")) {
          engine.ci = "percentile"; // the method's intervals are averaged percentile, basic and normal ones
        }
      } else if (!given("--scheme")) {
        resampling.scheme = "poisson"; // the Spark engine's one scheme
      }
    }
    final BootstrapOptions options = simd.apply(resampling.apply(executor.apply(engine.builder()))).build();
    // A distributed engine reads its FILEs itself (any file system it knows, globs its own way): one data set.
    final List<Path> inputs = distributed ? List.of() : data.inputs();
    final String strata = options.scheme().strata() != null ? "--strata" : null;
    // What a run of one data set on this JVM (adaptive B, --extend) cannot be combined with, if given.
    final String notOneLocalDataSet = distributed ? "--engine " + choice.engine() : compare != null ? "--compare"
        : groupBy != null ? "--group-by" : inputs.size() > 1 ? "several FILEs" : null;
    if (engine.draws.auto() && notOneLocalDataSet != null) {
      throw new InvalidInputException("--resamples auto cannot be combined with " + notOneLocalDataSet
          + " yet; accepted: --resamples auto for one data set on --engine local");
    }
    if (extend != null && (notOneLocalDataSet != null || engine.draws.auto())) {
      throw new InvalidInputException("--extend cannot be combined with " + (notOneLocalDataSet != null
          ? notOneLocalDataSet : "--resamples auto") + "; accepted: --extend for one data set on --engine local, "
          + "with a fixed -B");
    }
    if (pairBy != null && compare == null) {
      throw new InvalidInputException("--pair-by pairs the two samples of --compare; accepted: --compare COLUMN=A,B "
          + "--pair-by KEY");
    }
    if (pairBy != null && distributed) {
      throw new InvalidInputException("--engine " + choice.engine() + " cannot be combined with --pair-by; accepted: "
          + "--pair-by with --engine local");
    }
    if (compare != null) {
      refuseWith("--compare", groupBy != null ? "--group-by" : null, inputs.size() > 1 ? "several FILEs" : null,
          replicates != null ? "--replicates" : null, report != null ? "--report" : null, strata);
    } else if (groupBy != null || inputs.size() > 1) {
      refuseWith(groupBy != null ? "--group-by" : "several FILEs", replicates != null ? "--replicates" : null,
          report != null ? "--report" : null, strata);
    }
    final Console console = new Console(spec, quiet);
    try (Outputs outputs = new Outputs(CommandScope.current(), console)) {
      outputs.file("--output", results.output).file("--replicates", replicates)
          .folder("--report", report, ReportWriter::writesFileNamed)
          .notInputs(withExtend(distributed ? localFiles(data.files) : data.inputFiles()));
      if (distributed) {
        distributed(choice, fmt, guard, statistics, options, console, outputs);
      } else if (compare != null) {
        compare(fmt, guard, inputs, statistics, options, console, outputs);
      } else if (groupBy != null || inputs.size() > 1) {
        batch(fmt, guard, inputs, statistics, options, console, outputs);
      } else {
        single(fmt, guard, statistics, options, console, outputs);
      }
      outputs.commit();
    }
    return 0;
  }

  private void single(OutputFormat fmt, CsvFormulaGuard guard, List<Statistic> statistics, BootstrapOptions options, Console console,
      Outputs outputs) throws Exception {
    final CommandScope scope = CommandScope.current();
    final Dataset dataset = data.loadWithLabels(engine.columnsToRead(statistics), resampling.labelColumns());
    scope.check();
    noteStart(options, console);
    noteSimd(options, dataset.rows(), statistics, console);
    final RunControl control = scope.control();
    final org.parboot.SavedReplicates saved = extend == null ? null : ReplicatesCsv.read(extend);
    final BootstrapResult result = console.withProgress(control, () -> saved == null
        ? Bootstrap.run(dataset, statistics, options, control)
        : Bootstrap.extend(dataset, statistics, options, saved, control));
    deliver(result, fmt, guard, console, outputs);
  }

  /** The inputs no output may overwrite: the data, and the replicates --extend reads. */
  private List<Path> withExtend(List<Path> inputs) {
    if (extend == null) {
      return inputs;
    }
    final List<Path> all = new java.util.ArrayList<>(inputs);
    all.add(extend);
    return all;
  }

  /** Whether the option was given on the command line. */
  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private static void refuseWithBlb(String given) {
    if (given != null) {
      throw new InvalidInputException("--method blb cannot be combined with " + given + "; accepted: --method blb "
          + "with FILEs and any moment or order statistic (each subset resampled by multinomial counts)");
    }
  }

  /**
   * A run on a {@link DistributedEngine}: it reads the FILEs itself (all of them as one data set),
   * the bundled data from a temporary copy; the result is delivered as a local run's.
   */
  private void distributed(DistributedOptions.Choice choice, OutputFormat fmt, CsvFormulaGuard guard,
      List<Statistic> statistics, BootstrapOptions options, Console console, Outputs outputs) throws Exception {
    final CommandScope scope = CommandScope.current();
    if (data.files.contains("-") || data.files.isEmpty() && scope.stdin().kind().hasData()) {
      throw new InvalidInputException("--engine " + choice.engine() + " reads FILEs, not standard input; accepted: "
          + "CSV or Parquet files, directories or globs");
    }
    final DistributedEngine e = DistributedEngine.named(choice.engine());
    Path bundled = null;
    try {
      List<String> files = data.files;
      if (files.isEmpty()) {
        bundled = java.nio.file.Files.createTempFile("parboot-weather-", ".csv");
        org.parboot.io.BundledData.copyTo(bundled);
        files = List.of(bundled.toString());
      }
      final String name = bundled != null ? BatchInputs.BUNDLED_NAME
          : files.size() == 1 ? lastComponent(files.get(0)) : String.join(", ", files);
      noteStart(options, console);
      final RunControl control = scope.control();
      final DistributedEngine.Request request = new DistributedEngine.Request(files, name, data.csvOptions(), statistics,
          options, choice.master(), choice.blb(), console::note);
      final Console.ProgressSource progress = Console.ProgressSource.of(control);
      // A stop cancels the run's Spark jobs (its control); an interrupt of this thread, the driver's,
      // would instead fail whatever Spark is doing on it, which Spark logs.
      if (groupBy != null) {
        final BatchResult result = console.withProgress(progress, "tasks", control::cancel,
            () -> scope.withoutInterrupt(() -> e.runGrouped(request, groupBy.strip(), control)));
        scope.check();
        results.emit(ResultFormatter.format(result, fmt, guard), ResultFormatter.warnings(result), console, outputs);
      } else if (compare != null) {
        final Comparison c = Comparison.parse(compare);
        final TwoSampleResult result = console.withProgress(progress, "tasks", control::cancel,
            () -> scope.withoutInterrupt(() -> e.compare(request, c.column(), c.first(), c.second(), control)));
        scope.check();
        results.emit(ResultFormatter.format(result, fmt, guard), result.result().warnings(), console, outputs);
      } else {
        final BootstrapResult result = console.withProgress(progress, "tasks", control::cancel,
            () -> scope.withoutInterrupt(() -> e.run(request, control)));
        deliver(result, fmt, guard, console, outputs);
      }
    } finally {
      if (bundled != null) {
        java.nio.file.Files.deleteIfExists(bundled);
      }
    }
  }

  /** The FILE arguments that are files here (not globs or other file systems), which no output may overwrite. */
  private static List<Path> localFiles(List<String> files) {
    final List<Path> out = new java.util.ArrayList<>();
    for (String f : files) {
      try {
        final Path p = Path.of(f);
        if (java.nio.file.Files.isRegularFile(p)) {
          out.add(p);
        }
      } catch (java.nio.file.InvalidPathException e) {
        // a URI or a glob: not a local file
      }
    }
    return out;
  }

  /** A FILE argument's last path component (a local run's name for one FILE in results and group seeds). */
  private static String lastComponent(String file) {
    final String trimmed = file.replaceAll("/+$", "");
    final int slash = trimmed.lastIndexOf('/');
    return slash < 0 ? trimmed : trimmed.substring(slash + 1);
  }

  /** Stages a single run's outputs: the results, and the replicates and report if asked for. */
  private void deliver(BootstrapResult result, OutputFormat fmt, CsvFormulaGuard guard, Console console, Outputs outputs)
      throws Exception {
    final CommandScope scope = CommandScope.current();
    scope.check();
    results.emit(ResultFormatter.format(result, fmt, guard), result.warnings(), console, outputs);
    if (replicates != null) {
      ReplicatesCsv.write(outputs.staged(), replicates, result, guard);
      outputs.written(replicates);
      scope.check();
    }
    if (report != null) {
      outputs.written(ReportWriter.write(outputs.staged(), report, result, Optional.empty(),
          Main.provenance(spec, result.options())).html());
    }
  }

  /** Refuses the options that {@code mode} cannot be combined with (nulls are options not given). */
  private static void refuseWith(String mode, String... given) {
    for (String g : given) {
      if (g != null) {
        throw new InvalidInputException(mode + " cannot be combined with " + g + "; accepted: " + mode
            + " with one FILE (or the bundled data)" + (mode.equals("--compare") ? "" : " or several")
            + ", without --replicates, --report and --strata");
      }
    }
  }

  /** The notes once the input is loaded: the bundled data, if used, and a drawn seed. */
  /**
   * A run large enough for SIMD under --simd auto, in a JVM without the Vector API (the launcher
   * gives it the module only when asked: it costs a small run about 80 ms of start-up): says that
   * --simd always would be faster.
   */
  static void noteSimd(BootstrapOptions options, long rows, List<Statistic> statistics, Console console) {
    final String cost = Bootstrap.costWarning(rows, statistics, options);
    if (cost != null) {
      console.note(cost); // before the long run it describes (the result lists it among its warnings too)
    }
    final long draws = Bootstrap.draws(rows, statistics, options);
    if (options.execution().simd() == SimdMode.AUTO && SimdMode.AUTO.wants(draws) && !Bootstrap.simdAllowed()) {
      console.note(String.format(java.util.Locale.ROOT, "%.1e draws: --simd always would draw and sum on SIMD lanes, "
          + "about twice as fast once compiled (the same results)", (double) draws));
    }
  }

  private void noteStart(BootstrapOptions options, Console console) {
    data.noteInput(console);
    console.noteSeed(options);
  }

  private void batch(OutputFormat fmt, CsvFormulaGuard guard, List<Path> inputs, List<Statistic> statistics, BootstrapOptions options,
      Console console, Outputs outputs) throws Exception {
    final CommandScope scope = CommandScope.current();
    final List<GroupJob> jobs = BatchInputs.read(inputs, groupBy, data.uniqueColumns(engine.columnsToRead(statistics)),
        data.csvOptions());
    scope.check();
    noteStart(options, console);
    final GroupedBootstrap batch = new GroupedBootstrap(jobs, statistics, options);
    final RunControl control = scope.control();
    final BatchResult result = console.withProgress(Console.ProgressSource.of(batch::finishedGroups, batch::groups),
        "groups", control::cancel, () -> batch.run(control));
    scope.check();
    results.emit(ResultFormatter.format(result, fmt, guard), ResultFormatter.warnings(result), console, outputs);
  }

  private void compare(OutputFormat fmt, CsvFormulaGuard guard, List<Path> inputs, List<Statistic> statistics, BootstrapOptions options,
      Console console, Outputs outputs) throws Exception {
    final CommandScope scope = CommandScope.current();
    final Comparison c = Comparison.parse(compare);
    final GroupJob first;
    final GroupJob second;
    if (pairBy != null) {
      final GroupJob[] pair = c.paired(data, data.uniqueColumns(engine.columnsToRead(statistics)), pairBy.strip(),
          console);
      first = pair[0];
      second = pair[1];
    } else {
      final List<GroupJob> jobs = BatchInputs.read(inputs, c.column(),
          data.uniqueColumns(engine.columnsToRead(statistics)), data.csvOptions());
      first = c.first(jobs);
      second = c.second(jobs);
    }
    scope.check();
    noteStart(options, console);
    noteSimd(options, (long) first.data().rows() + second.data().rows(), statistics, console);
    final RunControl control = scope.control();
    final TwoSampleResult result = console.withProgress(control, () -> pairBy != null
        ? TwoSampleBootstrap.paired(first, second, statistics, options, control)
        : TwoSampleBootstrap.run(first, second, statistics, options, control));
    scope.check();
    results.emit(ResultFormatter.format(result, fmt, guard), result.result().warnings(), console, outputs);
  }
}
