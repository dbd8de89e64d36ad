package org.parboot.eval;

import java.util.Arrays;
import org.parboot.stat.CustomStatistic;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;

/**
 * One worker's scratch and the per-resample evaluation of an {@link EvaluationPlan}. Not
 * thread-safe: one per worker. Allocation-free per resample (custom statistics aside, which get
 * reused arrays).
 */
public final class Evaluator {
  private final EvaluationPlan plan;
  private final RankCounts[] sortedViews;
  private final double[][] momentSums;
  private final double[] crossSums;
  private final double[] lanes = new double[10];
  private double[][] customBuffers = new double[0][];
  private int customSize = -1;

  Evaluator(EvaluationPlan plan) {
    this.plan = plan;
    this.sortedViews = new RankCounts[plan.sortedValues.length];
    for (int c = 0; c < sortedViews.length; c++) {
      sortedViews[c] = new RankCounts(plan.sortedValues[c], plan.allFinite[c]);
    }
    this.momentSums = new double[plan.momentValues.length][4];
    this.crossSums = new double[plan.pairs.length];
  }

  /**
   * The statistics of the sample {@code data[idx[0..len)]}, into {@code out[0..k)}. Any length
   * works, including more than the number of rows (a row drawn c times counts c times, as in
   * the Poisson scheme); an empty sample gives NaN for every statistic.
   */
  public void evaluate(int[] idx, int len, double[] out) {
    if (len == 0) {
      Arrays.fill(out, Double.NaN);
      return;
    }
    final EvaluationPlan p = plan;
    for (int c = 0; c < p.momentValues.length; c++) {
      if (!p.columnFused[c]) {
        PowerSums.powerSums(p.momentValues[c], p.centres[c], p.orders[c], idx, len, momentSums[c]);
      }
    }
    for (int q = 0; q < p.pairs.length; q++) {
      final int a = p.pairs[q][0];
      final int b = p.pairs[q][1];
      crossSums[q] = p.pairFused[q]
          ? PowerSums.pairSums(p.momentValues[a], p.centres[a], p.momentValues[b], p.centres[b], idx, len,
              momentSums[a], momentSums[b])
          : PowerSums.crossSum(p.momentValues[a], p.centres[a], p.momentValues[b], p.centres[b], idx, len);
    }
    for (int c = 0; c < p.sortedValues.length; c++) {
      sortedViews[c].count(p.rankOfRow[c], idx, len);
    }
    if (p.customValues.length > 0) {
      gatherCustom(idx, len);
    }
    for (int s = 0; s < out.length; s++) {
      out[s] = switch (p.statistics.get(s)) {
        case MomentStatistic m -> momentValue(s, m, len);
        case OrderStatistic o -> o.evaluate(sortedViews[p.slotA[s]]);
        case CustomStatistic c -> customValue(s, c);
      };
    }
  }

  /**
   * The statistics of the iid resample drawn from the stream at {@code state}: the same values,
   * bit for bit, as {@link #evaluate} of the indices
   * {@link org.parboot.rng.ResampleStreams#fillIndices fillIndices(state, rows, threshold, idx,
   * rows)} gives, computed in one loop with the draw ({@link IidPowerSums}, {@link RankCounts}).
   * Only for a plan whose {@link EvaluationPlan#iidFusion()} is not {@code NONE}.
   *
   * @param threshold {@link org.parboot.rng.ResampleStreams#threshold threshold(rows)}
   * @throws IllegalStateException if the plan does not fuse the draw
   */
  public void evaluateIid(long state, long threshold, double[] out) {
    final EvaluationPlan p = plan;
    final int rows = p.rows;
    switch (p.iidFusion()) {
      case RANKS -> {
        final RankCounts sample = sortedViews[0].countIid(p.rankOfRow[0], state, rows, threshold);
        for (int s = 0; s < out.length; s++) {
          out[s] = ((OrderStatistic) p.statistics.get(s)).evaluate(sample);
        }
        return;
      }
      case MOMENTS -> IidPowerSums.sums(state, rows, threshold, p.momentValues[0], p.centres[0], p.orders[0], rows,
          momentSums[0], lanes);
      case PAIR -> {
        final int a = p.pairs[0][0];
        final int b = p.pairs[0][1];
        crossSums[0] = IidPowerSums.pairSums(state, rows, threshold, p.momentValues[a], p.centres[a],
            p.momentValues[b], p.centres[b], rows, momentSums[a], momentSums[b], lanes);
      }
      case NONE -> throw new IllegalStateException("these statistics do not fuse the iid draw: " + p.statistics);
    }
    for (int s = 0; s < out.length; s++) {
      out[s] = momentValue(s, (MomentStatistic) p.statistics.get(s), rows);
    }
  }

  private double momentValue(int s, MomentStatistic m, int len) {
    final EvaluationPlan p = plan;
    final double[] a = momentSums[p.slotA[s]];
    if (p.slotB[s] < 0) {
      return m.fromSums(len, p.centres[p.slotA[s]], a[0], a[1], a[2], a[3]);
    }
    final double[] b = momentSums[p.slotB[s]];
    final double sxy = p.pairSlot[s] < 0 ? 0 : crossSums[p.pairSlot[s]];
    return m.fromPairSums(len, p.centres[p.slotA[s]], a[0], a[1], p.centres[p.slotB[s]], b[0], b[1], sxy);
  }

  private double customValue(int s, CustomStatistic c) {
    final int[] slots = plan.customSlots[s];
    final double[][] args = new double[slots.length][];
    for (int j = 0; j < slots.length; j++) {
      args[j] = customBuffers[slots[j]];
    }
    return c.function().apply(args);
  }

  private void gatherCustom(int[] idx, int len) {
    final double[][] values = plan.customValues;
    if (customSize != len) {
      customBuffers = new double[values.length][len];
      customSize = len;
    }
    for (int c = 0; c < values.length; c++) {
      final double[] v = values[c];
      final double[] buf = customBuffers[c];
      for (int i = 0; i < len; i++) {
        buf[i] = v[idx[i]];
      }
    }
  }
}
