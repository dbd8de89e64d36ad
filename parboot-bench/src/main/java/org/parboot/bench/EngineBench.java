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
import org.parboot.ci.Distribution;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.eval.EvaluationPlan;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/** Whole runs: each executor at 1 and 2 threads, each interval method, and the O(n) jackknife. */
public class EngineBench {

  static final List<Statistic> TUTORIAL = List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0),
      MomentStatistic.skew("x", true));

  /** Bootstrap.run of mean, std and skew, percentile intervals, n = 3,000, B = 4,000. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 5)
  @Measurement(iterations = 15)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
  public static class Executors {
    @Param({"serial", "queue", "pool", "forkjoin", "virtual"})
    public String executor;

    @Param({"1", "2"})
    public int threads;

    private Dataset data;
    private BootstrapOptions options;

    @Setup
    public void setUp() {
      data = BenchData.of(3000);
      options = BootstrapOptions.builder().resamples(4000).seed(7).simd(org.parboot.exec.SimdMode.ALWAYS).executor(ExecutorKind.valueOf(executor.toUpperCase()))
          .threads(threads).intervals(IntervalMethod.PERCENTILE).build();
    }

    @Benchmark
    public BootstrapResult run() {
      return Bootstrap.run(data, TUTORIAL, options);
    }
  }

  /** One interval method on a distribution of B = 9,999 replicates (jackknife of n = 3,000 given). */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
  public static class Intervals {
    @Param({"PERCENTILE", "BASIC", "NORMAL", "BCA"})
    public String method;

    private IntervalMethod m;
    private double[] replicates;
    private double observed;
    private double[] jackknife;

    @Setup
    public void setUp() {
      m = IntervalMethod.valueOf(method);
      final Dataset data = BenchData.of(3000);
      final BootstrapResult r = Bootstrap.run(data, List.of(MomentStatistic.std("x", 0)),
          BootstrapOptions.builder().resamples(9999).seed(3).simd(org.parboot.exec.SimdMode.ALWAYS).intervals(IntervalMethod.PERCENTILE).build());
      replicates = r.statistics().get(0).replicates();
      observed = r.statistics().get(0).observed();
      jackknife = new EvaluationPlan(data, List.of(MomentStatistic.std("x", 0))).jackknife()[0];
    }

    /** Includes building the {@link Distribution} (its copy and the sort), as every run does once per statistic. */
    @Benchmark
    public Interval interval() {
      return m.interval(new Distribution(replicates, observed), 0.95, jackknife, new ArrayList<>());
    }
  }

  /** The jackknife BCa needs: moments O(n) from power sums, order statistics O(n) from ranks. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
  public static class Jackknife {
    @Param({"100000"})
    public int n;

    private EvaluationPlan plan;

    @Setup
    public void setUp() {
      plan = new EvaluationPlan(BenchData.of(n), List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0),
          MomentStatistic.skew("x", true), OrderStatistic.median("x")));
    }

    @Benchmark
    public double[][] jackknife() {
      return plan.jackknife();
    }
  }
}
