package org.parboot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.exec.SimdMode;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.Statistic;

/**
 * What a statistic costs per draw, as the statistics issue pins it: cv against mean, ols(y ~ x)
 * (all three outputs) against corr, an expression of three moment statistics against the three
 * asked for separately, and the other new statistics beside them. One serial thread, n = 20,000,
 * B = 500 (10^7 draws a run), percentile intervals only (no jackknife): the replicate loop alone.
 * Specs are separated by {@code ;}, and {@code |} stands for a comma (JMH's {@code -p} splits
 * values at commas): {@code -p 'specs=corr(x|y),ols(y ~ x)'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class StatisticCostBench {
  @Param({"mean", "cv", "corr(x|y)", "ols(y ~ x)", "mean;std;skew", "mean + std + skew", "geomean", "prop(x > 12)",
      "median", "mad", "spearman(x|y)", "kendall(x|y)", "ols(y ~ x| resample=residuals)"})
  public String specs;

  private Dataset data;
  private List<Statistic> statistics;
  private BootstrapOptions options;

  @Setup
  public void setUp() {
    data = BenchData.of(20_000);
    statistics = new ArrayList<>();
    for (String spec : specs.replace('|', ',').split(";")) {
      statistics.addAll(StatisticSpec.parse(spec, List.of("x")));
    }
    options = BootstrapOptions.builder().resamples(500).seed(7).simd(SimdMode.ALWAYS).executor(ExecutorKind.SERIAL)
        .threads(1).intervals(IntervalMethod.PERCENTILE).build();
  }

  @Benchmark
  public BootstrapResult run() {
    return Bootstrap.run(data, statistics, options);
  }
}
