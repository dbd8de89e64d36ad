package org.parboot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.data.Dataset;
import org.parboot.exec.RunControl;
import org.parboot.io.AtomicFiles;
import org.parboot.io.OutputFormat;
import org.parboot.io.ReplicatesCsv;
import org.parboot.io.ResultFormatter;
import org.parboot.report.ReportWriter;
import org.parboot.stat.Statistic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parboot run}: bootstrap statistics of CSV columns. */
@Command(name = "run", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Bootstrap statistics of CSV columns: observed value, bias, standard error and confidence intervals.",
        "",
        "Examples:",
        "  parboot run --stat mean --stat 'std(ddof=0)' --seed 1",
        "  parboot run data.csv --column x --stat median --ci percentile,bca",
        "  parboot run --where location=Seattle --stat 'corr(temp_max,temp_min)' --format json"})
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data = new DataOptions();

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Mixin
  ExecutorOptions where = new ExecutorOptions();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: table, json or csv. Default: ${DEFAULT-VALUE}")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the results to FILE (atomically) instead of standard output.")
  Path output;

  @Option(names = "--replicates", paramLabel = "FILE",
      description = "Also write the bootstrap distribution as CSV: one row per resample, one column per statistic.")
  Path replicates;

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
    final OutputFormat fmt = OutputFormat.parse(format);
    final List<Statistic> statistics = engine.statistics(data.defaultColumns());
    final BootstrapOptions options = where.apply(engine.builder()).build();
    final Dataset dataset = data.load(EngineOptions.columnsOf(statistics));
    final Console console = new Console(spec, quiet);
    if (!options.seedGiven()) {
      console.note("seed " + options.seed() + " (drawn at random; --seed " + options.seed() + " repeats this run)");
    }
    final RunControl control = limit.control();
    final BootstrapResult result = console.withProgress(control, "resampling",
        () -> Bootstrap.run(dataset, statistics, options, control));

    limit.check();
    final String text = ResultFormatter.format(result, fmt);
    if (output != null) {
      AtomicFiles.write(output, w -> w.write(text));
      console.note("wrote " + output);
    } else {
      final PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    }
    if (output != null || fmt != OutputFormat.TABLE) {
      result.warnings().forEach(console::warn);
    }
    if (replicates != null) {
      ReplicatesCsv.write(replicates, result);
      console.note("wrote " + replicates);
    }
    if (report != null) {
      console.note("wrote " + ReportWriter.write(report, result, Optional.empty()).html());
    }
    return 0;
  }
}
