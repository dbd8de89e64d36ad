package org.parboot.eval;

import java.util.Arrays;
import org.parboot.rng.ResampleStreams;
import org.parboot.stat.CustomStatistic;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;

/**
 * One worker's scratch and the evaluation of an {@link EvaluationPlan}'s statistics on a
 * resample, fed its indices in blocks: {@link #begin}, {@link #add} for each block, {@link #finish}.
 * Every moment column's sums accumulate in the layout of {@link PowerSums}, every order column's
 * ranks are counted, every custom column gathered; so the values do not depend on how the
 * resample was cut into blocks. {@link #evaluate} takes a whole resample, {@link #evaluateStream}
 * draws an iid resample block by block from its stream with no buffer of n indices.
 *
 * <p>Not thread-safe: one per worker. Allocation-free per resample (custom statistics aside, whose
 * buffers are reused while the resample size stays the same).
 */
public final class Evaluator {
  /** Indices per block of a streamed resample: a multiple of 8, and small enough to stay in L1. */
  public static final int BLOCK = 256;

  private final EvaluationPlan plan;
  private final RankCounts[] ranks;
  private final double[][] momentLanes;
  private final double[][] pairLanes;
  private final double[] momentSums = new double[4];
  private final int[] block = new int[BLOCK];
  private double[][] customBuffers = new double[0][];
  private int size;
  private int position;

  Evaluator(EvaluationPlan plan) {
    this.plan = plan;
    this.ranks = new RankCounts[plan.sortedValues.length];
    for (int c = 0; c < ranks.length; c++) {
      ranks[c] = new RankCounts(plan.sortedValues[c], plan.allFinite[c]);
    }
    this.momentLanes = new double[plan.momentValues.length][];
    for (int c = 0; c < momentLanes.length; c++) {
      momentLanes[c] = new double[PowerSums.LANES * plan.orders[c]];
    }
    this.pairLanes = new double[plan.pairs.length][];
    for (int q = 0; q < pairLanes.length; q++) {
      pairLanes[q] = new double[PowerSums.LANES * (plan.pairFused[q] ? 5 : 1)];
    }
  }

  /** Starts a resample of {@code size} indices. */
  public void begin(int size) {
    this.size = size;
    this.position = 0;
    for (double[] lanes : momentLanes) {
      Arrays.fill(lanes, 0);
    }
    for (double[] lanes : pairLanes) {
      Arrays.fill(lanes, 0);
    }
    for (RankCounts r : ranks) {
      r.clear();
    }
    if (plan.customValues.length > 0 && (customBuffers.length != plan.customValues.length
        || customBuffers[0].length != size)) {
      customBuffers = new double[plan.customValues.length][size];
    }
  }

  /**
   * The next {@code len} indices of the resample, {@code idx[from, from + len)}. Every block but
   * the last must have a length that is a multiple of 8 (the layout's lanes follow the position).
   */
  public void add(int[] idx, int from, int len) {
    if ((position & (PowerSums.LANES - 1)) != 0) {
      throw new IllegalStateException("a block after one of " + position + " indices: only the last block may "
          + "have a length that is not a multiple of " + PowerSums.LANES);
    }
    final EvaluationPlan p = plan;
    for (int c = 0; c < p.momentValues.length; c++) {
      if (!p.columnFused[c]) {
        PowerSums.add(p.orders[c], p.momentValues[c], idx, from, len, momentLanes[c]);
      }
    }
    for (int q = 0; q < p.pairs.length; q++) {
      final double[] x = p.momentValues[p.pairs[q][0]];
      final double[] y = p.momentValues[p.pairs[q][1]];
      if (p.pairFused[q]) {
        PowerSums.pair(x, y, idx, from, len, pairLanes[q]);
      } else {
        PowerSums.cross(x, y, idx, from, len, pairLanes[q]);
      }
    }
    for (int c = 0; c < ranks.length; c++) {
      ranks[c].add(p.rankOfRow[c], idx, from, len);
    }
    for (int c = 0; c < p.customValues.length; c++) {
      final double[] v = p.customValues[c];
      final double[] buf = customBuffers[c];
      for (int i = 0; i < len; i++) {
        buf[position + i] = v[idx[from + i]];
      }
    }
    position += len;
  }

