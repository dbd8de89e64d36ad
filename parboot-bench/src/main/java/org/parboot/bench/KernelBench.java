package org.parboot.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parboot.data.Dataset;
import org.parboot.resample.IidResampler;
import org.parboot.eval.EvaluationPlan;
import org.parboot.rng.ResampleStreams;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * One resample per operation, single thread: the random draw alone, the draw plus the cheapest
 * possible gather (the floor every kernel pays), and the engine's evaluation of each family of
 * statistics. The score is nanoseconds per resample; divide by {@code n} for nanoseconds per draw.
 * Every benchmark after {@code rng} includes the draw, as the engine does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class KernelBench {

  @Param({"3000", "1000000"})
  public int n;

  /**
   * Whether the draw and the sums run on SIMD lanes (where the JVM has them: the benchmarks' JVM
   * gets {@code --add-modules jdk.incubator.vector}); {@code -p simd=false} for the scalar kernels.
   */
  @Param({"true"})
  public boolean simd;

  private int[] idx;
  private double[] x;
  private double[] y;
  private IidResampler resampler;
  private final double[] out1 = new double[1];
  private final double[] out3 = new double[3];
  private final double[] out4 = new double[4];
  private long b;
  private org.parboot.eval.Evaluator moments;
  private org.parboot.eval.Evaluator meanOnly;
  private org.parboot.eval.Evaluator tutorial;
  private org.parboot.eval.Evaluator paired;
  private org.parboot.eval.Evaluator median;
  private org.parboot.eval.Evaluator orderAll;

  @Setup(Level.Trial)
  public void setUp() {
    final Dataset data = BenchData.of(n);
    x = data.column("x");
    y = data.column("y");
    idx = new int[n];
    resampler = new IidResampler(42, n);
    moments = evaluator(data, MomentStatistic.mean("x"), MomentStatistic.std("x", 0),
        MomentStatistic.skew("x", true), MomentStatistic.kurt("x", true));
    meanOnly = evaluator(data, MomentStatistic.mean("x"));
    tutorial = evaluator(data, MomentStatistic.mean("x"), MomentStatistic.std("x", 0), MomentStatistic.skew("x", true));
    paired = evaluator(data, MomentStatistic.cov("x", "y", 1), MomentStatistic.corr("x", "y"),
        MomentStatistic.ratio("x", "y"));
    median = evaluator(data, OrderStatistic.median("x"));
    orderAll = evaluator(data, OrderStatistic.median("x"), OrderStatistic.quantile("x", 0.9),
        OrderStatistic.trimmedMean("x", 0.1));
  }

  private org.parboot.eval.Evaluator evaluator(Dataset data, Statistic... stats) {
    return new EvaluationPlan(data, List.of(stats)).newEvaluator(simd);
  }

  /** The next resample's indices into the buffer (on SIMD lanes if {@link #simd}). */
  private void draw() {
    ResampleStreams.fillIndices(resampler.streamState(b++), n, resampler.threshold(), idx, n, simd);
  }

  /** The next resample's draw, then the evaluator's statistics; returns their sum (all are used). */
  private double drawAndEvaluate(org.parboot.eval.Evaluator evaluator, double[] out) {
    draw();
    evaluator.evaluate(idx, n, out);
    double sum = 0;
    for (double v : out) {
      sum += v;
    }
    return sum;
  }

  /** The random draw: n bounded indices into the buffer. */
  @Benchmark
  public int rng() {
    draw();
    return idx[n - 1];
  }

  /** The floor: draw, then gather every drawn value into four independent sums. */
  @Benchmark
  public double gatherFloor() {
    draw();
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    final int[] ix = idx;
    final double[] v = x;
    int i = 0;
    for (; i + 3 < ix.length; i += 4) {
      s0 += v[ix[i]];
      s1 += v[ix[i + 1]];
      s2 += v[ix[i + 2]];
      s3 += v[ix[i + 3]];
    }
    for (; i < ix.length; i++) {
      s0 += v[ix[i]];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * The floor of a paired statistic: draw, then gather both columns' values of every drawn row
   * into four independent sums. A kernel over two columns must pay this.
   */
  @Benchmark
  public double pairGatherFloor() {
    draw();
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    final int[] ix = idx;
    final double[] u = x;
    final double[] v = y;
    int i = 0;
    for (; i + 1 < ix.length; i += 2) {
      s0 += u[ix[i]];
      s1 += v[ix[i]];
      s2 += u[ix[i + 1]];
      s3 += v[ix[i + 1]];
    }
    for (; i < ix.length; i++) {
      s0 += u[ix[i]] + v[ix[i]];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** mean only (first power sum). */
  @Benchmark
  public double mean() {
    return drawAndEvaluate(meanOnly, out1);
  }

  /** mean, std, skew: the tutorial's statistics from a buffered draw (power sums up to the third). */
  @Benchmark
  public double tutorial() {
    return drawAndEvaluate(tutorial, out3);
  }

  /**
   * mean, std, skew as the engine runs them for the iid scheme: the draw in blocks of 256 counted
   * per row ({@code Evaluator.evaluateStream}, no n-sized index buffer), then one pass of the
   * weighted sums over the rows. Compare with {@link #tutorial}.
   */
  @Benchmark
  public double tutorialStreamed() {
    tutorial.evaluateStream(new ResampleStreams.Stream(resampler.streamState(b++)).simd(simd), resampler.threshold(), out3);
    return out3[0] + out3[1] + out3[2];
  }

  /** mean, std, skew, kurt, streamed as in {@link #tutorialStreamed}. */
  @Benchmark
  public double momentsStreamed() {
    moments.evaluateStream(new ResampleStreams.Stream(resampler.streamState(b++)).simd(simd), resampler.threshold(), out4);
    return out4[0] + out4[1] + out4[2] + out4[3];
  }

  /** median, streamed: the row counts read in rank order, as the engine runs it. */
  @Benchmark
  public double medianStreamed() {
    median.evaluateStream(new ResampleStreams.Stream(resampler.streamState(b++)).simd(simd), resampler.threshold(), out1);
    return out1[0];
  }

  /** median, quantile(0.9), trimmed_mean(0.1), streamed. */
  @Benchmark
  public double orderStatisticsStreamed() {
    orderAll.evaluateStream(new ResampleStreams.Stream(resampler.streamState(b++)).simd(simd), resampler.threshold(), out3);
    return out3[0] + out3[1] + out3[2];
  }

  /** cov, corr, ratio, streamed: one pass of the pair's sums over the rows. */
  @Benchmark
  public double pairedStreamed() {
    paired.evaluateStream(new ResampleStreams.Stream(resampler.streamState(b++)).simd(simd), resampler.threshold(), out3);
    return out3[0] + out3[1] + out3[2];
  }

  /** mean, std, skew, kurt from a buffered draw (power sums up to the fourth). */
  @Benchmark
  public double moments() {
    return drawAndEvaluate(moments, out4);
  }

  /** cov, corr, ratio of two columns: two power-sum passes and one cross sum. */
  @Benchmark
  public double paired() {
    return drawAndEvaluate(paired, out3);
  }

  /** median: counts of drawn ranks. */
  @Benchmark
  public double median() {
    return drawAndEvaluate(median, out1);
  }

  /** median, quantile(0.9) and trimmed_mean(0.1) of one column. */
  @Benchmark
  public double orderStatistics() {
    return drawAndEvaluate(orderAll, out3);
  }
}
