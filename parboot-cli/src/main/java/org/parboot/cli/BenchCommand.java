package org.parboot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.parboot.BootstrapOptions;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.io.OutputFormat;
import org.parboot.report.ReportWriter;
import org.parboot.report.TimingConfig;
import org.parboot.report.TimingPlan;
import org.parboot.report.TimingResult;
import org.parboot.report.TimingText;
import org.parboot.stat.Statistic;
import picocli.CommandLine.Command;
import org.parboot.exec.SimdMode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parboot bench}: times one run configuration across executors and thread counts. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"Time a bootstrap across executors and thread counts: warm-up, R timed runs each (interleaved), "
        + "median, min, max, speed-up over serial and resamples per second; every run must give bit-identical "
        + "replicates.",
        "",
        "Examples:",
        "  parboot bench --stat mean --stat 'std(ddof=0)' --threads 1,2 --runs 5",
        "  parboot bench data.csv --column x --stat median --executors serial,forkjoin --report bench-report"})
final class BenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data = new DataOptions();

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Mixin
  SchemeOptions resampling = new SchemeOptions();

  @Mixin
  SimdOptions simd = new SimdOptions(SimdMode.ALWAYS);

  @Option(names = "--executors", paramLabel = "LIST", split = ",",
      description = "Executors to time: serial, queue, pool, forkjoin, virtual. Default: all.")
  List<String> executors = new ArrayList<>();

  @Option(names = {"-t", "--threads"}, paramLabel = "LIST", split = ",",
      description = "Thread counts to time each parallel executor with. Default: 1, 2, 4, ... up to the available processors.")
  List<Integer> threads = new ArrayList<>();

  @Option(names = {"-r", "--runs"}, paramLabel = "R", defaultValue = "10",
      description = "Timed runs per configuration. Default: ${DEFAULT-VALUE}")
  int runs;

  @Option(names = "--warmups", paramLabel = "W", defaultValue = "1",
      description = "Warm-up runs per configuration. Default: ${DEFAULT-VALUE}")
  int warmups;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: table or json. Default: ${DEFAULT-VALUE}")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the timing to FILE instead of standard output.")
  Path output;

  @Option(names = "--report", paramLabel = "DIR", description = "Also write an HTML report with the timing chart into DIR.")
  Path report;

  @Mixin
  TimeLimit limit = new TimeLimit();

  @Option(names = {"-q", "--quiet"}, description = "No progress bar or notes on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    limit.start();
    final CommandScope scope = CommandScope.current();
    final OutputFormat fmt = OutputFormat.parse(format);
    if (fmt == OutputFormat.CSV) {
      throw new InvalidInputException("--format csv is not available for bench; accepted: table, json");
    }
    final List<Statistic> statistics = engine.statistics(data.defaultColumns());
    if (engine.draws.auto()) {
      throw new InvalidInputException("--resamples auto is for parboot run; accepted: a number of resamples to time");
    }
    final BootstrapOptions options = simd.apply(resampling.apply(engine.builder())).build();
    final Console console = new Console(spec, quiet);
    try (Outputs outputs = new Outputs(scope, console)) {
      outputs.file("--output", output).folder("--report", report, ReportWriter::writesFileNamed)
          .notInputs(data.inputFiles());
      final Dataset dataset = data.loadWithLabels(engine.columnsToRead(statistics), resampling.labelColumns());
      scope.check();
      data.noteInput(console);
      final TimingPlan plan = new TimingPlan(dataset, statistics, options, TimingConfig.grid(kinds(), threadCounts()),
          warmups, runs);
      console.noteSeed(options);
      final TimingResult timing = DemoCommand.Timed.run(console, plan);
      scope.check();
      final String text = fmt == OutputFormat.JSON
          ? Outputs.summaryJson(timing.last(), Optional.of(timing))
          : TimingText.format(timing);
      outputs.text(output, text);
      if (report != null) {
        outputs.written(ReportWriter.write(outputs.staged(), report, timing.last(), Optional.of(timing),
            Main.provenance(spec, timing.last().options())).html());
      }
      outputs.commit();
    }
    return 0;
  }

  private List<ExecutorKind> kinds() {
    if (executors.isEmpty()) {
      return List.of(ExecutorKind.values());
    }
    final Set<ExecutorKind> out = new LinkedHashSet<>();
    executors.forEach(e -> out.add(ExecutorKind.parse(e)));
    return List.copyOf(out);
  }

  private List<Integer> threadCounts() {
    if (!threads.isEmpty()) {
      return threads;
    }
    final int cores = Runtime.getRuntime().availableProcessors();
    final Set<Integer> out = new LinkedHashSet<>();
    for (int t = 1; t < cores; t *= 2) {
      out.add(t);
    }
    out.add(cores);
    return List.copyOf(out);
  }
}
