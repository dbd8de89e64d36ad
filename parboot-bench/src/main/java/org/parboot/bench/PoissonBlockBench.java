package org.parboot.bench;

import java.util.SplittableRandom;
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
import org.parboot.RowSums;
import org.parboot.rng.PoissonCounts;
import org.parboot.rng.ResampleStreams;

/**
 * The Spark engine's inner loop, one replicate of one block of 1024 rows per operation (single
 * thread): the Poisson counts of the block's rows ({@code counts}), then those and the sums of the
 * first two powers of a centred column weighted by them ({@code countsAndSums}: mean and std), as
 * {@code parboot-spark}'s Poisson leaf runs them. Divide the score by 1024 for nanoseconds per row
 * and replicate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class PoissonBlockBench {
  static final int ROWS = 1024;

  /** SIMD counts and sums where the JVM has them; {@code -p simd=false} for the scalar ones. */
  @Param({"true", "false"})
  public boolean simd;

  private final int[] counts = new int[ROWS];
  private final double[] d = new double[ROWS];
  private final double[] out = new double[2];
  private RowSums sums;
  private long b;
  private long block;

  @Setup
  public void setup() {
    final SplittableRandom r = new SplittableRandom(3);
    for (int j = 0; j < ROWS; j++) {
      d[j] = 10 * r.nextGaussian();
    }
    sums = RowSums.of(simd);
  }

  @Benchmark
  public int counts() {
    PoissonCounts.fill(ResampleStreams.streamState(7, b++), ROWS * (block++ & 1023), counts, ROWS, simd);
    return counts[17];
  }

  @Benchmark
  public double countsAndSums() {
    PoissonCounts.fill(ResampleStreams.streamState(7, b++), ROWS * (block++ & 1023), counts, ROWS, simd);
    sums.powers(2, counts, d, true, out);
    return out[1];
  }
}
