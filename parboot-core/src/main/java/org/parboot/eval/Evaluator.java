package org.parboot.eval;

import java.util.Arrays;
import org.parboot.rng.ResampleStreams;
import org.parboot.stat.CustomStatistic;
import org.parboot.stat.ExpressionStatistic;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OlsStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.RankStatistic;

/**
 * One worker's scratch and the evaluation of an {@link EvaluationPlan}'s statistics on a
 * resample, fed its row indices in blocks: {@link #begin}, {@link #add} for each block,
 * {@link #finish}. Adding counts each row's draws (and gathers the values of any custom
 * statistic's columns, in draw order); finishing runs the moment sums over the counts
 * ({@link PowerSums}) and reads the order statistics through them ({@link RankCounts}). So the
 * values do not depend on how the resample was cut into blocks, nor, custom statistics aside, on
 * the order of its draws. {@link #evaluate} takes a whole resample, {@link #evaluateStream}
 * draws an iid resample block by block from its stream with no buffer of n indices.
 *
 * <p>Not thread-safe: one per worker. Allocation-free per resample (custom statistics aside, whose
 * buffers are reused while the resample size stays the same).
 */
public final class Evaluator {
  /** Indices per block of a streamed resample: small enough to stay in the L1 cache. */
  public static final int BLOCK = 256;

  private final EvaluationPlan plan;
  private final PowerSums.Kernel sums;
  private final int[] counts;
  private final RankCounts[] ranks;
  private final double[][] columnSums;
  private final double[][] pairSums;
  private final int[] block = new int[BLOCK];
  // The leaves' values when they are not the statistics themselves (an expression, a repeat).
  private final double[] leafValues;
  // Rank statistics' scratch: a resample's mid-ranks (spearman), a Fenwick tree and tallies (kendall).
  private final double[] midRanks;
  private final long[] tree;
  private final long[] tally;
  private final OlsModel.Scratch[] fits;
  // A weighted plan's order columns, read by cumulative weight; null when unweighted.
  private final WeightedRanks[] weighted;
  // The resample's size, or with weights the sum of count times weight: every formula's m.
  private double weight;
  // The vectors of vector statistics computed for this resample, by function.
  private final java.util.IdentityHashMap<CustomStatistic.VectorFunction, double[]> vectors = new java.util.IdentityHashMap<>();
  private double[][] customBuffers = new double[0][];
  private int size;
  private int position;
  private boolean dirty;

  Evaluator(EvaluationPlan plan, PowerSums.Kernel sums) {
    this.plan = plan;
    this.sums = sums;
    this.counts = new int[plan.rows];
    // A weighted plan reads its order columns by cumulative weight instead (WeightedRanks).
    this.ranks = new RankCounts[plan.weights == null ? plan.sortedValues.length : 0];
    for (int c = 0; c < ranks.length; c++) {
      ranks[c] = new RankCounts(plan.sortedValues[c], plan.rowOfRank[c], plan.allFinite[c]);
    }
    this.columnSums = new double[plan.momentValues.length][4];
    this.pairSums = new double[plan.pairs.length][5];
    this.leafValues = plan.parts.isIdentity() ? null : new double[plan.leaves.size()];
    final boolean ranks = plan.rankPairs.length > 0;
    this.midRanks = ranks ? new double[plan.rows] : null;
    this.tree = ranks ? new long[plan.maxYGroups + 1] : null;
    this.tally = ranks ? new long[plan.maxYGroups] : null;
    if (plan.weights == null) {
      this.weighted = null;
    } else {
      this.weighted = new WeightedRanks[plan.sortedValues.length];
      for (int c = 0; c < weighted.length; c++) {
        weighted[c] = new WeightedRanks(plan.sortedValues[c], plan.rowOfRank[c], plan.weights);
      }
    }
    this.fits = new OlsModel.Scratch[plan.olsModels.length];
    for (int m = 0; m < fits.length; m++) {
      fits[m] = plan.olsModels[m].newScratch();
    }
  }

  /** Starts a resample of {@code size} indices. */
  public void begin(int size) {
    if (dirty) {
      Arrays.fill(counts, 0); // a resample left unfinished (a statistic threw, a run stopped)
      dirty = false;
    }
    this.size = size;
    this.position = 0;
    if (plan.customValues.length > 0 && (customBuffers.length != plan.customValues.length
        || customBuffers[0].length != size)) {
      customBuffers = new double[plan.customValues.length][size];
    }
  }

