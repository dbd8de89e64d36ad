package org.parboot.bench;

import java.util.SplittableRandom;
import org.parboot.data.Dataset;

/** Synthetic data for the benchmarks: a skewed column x and a correlated column y. */
final class BenchData {
  private BenchData() {}

  /** n rows of x ~ Gamma-like (sum of exponentials) and y = 0.6 x + noise, from a fixed seed. */
  static Dataset of(int n) {
    final SplittableRandom r = new SplittableRandom(20261123L);
    final double[] x = new double[n];
    final double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 10 - 3 * Math.log(1 - r.nextDouble()) - 2 * Math.log(1 - r.nextDouble());
      y[i] = 0.6 * x[i] + 2 * r.nextGaussian();
    }
    return Dataset.builder("bench(n=" + n + ")").column("x", x).column("y", y).build();
  }
}