  /** The statistics of the resample whose indices were added, into {@code out[0..k)}. */
  public void finish(double[] out) {
    if (position != size) {
      throw new IllegalStateException(position + " of " + size + " indices were added");
    }
    if (size == 0) {
      Arrays.fill(out, Double.NaN);
      return;
    }
    for (RankCounts r : ranks) {
      r.accumulate(size);
    }
    final EvaluationPlan p = plan;
    for (int s = 0; s < out.length; s++) {
      out[s] = switch (p.statistics.get(s)) {
        case MomentStatistic m -> momentValue(s, m);
        case OrderStatistic o -> o.evaluate(ranks[p.slotA[s]]);
        case CustomStatistic c -> customValue(s, c);
      };
    }
  }

  /**
   * The statistics of the sample {@code data[idx[0..len)]}, into {@code out[0..k)}. Any length
   * works, including more than the number of rows (a row drawn c times counts c times, as in
   * the Poisson scheme); an empty sample gives NaN for every statistic.
   */
  public void evaluate(int[] idx, int len, double[] out) {
    begin(len);
    add(idx, 0, len);
    finish(out);
  }

  /**
   * The statistics of the iid resample of the plan's rows drawn from {@code stream}
   * ({@link ResampleStreams.Stream#fill}), drawn in blocks of {@value #BLOCK} and evaluated block
   * by block: the very values {@link #evaluate} gives for the same indices in one buffer.
   *
   * @param threshold {@link ResampleStreams#threshold threshold(rows)}
   */
  public void evaluateStream(ResampleStreams.Stream stream, long threshold, double[] out) {
    final int n = plan.rows;
    begin(n);
    for (int from = 0; from < n; from += BLOCK) {
      final int len = Math.min(BLOCK, n - from);
      stream.fill(n, threshold, block, 0, len);
      add(block, 0, len);
    }
    finish(out);
  }

  private double momentValue(int s, MomentStatistic m) {
    final EvaluationPlan p = plan;
    final int a = p.slotA[s];
    final double[] sa = sums(a, momentSums);
    if (p.slotB[s] < 0) {
      return m.fromSums(size, p.centres[a], sa[0], sa[1], sa[2], sa[3]);
    }
    final double sa0 = sa[0];
    final double sa1 = sa[1];
    final int b = p.slotB[s];
    final double[] sb = sums(b, momentSums);
    final double sxy = p.pairSlot[s] < 0 ? 0 : crossSum(p.pairSlot[s]);
    return m.fromPairSums(size, p.centres[a], sa0, sa1, p.centres[b], sb[0], sb[1], sxy);
  }

  /** Column c's power sums into {@code out[0..3]} (0 beyond its order): from its own lanes, or its pair's. */
  private double[] sums(int c, double[] out) {
    Arrays.fill(out, 0);
    final EvaluationPlan p = plan;
    if (!p.columnFused[c]) {
      for (int k = 0; k < p.orders[c]; k++) {
        out[k] = PowerSums.combine(momentLanes[c], PowerSums.LANES * k);
      }
      return out;
    }
    for (int q = 0; q < p.pairs.length; q++) {
      if (p.pairFused[q] && (p.pairs[q][0] == c || p.pairs[q][1] == c)) {
        final int at = p.pairs[q][0] == c ? 0 : 2;
        out[0] = PowerSums.combine(pairLanes[q], PowerSums.LANES * at);
        out[1] = PowerSums.combine(pairLanes[q], PowerSums.LANES * (at + 1));
        return out;
      }
    }
    throw new IllegalStateException("column " + c + " is fused into no pair");
  }

  private double crossSum(int q) {
    return PowerSums.combine(pairLanes[q], plan.pairFused[q] ? PowerSums.LANES * 4 : 0);
  }

  private double customValue(int s, CustomStatistic c) {
    final int[] slots = plan.customSlots[s];
    final double[][] args = new double[slots.length][];
    for (int j = 0; j < slots.length; j++) {
      args[j] = customBuffers[slots[j]];
    }
    return c.function().apply(args);
  }
}