  /** The next {@code len} indices of the resample, {@code idx[from, from + len)}. */
  public void add(int[] idx, int from, int len) {
    if (len > size - position) {
      throw new IllegalStateException(len + " more indices than the " + (size - position) + " left of " + size);
    }
    dirty = true;
    final int[] c = counts;
    final int end = from + len;
    for (int i = from; i < end; i++) {
      c[idx[i]]++;
    }
    final double[][] customs = plan.customValues;
    for (int k = 0; k < customs.length; k++) {
      final double[] v = customs[k];
      final double[] buf = customBuffers[k];
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
    try {
      if (size == 0) {
        Arrays.fill(out, 0, plan.statistics.size(), Double.NaN);
        return;
      }
      final EvaluationPlan p = plan;
      if (p.weights != null) {
        weightedSums();
      } else {
        sums();
      }
      if (weighted == null) {
        for (RankCounts r : ranks) {
          r.of(counts, size);
        }
      } else {
        for (WeightedRanks r : weighted) {
          r.of(counts);
        }
      }
      for (int m = 0; m < fits.length; m++) {
        final OlsModel model = p.olsModels[m];
        if (model.residualColumn < 0) {
          model.fromSums(weight, p.centres, columnSums, pairSums, fits[m]);
        } else if (size == p.rows) {
          model.fromResiduals(customBuffers[model.residualColumn], fits[m]);
        } else {
          throw new IllegalStateException("a residual resample pairs one draw with each of the " + p.rows
              + " rows; this one has " + size);
        }
      }
      final double[] leaf = leafValues == null ? out : leafValues;
      for (int s = 0; s < p.leaves.size(); s++) {
        leaf[s] = switch (p.leaves.get(s)) {
          case MomentStatistic m -> momentValue(s, m);
          case OrderStatistic o -> weighted == null ? o.evaluate(ranks[p.slotA[s]]) : o.evaluate(weighted[p.slotA[s]]);
          case RankStatistic r -> r.kind() == RankStatistic.Kind.SPEARMAN
              ? p.rankPairs[p.rankSlot[s]].spearman(counts, size, midRanks)
              : p.rankPairs[p.rankSlot[s]].kendall(counts, size, tree, tally);
          case OlsStatistic o -> fits[p.olsSlot[s]].out[p.olsOutput[s]];
          case CustomStatistic c -> customValue(s, c);
          case ExpressionStatistic e -> throw new AssertionError("a leaf is not an expression: " + e.label());
        };
      }
      if (leafValues != null) {
        p.parts.combine(leafValues, out);
      }
    } finally {
      Arrays.fill(counts, 0);
      dirty = false;
      if (!vectors.isEmpty()) {
        vectors.clear(); // clear() walks the whole table, empty or not: not once per resample for nothing
      }
    }
  }

  /**
   * The statistics of the sample in which row i appears {@code counts[i]} times, {@code size} rows
   * in all (the sum of the counts), into {@code out[0..k)}: a frequency-weighted sample, evaluated
   * as a resample that drew those rows. Moment and order statistics only (a custom statistic reads
   * its values in draw order, which counts do not have).
   *
   * @throws IllegalStateException the plan has a custom statistic
   */
  public void evaluateCounts(int[] counts, int size, double[] out) {
    if (plan.readsDraws()) {
      throw new IllegalStateException("custom statistics and residual resampling need the draws, not counts: "
          + plan.statistics);
    }
    begin(size);
    System.arraycopy(counts, 0, this.counts, 0, plan.rows);
    dirty = true;
    position = size;
    finish(out);
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

  /** The moment sums of the resample from its counts, in the layout; its size as its weight. */
  private void sums() {
    final EvaluationPlan p = plan;
    weight = size;
    for (int c = 0; c < p.momentValues.length; c++) {
      if (!p.columnFused[c]) {
        sums.powers(p.orders[c], counts, p.momentValues[c], p.momentFinite[c], columnSums[c]);
      }
    }
    for (int q = 0; q < p.pairs.length; q++) {
      final int a = p.pairs[q][0];
      final int b = p.pairs[q][1];
      final boolean finite = p.momentFinite[a] && p.momentFinite[b];
      if (p.pairFused[q]) {
        sums.pair(counts, p.momentValues[a], p.momentValues[b], finite, pairSums[q]);
        System.arraycopy(pairSums[q], 0, columnSums[a], 0, 2);
        System.arraycopy(pairSums[q], 2, columnSums[b], 0, 2);
      } else {
        pairSums[q][4] = sums.cross(counts, p.momentValues[a], p.momentValues[b], finite);
      }
    }
  }

  /** The weighted moment sums of the resample ({@link WeightedSums}); its weight, the sum of count times weight. */
  private void weightedSums() {
    final EvaluationPlan p = plan;
    weight = WeightedSums.total(counts, p.weights);
    for (int c = 0; c < p.momentValues.length; c++) {
      WeightedSums.powers(p.orders[c], counts, p.weights, p.momentValues[c], columnSums[c]);
    }
    for (int q = 0; q < p.pairs.length; q++) {
      pairSums[q][4] = WeightedSums.cross(counts, p.weights, p.momentValues[p.pairs[q][0]], p.momentValues[p.pairs[q][1]]);
    }
  }

  private double momentValue(int s, MomentStatistic m) {
    final EvaluationPlan p = plan;
    final double[] sa = columnSums[p.slotA[s]];
    final double ca = p.centres[p.slotA[s]];
    final int b = p.slotB[s];
    if (b < 0) {
      final int order = p.orders[p.slotA[s]];
      return m.fromSums(weight, ca, sa[0], order > 1 ? sa[1] : 0, order > 2 ? sa[2] : 0, order > 3 ? sa[3] : 0);
    }
    final double[] sb = columnSums[b];
    final double sxy = p.pairSlot[s] < 0 ? 0 : pairSums[p.pairSlot[s]][4];
    return m.fromPairSums(weight, ca, sa[0], sa[1], p.centres[b], sb[0], sb[1], sxy);
  }

  private double customValue(int s, CustomStatistic c) {
    final int[] slots = plan.customSlots[s];
    final double[][] args = new double[slots.length][];
    for (int j = 0; j < slots.length; j++) {
      args[j] = customBuffers[slots[j]];
    }
    if (c.function() instanceof CustomStatistic.Output o) {
      // One call of a vector function per resample serves all its outputs.
      double[] v = vectors.get(o.function());
      if (v == null) {
        v = o.function().apply(args);
        o.check(v);
        vectors.put(o.function(), v);
      }
      return v[o.index()];
    }
    return c.function().apply(args);
  }
}
