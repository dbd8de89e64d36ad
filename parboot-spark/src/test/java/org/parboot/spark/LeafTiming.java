package org.parboot.spark;

import java.util.List;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.MomentStatistic;

/** A rough timing of the Poisson leaf (exploration; the figures that count come from bench/spark-scale.sh). */
public final class LeafTiming {
  private LeafTiming() {}

  public static void main(String[] args) {
    final int b = Integer.parseInt(args.length > 0 ? args[0] : "1000");
    final List<MomentStatistic> stats = List.of((MomentStatistic) StatisticSpec.parse("mean", List.of("x")).get(0),
        (MomentStatistic) StatisticSpec.parse("std", List.of("x")).get(0));
    final PoissonLeaf leaf = new PoissonLeaf(new MomentPlan(stats), new long[] {7}, b, true);
    final double[][] cols = new double[1][BlockCutter.BLOCK];
    final java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    for (int j = 0; j < cols[0].length; j++) {
      cols[0][j] = 50 + 10 * r.nextGaussian();
    }
    double sink = 0;
    for (int round = 0; round < 8; round++) {
      final long t0 = System.nanoTime();
      final int blocks = 200;
      for (int k = 0; k < blocks; k++) {
        sink += leaf.block(0, (long) k * BlockCutter.BLOCK, BlockCutter.BLOCK, cols)[1];
      }
      final double ns = (System.nanoTime() - t0) / ((double) blocks * BlockCutter.BLOCK * b);
      System.out.printf("round %d: %.2f ns per row and replicate%n", round, ns);
    }
    final int[] counts = new int[BlockCutter.BLOCK];
    long total = 0;
    for (int round = 0; round < 6; round++) {
      final long t0 = System.nanoTime();
      for (int k = 0; k < 200; k++) {
        for (int q = 0; q < b; q++) {
          org.parboot.rng.PoissonCounts.fill(q * 0x9e3779b97f4a7c15L, (long) k * 1024, counts, 1024, args.length > 1);
          total += counts[k & 1023];
        }
      }
      System.out.printf("fill alone %d: %.2f ns%n", round, (System.nanoTime() - t0) / (200.0 * 1024 * b));
    }
    final double[][] d = new double[1][1024];
    final org.parboot.RowSums SUMS = org.parboot.RowSums.of(args.length > 1);
    final double[] v = new double[leaf.shape().size()];
    for (int round = 0; round < 6; round++) {
      final long t0 = System.nanoTime();
      for (int k = 0; k < 200; k++) {
        for (int q = 0; q < b; q++) {
          Sums.block(leaf.shape(), q, counts, d, true, SUMS, v);
        }
      }
      System.out.printf("sums alone %d: %.2f ns%n", round, (System.nanoTime() - t0) / (200.0 * 1024 * b));
    }
    System.out.println(sink + total + v[3]);
  }
}
