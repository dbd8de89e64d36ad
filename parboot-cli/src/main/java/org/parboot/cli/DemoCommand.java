package org.parboot.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.io.BundledData;
import org.parboot.io.CsvFormulaGuard;
import org.parboot.io.CsvOptions;
import org.parboot.io.MissingPolicy;
import org.parboot.io.OutputFormat;
import org.parboot.io.ReplicatesCsv;
import org.parboot.io.ResultFormatter;
import org.parboot.io.RowFilter;
import org.parboot.report.ReportFiles;
import org.parboot.report.ReportWriter;
import org.parboot.report.Timing;
import org.parboot.report.TimingConfig;
import org.parboot.report.TimingPlan;
import org.parboot.report.TimingResult;
import org.parboot.report.TimingText;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;
import picocli.CommandLine.Command;
import org.parboot.exec.SimdMode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parboot demo}: the tutorial's experiment (shared/docs/SEED-EXPERIMENT.md), done for real.
 * Bootstraps the mean, std (ddof 0) and skewness (biased g1) of Seattle's daily maximum
 * temperature, serially and on every parallel executor, times each, proves they all give the
 * same replicates, and writes an HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"Reproduce the tutorial's experiment on the bundled weather data: bootstrap Seattle's temp_max "
        + "(mean, std(ddof=0), skew(bias=true)) serially, on a queue of 8 workers and on every other executor; "
        + "time each, check they agree bit for bit, and write an HTML report with charts."})
final class DemoCommand implements Callable<Integer> {

  /**
   * The report's intervals: the four of the tutorial's report. Studentized is left out: its nested
   * bootstrap for skew would dominate the timing the demo is about.
   */
  static final List<IntervalMethod> DEMO_INTERVALS = List.of(IntervalMethod.PERCENTILE, IntervalMethod.BASIC,
      IntervalMethod.NORMAL, IntervalMethod.BCA);

  /** The demo's default seed: fixed, so the report is reproducible. */
  static final long DEFAULT_SEED = 20120101;

  @Spec
  CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "parboot-demo",
      description = "Directory for report.html, the charts (PNG), summary.json and replicates.csv. Default: ${DEFAULT-VALUE}")
  Path dir;

  @Option(names = {"-B", "--resamples"}, paramLabel = "B", defaultValue = "10000",
      description = "Resamples per run. Default: ${DEFAULT-VALUE}")
  long resamples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DEFAULT_SEED,
      description = "Seed. Default: ${DEFAULT-VALUE}, so the report is reproducible.")
  long seed;

  @Option(names = {"-r", "--runs"}, paramLabel = "R", defaultValue = "20",
      description = "Timed runs per strategy, after the warm-up. Default: ${DEFAULT-VALUE}")
  int runs;

  /*
   * Thirty warm-ups of each strategy (about 1.5 s): the JIT compiles the kernels while the runs go
   * on, and while both cores are busy it takes its time from the parallel runs, not the serial
   * ones. With one warm-up two threads measured 1.40x serial here, with ten 1.52x, with forty
   * 1.64x (docs/benchmarks.md).
   */
  @Option(names = "--warmups", paramLabel = "W", defaultValue = "30",
      description = "Warm-up runs per strategy, not timed (the JIT compiles the kernels meanwhile). Default: ${DEFAULT-VALUE}")
  int warmups;

  @Mixin
  SimdOptions simd = new SimdOptions(SimdMode.ALWAYS);

  @Mixin
  TimeLimit limit = new TimeLimit();

  @Option(names = {"-q", "--quiet"}, description = "No progress bar or notes on standard error.")
  boolean quiet;

  static Dataset seattleTempMax() {
    return BundledData.weather(List.of("temp_max"),
        new CsvOptions(',', MissingPolicy.DROP, List.of(new RowFilter("location", "Seattle"))));
  }

  static List<Statistic> tutorialStatistics() {
    return List.of(MomentStatistic.mean("temp_max"), MomentStatistic.std("temp_max", 0),
        MomentStatistic.skew("temp_max", true));
  }

  /** The files the demo writes into its folder (the report's and two of its own). */
  static boolean writesFileNamed(String name) {
    return name.equals(REPLICATES_CSV) || name.equals(SUMMARY_JSON) || ReportWriter.writesFileNamed(name);
  }

  static final String REPLICATES_CSV = "replicates.csv";
  static final String SUMMARY_JSON = "summary.json";

  @Override
  public Integer call() throws Exception {
    limit.start();
    final CommandScope scope = CommandScope.current();
    final BootstrapOptions options = simd.apply(BootstrapOptions.builder().resamples(resamples).seed(seed)
        .intervals(DEMO_INTERVALS)).build();
    final Console console = new Console(spec, quiet);
    try (Outputs outputs = new Outputs(scope, console)) {
      outputs.folder("--output", dir, DemoCommand::writesFileNamed);
      final TimingPlan plan = new TimingPlan(seattleTempMax(), tutorialStatistics(), options,
          TimingConfig.tutorial(Runtime.getRuntime().availableProcessors()), warmups, runs);
      console.note("timing " + plan.configs().size() + " strategies x (" + warmups + " warm-up + " + runs
          + " runs) of B = " + options.resamples() + " on Seattle temp_max (n = " + plan.data().rows() + ")");
      final TimingResult timing = Timed.run(console, plan);
      scope.check();
      final BootstrapResult result = timing.last();

      ReplicatesCsv.write(outputs.staged(), dir.resolve(REPLICATES_CSV), result, CsvFormulaGuard.ON);
      scope.check();
      outputs.staged().writeString(dir.resolve(SUMMARY_JSON), Outputs.summaryJson(result, Optional.of(timing)));
      final ReportFiles files = ReportWriter.write(outputs.staged(), dir, result, Optional.of(timing),
          Main.provenance(spec, result.options()));

      final StringBuilder text = new StringBuilder()
          .append(ResultFormatter.format(result, OutputFormat.TABLE)).append('\n')
          .append(TimingText.format(timing)).append('\n')
          .append("All ").append(plan.configs().size()).append(" strategies gave bit-identical replicates (")
          .append(plan.totalRuns()).append(" runs compared).\n")
          .append("Report: ").append(files.html()).append('\n');
      outputs.text(null, text.toString());
      outputs.commit();
    }
    return 0;
  }

  /** Runs a timing plan with a progress bar (in runs), cancelled when the command stops (a signal, the time limit). */
  static final class Timed {
    private Timed() {}

    static TimingResult run(Console console, TimingPlan plan) throws Exception {
      final AtomicLong done = new AtomicLong();
      final Timing timing = Timing.of(plan).onProgress((d, total) -> done.set(d));
      final long total = plan.totalRuns();
      return console.withProgress(Console.ProgressSource.of(done::get, () -> total), "runs", timing::cancel,
          timing::run);
    }
  }
}
