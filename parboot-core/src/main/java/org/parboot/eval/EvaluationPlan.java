package org.parboot.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;
import org.parboot.stat.CustomStatistic;
import org.parboot.stat.ExpressionStatistic;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OlsStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.RankStatistic;
import org.parboot.stat.Statistic;
import org.parboot.stat.StatisticParts;

/**
 * How a list of statistics is evaluated on a resample, given as the row indices it drew. Built
 * once per run from the dataset, of which it takes one copy of each column it reads, however many
 * statistics read it ({@link #planBytes}); immutable and shared by all workers, each of which
 * makes its own {@link Evaluator} (the scratch buffers).
 *
 * <p>A resample reaches the plan as its row indices, in blocks; the evaluator counts how many times
 * each row was drawn, and from those counts:
 * <ol>
 *   <li>every column some {@link MomentStatistic} reads gets one pass over its rows that
 *       accumulates the centred power sums it needs (up to the fourth), each row weighted by its
 *       count ({@link PowerSums}); every pair of columns a paired statistic reads gets one pass
 *       for the cross sum (with both columns' sums, when both need exactly the second power);</li>
 *   <li>every column some {@link OrderStatistic} reads is read in rank order (the data was sorted
 *       once, here) through the counts of its rows ({@link RankCounts}): the value at a position,
 *       a sum of a range of positions as count times value per rank. Nothing is sorted, selected
 *       or expanded per resample;</li>
 *   <li>every {@link CustomStatistic} gets its columns gathered into arrays, in draw order.</li>
 * </ol>
 *
 * <p>Reproducibility: every moment sum runs over the rows in the layout of {@link PowerSums}
 * ({@value #LAYOUT}: 8 lanes by row, combined in a fixed order); a sum of order statistics
 * ({@code trimmed_mean}) runs over the ranks in ascending order, adding {@code count * value} once
 * per rank. The value of a statistic is therefore a fixed function of the multiset of rows drawn,
 * whoever computes it, in whatever blocks, and whatever else is computed with it.
 */
public final class EvaluationPlan {
  /** The summation layout of the moment statistics ({@link PowerSums}), as results name it. */
  public static final String LAYOUT = PowerSums.LAYOUT;

  /**
   * The moment sums of the {@value #LAYOUT} layout, for {@link org.parboot.RowSums}: the SIMD
   * implementation if {@code simd} and this JVM has it, else the scalar one (the same bits).
   */
  public static RowKernel rowKernel(boolean simd) {
    final PowerSums.Kernel k = PowerSums.of(simd);
    return new RowKernel() {
      @Override
      public void powers(int order, int[] c, double[] d, boolean finite, double[] out) {
        k.powers(order, c, d, finite, out);
      }

      @Override
      public double cross(int[] c, double[] x, double[] y, boolean finite) {
        return k.cross(c, x, y, finite);
      }

      @Override
      public String description() {
        return k.description();
      }
    };
  }

  /** The moment sums' operations {@link org.parboot.RowSums} hands out. */
  public interface RowKernel {
    /** {@code out[k-1] = sum c d^k} for k = 1..order, in the layout. */
    void powers(int order, int[] c, double[] d, boolean finite, double[] out);

    /** {@code sum (c x) y}, in the layout. */
    double cross(int[] c, double[] x, double[] y, boolean finite);

    /** What implementation it is. */
    String description();
  }

  /**
   * How the moment sums run in this JVM when a run asks for SIMD ({@code simd}) or not:
   * {@code "scalar"} or the SIMD implementation (the same bits).
   */
  public static String sumsImplementation(boolean simd) {
    return PowerSums.of(simd).description();
  }

  /* Design notes.
   * The indices are the interface between resampling schemes and statistics: a scheme fills a
   * buffer with them, or the iid draw hands them over in blocks (Evaluator.evaluateStream), and
   * the evaluator counts them. The layout depends only on the counts, so both give the same bits.
   */

  final Dataset data;
  final List<Statistic> statistics;
  // The rows' weights (null: unweighted) and the column they came from.
  final double[] weights;
  final String weightsColumn;
  // What is evaluated: the statistics' leaves (StatisticParts), which the wiring below indexes;
  // the statistics follow from their values (identity unless an expression or a repeat).
  final StatisticParts parts;
  final List<Statistic> leaves;
  final int rows;

  // Moment columns: name -> slot; values centred on the column's mean (x - c, computed once), centre, highest power needed.
  final Map<String, Integer> momentSlots;
  final double[][] momentValues;
  final double[] centres;
  final int[] orders;
  final boolean[] momentFinite;
  // Column pairs needing a cross sum: indices into the moment columns. A fused pair's pass also
  // takes both columns' power sums (both need exactly the second power), which then get no pass
  // of their own: one gather of each value instead of two.
  final int[][] pairs;
  final boolean[] pairFused;
  final boolean[] columnFused;
  // Order columns: data sorted once, each row's position in that order and the row at each position.
  final double[][] sortedValues;
  final int[][] rankOfRow;
  final int[][] rowOfRank;
  /** The order columns' names, by slot. */
  final List<String> orderColumns;
  final boolean[] allFinite;
  // Custom statistics' columns.
  final double[][] customValues;
  // Pairs of order columns a rank statistic reads.
  final RankPair[] rankPairs;
  // Regression models: each fitted once per resample, its outputs read by the leaves.
  final OlsModel[] olsModels;
  final int maxYGroups;

  // Wiring: for statistic s, the moment column(s) / pair / order column / custom columns it reads.
  final int[] slotA;
  final int[] slotB;
  final int[] pairSlot;
  final int[] rankSlot;
  final int[] olsSlot;
  final int[] olsOutput;
  final int[][] customSlots;

  /**
   * Plans the statistics over the data.
   *
   * @throws InvalidInputException if a column is missing (naming the available ones), a label
   *     repeats, or the data has fewer rows than a statistic needs
   */
  public EvaluationPlan(Dataset data, List<? extends Statistic> statistics) {
    this(data, statistics, null);
  }

  /**
   * Plans the statistics over the data with each row weighted by the column {@code weights}
   * (null: unweighted): the weights enter every formula as frequencies (the sample size becomes
   * their sum), quantiles follow NumPy's rule for weights, a regression is weighted least squares.
   *
   * @throws InvalidInputException as {@link #check(Dataset, List, String)}
   */
  public EvaluationPlan(Dataset data, List<? extends Statistic> statistics, String weights) {
    this(data, statistics, weights, null);
  }

  /**
   * How a plan ranks an order column's rows: {@link Ranks#of} sorts them; a permutation test's
   * pairings ({@link #permuted}) derive the ranks of the base plan's columns instead.
   */
  @FunctionalInterface
  public interface Ranking {
    /** Fills {@code sorted}, {@code rankOfRow} and {@code rowOfRank} of {@code column}'s values {@code v}, as {@link Ranks#of} does. */
    void rank(String column, double[] v, double[] sorted, int[] rankOfRow, int[] rowOfRank);
  }

  /**
   * The ranking of a plan over {@code base}'s data with the columns {@code permuted} read in
   * {@code order} (row i of the new data is row {@code order[i]} of those columns; the others are
   * unchanged): the same arrays {@link Ranks#of} would give, derived from {@code base}'s in O(n)
   * (ties, which {@link Ranks#of} ranks in row order, are put back in row order), so a pairing
   * costs no sort. A column {@code base} did not rank is sorted.
   */
  public static Ranking permuted(EvaluationPlan base, int[] order, java.util.Set<String> permuted) {
    return (column, v, sorted, rankOfRow, rowOfRank) -> {
      final int slot = base.orderColumns.indexOf(column);
      if (slot < 0) {
        Ranks.of(v, sorted, rankOfRow, rowOfRank);
        return;
      }
      final int n = v.length;
      final double[] baseSorted = base.sortedValues[slot];
      final int[] baseRows = base.rowOfRank[slot];
      System.arraycopy(baseSorted, 0, sorted, 0, n);
      if (!permuted.contains(column)) {
        System.arraycopy(baseRows, 0, rowOfRank, 0, n);
        System.arraycopy(base.rankOfRow[slot], 0, rankOfRow, 0, n);
        return;
      }
      // new row i reads base row order[i]: base row j is new row inverse[j]
      final int[] inverse = rankOfRow; // scratch: overwritten below
      for (int i = 0; i < n; i++) {
        inverse[order[i]] = i;
      }
      for (int r = 0; r < n; r++) {
        rowOfRank[r] = inverse[baseRows[r]];
      }
      for (int r = 0; r < n;) { // equal values (equal bits, as Ranks.of's keys) in row order
        int end = r + 1;
        final long bits = Double.doubleToLongBits(sorted[r]);
        while (end < n && Double.doubleToLongBits(sorted[end]) == bits) {
          end++;
        }
        if (end - r > 1) {
          Arrays.sort(rowOfRank, r, end);
        }
        r = end;
      }
      for (int r = 0; r < n; r++) {
        rankOfRow[rowOfRank[r]] = r;
      }
    };
  }

  /**
   * Plans the statistics over the data as {@link #EvaluationPlan(Dataset, List, String)}, its order
   * columns ranked by {@code ranking} (null: sorted).
   */
  public EvaluationPlan(Dataset data, List<? extends Statistic> statistics, String weights, Ranking ranking) {
    this.data = data;
    this.statistics = List.copyOf(statistics);
    this.rows = data.rows();
    check(data, this.statistics, weights);
    this.weightsColumn = weights;
    this.weights = weights == null ? null : data.column(weights);
    this.parts = StatisticParts.of(this.statistics);
    this.leaves = parts.leaves();

    final int k = leaves.size();
    slotA = new int[k];
    slotB = new int[k];
    pairSlot = new int[k];
    rankSlot = new int[k];
    olsSlot = new int[k];
    olsOutput = new int[k];
    customSlots = new int[k][];
    Arrays.fill(slotA, -1);
    Arrays.fill(slotB, -1);
    Arrays.fill(pairSlot, -1);
    Arrays.fill(rankSlot, -1);
    Arrays.fill(olsSlot, -1);

    final Map<MomentKey, Integer> momentIndex = new LinkedHashMap<>();
    final List<Integer> momentOrder = new ArrayList<>();
    final Map<List<Integer>, Integer> pairIndex = new LinkedHashMap<>();
    final Map<String, Integer> orderIndex = new LinkedHashMap<>();
    final Map<String, Integer> customIndex = new LinkedHashMap<>();
    final Map<List<Integer>, Integer> rankIndex = new LinkedHashMap<>();
    final Map<String, OlsModel> models = new LinkedHashMap<>();
    final Map<String, Integer> modelIndex = new HashMap<>();
    for (int s = 0; s < k; s++) {
      switch (leaves.get(s)) {
        case MomentStatistic m -> {
          final int need = m.kind().order();
          final int a = momentSlot(momentIndex, momentOrder, MomentKey.of(m), need);
          slotA[s] = a;
          if (m.kind().arity() == 2) {
            final int b = momentSlot(momentIndex, momentOrder, MomentKey.raw(m.columns().get(1)), need);
            slotB[s] = b;
            if (m.kind() == MomentStatistic.Kind.COV || m.kind() == MomentStatistic.Kind.CORR) {
              pairSlot[s] = pairIndex.computeIfAbsent(List.of(a, b), key -> pairIndex.size());
            }
          }
        }
        case OrderStatistic o -> slotA[s] = orderIndex.computeIfAbsent(o.column(), key -> orderIndex.size());
        case RankStatistic r -> {
          slotA[s] = orderIndex.computeIfAbsent(r.x(), key -> orderIndex.size());
          slotB[s] = orderIndex.computeIfAbsent(r.y(), key -> orderIndex.size());
          rankSlot[s] = rankIndex.computeIfAbsent(List.of(slotA[s], slotB[s]), key -> rankIndex.size());
        }
        case OlsStatistic o -> {
          final OlsModel model = models.computeIfAbsent(o.model(), key -> {
            final List<String> columns = new ArrayList<>(o.terms());
            columns.add(o.response());
            final int[] slots = new int[columns.size()];
            for (int j = 0; j < slots.length; j++) {
              slots[j] = momentSlot(momentIndex, momentOrder, MomentKey.raw(columns.get(j)), 2);
            }
            final int[][] pairSlots = new int[slots.length][slots.length];
            for (int a = 0; a < slots.length; a++) {
              for (int b = a + 1; b < slots.length; b++) {
                pairSlots[a][b] = pairIndex.computeIfAbsent(List.of(slots[a], slots[b]), x -> pairIndex.size());
              }
            }
            return new OlsModel(o.resampling(), slots, pairSlots);
          });
          olsSlot[s] = modelIndex.computeIfAbsent(o.model(), key -> modelIndex.size());
          olsOutput[s] = o.outputIndex();
        }
        case CustomStatistic c -> {
          final int[] slots = new int[c.columns().size()];
          for (int j = 0; j < slots.length; j++) {
            slots[j] = customIndex.computeIfAbsent(c.columns().get(j), key -> customIndex.size());
          }
          customSlots[s] = slots;
        }
        case ExpressionStatistic e -> throw new AssertionError("a leaf is not an expression: " + e.label());
      }
    }

    // One copy of each column, shared by every statistic reading it; a moment column is then
    // centred (in place, unless an order or custom statistic reads its values too), an order
    // column keeps only its sorted values and ranks.
    final Map<String, double[]> copies = new HashMap<>();
    final Map<String, Integer> rawSlots = new HashMap<>();
    momentIndex.forEach((key, slot) -> {
      if (key.values() == MomentStatistic.Values.RAW) {
        rawSlots.put(key.column(), slot);
      }
    });
    momentSlots = Map.copyOf(rawSlots);
    momentValues = new double[momentIndex.size()][];
    centres = new double[momentIndex.size()];
    orders = new int[momentIndex.size()];
    momentFinite = new boolean[momentIndex.size()];
    // Transformed values first (new arrays, from the raw copy before it may be centred in place).
    final double[][] values = new double[momentIndex.size()][];
    for (Map.Entry<MomentKey, Integer> e : momentIndex.entrySet()) {
      final MomentKey key = e.getKey();
      final double[] raw = copies.computeIfAbsent(key.column(), data::column);
      values[e.getValue()] = key.values() == MomentStatistic.Values.RAW ? raw
          : Arrays.stream(raw).map(x -> key.values().apply(x, key.condition())).toArray();
    }
    for (Map.Entry<MomentKey, Integer> e : momentIndex.entrySet()) {
      final int i = e.getValue();
      final String column = e.getKey().column();
      final double[] raw = values[i];
      centres[i] = centre(raw);
      final boolean transformed = e.getKey().values() != MomentStatistic.Values.RAW;
      final boolean shared = !transformed && (orderIndex.containsKey(column) || customIndex.containsKey(column)
          || momentIndex.keySet().stream().anyMatch(other -> other.column().equals(column) && other.values() != MomentStatistic.Values.RAW));
      final double[] centred = shared ? new double[raw.length] : raw;
      for (int r = 0; r < raw.length; r++) {
        centred[r] = raw[r] - centres[i];
      }
      momentValues[i] = centred;
      orders[i] = momentOrder.get(i);
      momentFinite[i] = Arrays.stream(centred).allMatch(Double::isFinite);
    }
    pairs = pairIndex.keySet().stream().map(p -> new int[] {p.get(0), p.get(1)}).toArray(int[][]::new);
    pairFused = new boolean[pairs.length];
    columnFused = new boolean[momentValues.length];
    for (int p = 0; p < pairs.length; p++) {
      final int a = pairs[p][0];
      final int b = pairs[p][1];
      if (a != b && orders[a] == 2 && orders[b] == 2 && !columnFused[a] && !columnFused[b]) {
        pairFused[p] = true;
        columnFused[a] = true;
        columnFused[b] = true;
      }
    }

    sortedValues = new double[orderIndex.size()][];
    rankOfRow = new int[orderIndex.size()][];
    rowOfRank = new int[orderIndex.size()][];
    allFinite = new boolean[orderIndex.size()];
    final String[] orderNames = new String[orderIndex.size()];
    for (Map.Entry<String, Integer> e : orderIndex.entrySet()) {
      orderNames[e.getValue()] = e.getKey();
      final double[] v = copies.computeIfAbsent(e.getKey(), data::column);
      final double[] sorted = new double[rows];
      final int[] rank = new int[rows];
      final int[] row = new int[rows];
      if (ranking == null) {
        Ranks.of(v, sorted, rank, row);
      } else {
        ranking.rank(e.getKey(), v, sorted, rank, row);
      }
      sortedValues[e.getValue()] = sorted;
      rankOfRow[e.getValue()] = rank;
      rowOfRank[e.getValue()] = row;
      allFinite[e.getValue()] = Arrays.stream(sorted).allMatch(Double::isFinite);
    }
    orderColumns = List.of(orderNames);
    olsModels = models.values().toArray(OlsModel[]::new);
    final List<double[]> residuals = new ArrayList<>();
    for (OlsModel m : olsModels) {
      final double[] r = m.prepare(momentValues, centres);
      if (r != null) {
        m.residualColumn = customIndex.size() + residuals.size();
        residuals.add(r);
      }
    }
    customValues = new double[customIndex.size() + residuals.size()][];
    for (Map.Entry<String, Integer> e : customIndex.entrySet()) {
      customValues[e.getValue()] = copies.computeIfAbsent(e.getKey(), data::column);
    }
    for (int r = 0; r < residuals.size(); r++) {
      customValues[customIndex.size() + r] = residuals.get(r); // gathered in draw order, as custom columns are
    }
    rankPairs = new RankPair[rankIndex.size()];
    int groups = 0;
    for (Map.Entry<List<Integer>, Integer> e : rankIndex.entrySet()) {
      final int a = e.getKey().get(0);
      final int b = e.getKey().get(1);
      rankPairs[e.getValue()] = new RankPair(sortedValues[a], rowOfRank[a], sortedValues[b], rowOfRank[b]);
      groups = Math.max(groups, rankPairs[e.getValue()].yGroups());
    }
    maxYGroups = groups;
  }

  /**
   * Checks that the statistics can be planned over the data, as the constructor does, without
   * making the plan (which copies the columns): callers can check what a run needs before
   * allocating it.
   *
   * @throws InvalidInputException if there is no statistic, a column is missing (naming the
   *     available ones), a label repeats, or the data has fewer rows than a statistic needs
   */
  public static void check(Dataset data, List<? extends Statistic> statistics) {
    check(data, statistics, null);
  }

  /**
   * Checks the statistics as {@link #check(Dataset, List)} does, and a weighted run's weights: the
   * column exists, its values are finite and non-negative with a positive sum, and every statistic
   * takes weights (moment statistics and expressions of them, median, quantile, iqr, min, max, and
   * ols resampling cases).
   *
   * @throws InvalidInputException naming the statistic, or the weight and its row
   */
  public static void check(Dataset data, List<? extends Statistic> statistics, String weights) {
    final int rows = data.rows();
    if (weights != null) {
      if (!data.hasColumn(weights)) {
        throw new InvalidInputException("unknown weights column " + org.parboot.Messages.quote(weights) + " in "
            + org.parboot.Messages.escape(data.source()) + "; available: " + org.parboot.Messages.list(data.columnNames()));
      }
      final int bad = data.firstRow(weights, w -> !(w >= 0) || !Double.isFinite(w));
      if (bad >= 0) {
        throw new InvalidInputException("weights column " + org.parboot.Messages.quote(weights) + " has "
            + data.value(weights, bad) + " in its row " + (bad + 1) + " of " + rows + " in "
            + org.parboot.Messages.escape(data.source())
            + " (counted after --where and dropped missing values); accepted: finite weights >= 0");
      }
      if (rows > 0 && data.firstRow(weights, w -> w > 0) < 0) { // all finite and >= 0: a positive sum needs one > 0
        throw new InvalidInputException("weights column " + org.parboot.Messages.quote(weights) + " sums to 0 in "
            + org.parboot.Messages.escape(data.source()) + "; accepted: weights with a positive sum");
      }
      for (Statistic leaf : StatisticParts.leavesOf(statistics)) {
        final boolean takes = switch (leaf) {
          case MomentStatistic m -> true;
          case OrderStatistic o -> o.takesWeights();
          case OlsStatistic o -> o.resampling() == OlsStatistic.Resampling.CASES;
          default -> false;
        };
        if (!takes) {
          throw new InvalidInputException(leaf.label() + " takes no weights; accepted with weights: the moment "
              + "statistics (mean, var, std, cv, sem, geomean, hmean, prop, skew, kurt, cov, corr, ratio, mean_diff), "
              + "median, quantile, iqr, min, max, ols (resampling cases), and expressions of them");
        }
      }
    }
    if (statistics.isEmpty()) {
      throw new InvalidInputException("no statistic to compute: give at least one statistic");
    }
    final Set<String> labels = new HashSet<>();
    for (Statistic s : statistics) {
      for (String c : s.columns()) {
        if (!data.hasColumn(c)) {
          throw new InvalidInputException("unknown column " + org.parboot.Messages.quote(c) + " (used by "
              + org.parboot.Messages.shorten(s.label(), org.parboot.Messages.MAX_VALUE_CHARS) + ") in "
              + org.parboot.Messages.escape(data.source()) + "; available: " + org.parboot.Messages.list(data.columnNames()));
        }
      }
      if (!labels.add(s.label())) {
        throw new InvalidInputException("statistic " + s.label() + " is asked for twice");
      }
      for (Statistic leaf : StatisticParts.leavesOf(List.of(s))) {
        if (leaf instanceof MomentStatistic m && m.values() != MomentStatistic.Values.RAW) {
          final String column = m.columns().get(0);
          final int bad = data.firstRow(column, x -> !m.takes(x));
          if (bad >= 0) {
            throw new InvalidInputException(m.label() + " takes positive values only; column "
                + org.parboot.Messages.quote(column) + " has " + data.value(column, bad) + " in its row " + (bad + 1) + " of "
                + rows + " in " + org.parboot.Messages.escape(data.source()) + " (counted after --where and dropped "
                + "missing values)");
          }
        }
      }
      if (rows < s.minObservations()) {
        throw new InvalidInputException(s.label() + " needs at least " + s.minObservations()
            + " observations; " + data.source() + " has " + rows + " after dropping missing values");
      }
    }
    if (rows < 2) {
      throw new InvalidInputException("a bootstrap needs at least 2 observations; " + data.source() + " has " + rows
          + (data.droppedMissing() > 0 ? " after dropping " + data.droppedMissing() + " rows with missing values" : ""));
    }
  }

  /** A moment column: a data column, as its values enter the sums (raw, or transformed for geomean, hmean, prop). */
  record MomentKey(String column, MomentStatistic.Values values, MomentStatistic.Condition condition) {
    static MomentKey of(MomentStatistic m) {
      return new MomentKey(m.columns().get(0), m.values(), m.condition());
    }

    static MomentKey raw(String column) {
      return new MomentKey(column, MomentStatistic.Values.RAW, null);
    }
  }

  private static int momentSlot(Map<MomentKey, Integer> index, List<Integer> order, MomentKey key, int need) {
    final Integer i = index.get(key);
    if (i != null) {
      order.set(i, Math.max(order.get(i), need));
      return i;
    }
    index.put(key, index.size());
    order.add(need);
    return index.size() - 1;
  }

  /** The full-data mean, refined by a second pass (so the centre is right to the last bits). */
  static double centre(double[] x) {
    return MomentStatistic.refinedMean(x);
  }

  /** The data it was planned over. */
  public Dataset data() {
    return data;
  }

  /** The weights column, or null for an unweighted plan. */
  public String weightsColumn() {
    return weightsColumn;
  }

  /** The statistics, in output order. */
  public List<Statistic> statistics() {
    return statistics;
  }

  /** The number of rows (the resample size). */
  public int rows() {
    return rows;
  }

  /** Bytes of scratch one {@link Evaluator} holds, for memory planning. */
  public long scratchBytes() {
    return scratchBytes(statistics, rows);
  }

  /**
   * Bytes of scratch one worker of a plan of these statistics over {@code rows} rows holds: a
   * resample's indices (a buffered kernel's buffer), its row counts, the cumulative rank counts of
   * each order column and the gathered values of each custom column. For memory planning before
   * the plan is made.
   */
  public static long scratchBytes(List<? extends Statistic> statistics, long rows) {
    long b = 4L * rows; // indices
    b += 4L * rows; // row counts
    b += orderColumns(statistics) * rows * 4; // cumulative rank counts
    final List<Statistic> leaves = StatisticParts.leavesOf(statistics);
    if (leaves.stream().anyMatch(s -> s instanceof RankStatistic r && r.kind() == RankStatistic.Kind.SPEARMAN)) {
      b += rows * 8; // a resample's mid-ranks
    }
    if (leaves.stream().anyMatch(s -> s instanceof RankStatistic r && r.kind() == RankStatistic.Kind.KENDALL)) {
      b += rows * 16; // the Fenwick tree and the tallies of y groups
    }
    b += (columns(statistics, CustomStatistic.class) + residualModels(statistics).size()) * rows * 8;
    return b;
  }

  /**
   * Bytes a plan of these statistics over {@code rows} rows holds, for memory planning before it
   * is made: 8 per row for the centred copy of each column a moment statistic reads and for the
   * copy of each column a custom statistic reads, 16 per row (sorted values, each row's rank and
   * each rank's row) for each column an order statistic reads. Making the plan briefly holds 4 bytes a row more for each order
   * column (the count of ranks given out).
   */
  public static long planBytes(List<? extends Statistic> statistics, long rows) {
    // A model resampling residuals keeps its residuals, fitted values and S^-1 Xc' (p rows).
    final long residuals = residualModels(statistics).stream().mapToLong(p -> p + 2).sum();
    return (momentColumns(statistics) + columns(statistics, CustomStatistic.class) + residuals) * rows * 8
        + orderColumns(statistics) * rows * 16
        + StatisticParts.leavesOf(statistics).stream().filter(s -> s instanceof RankStatistic)
            .map(Statistic::columns).distinct().count() * rows * 16;
  }

  /** The columns read in rank order: by order statistics and by rank statistics. */
  private static long orderColumns(List<? extends Statistic> statistics) {
    return StatisticParts.leavesOf(statistics).stream()
        .filter(s -> s instanceof OrderStatistic || s instanceof RankStatistic)
        .flatMap(s -> s.columns().stream()).distinct().count();
  }

  /** The moment columns a plan holds: each column a moment statistic reads, once per way its values enter. */
  private static long momentColumns(List<? extends Statistic> statistics) {
    return StatisticParts.leavesOf(statistics).stream()
        .flatMap(s -> switch (s) {
          case MomentStatistic m -> m.kind().arity() == 2 ? m.columns().stream().map(MomentKey::raw)
              : java.util.stream.Stream.of(MomentKey.of(m));
          case OlsStatistic o -> o.columns().stream().map(MomentKey::raw);
          default -> java.util.stream.Stream.<MomentKey>empty();
        })
        .distinct().count();
  }

  /** The regression models resampling residuals, each once: their terms' count, by model. */
  private static List<Integer> residualModels(List<? extends Statistic> statistics) {
    return StatisticParts.leavesOf(statistics).stream()
        .filter(s -> s instanceof OlsStatistic o && o.resampling() == OlsStatistic.Resampling.RESIDUALS)
        .map(s -> (OlsStatistic) s).collect(java.util.stream.Collectors.toMap(OlsStatistic::model,
            o -> o.terms().size(), (a, b) -> a, LinkedHashMap::new)).values().stream().toList();
  }

  private static long columns(List<? extends Statistic> statistics, Class<? extends Statistic> kind) {
    return StatisticParts.leavesOf(statistics).stream().filter(kind::isInstance).flatMap(s -> s.columns().stream())
        .distinct().count();
  }

  /**
   * How many arrays of n values a run's jackknife holds at once for a plan of these statistics:
   * one per leaf ({@link StatisticParts}) and one more per expression.
   */
  public static int jackknifeArrays(List<? extends Statistic> statistics) {
    final StatisticParts p = StatisticParts.of(statistics);
    return p.leaves().size() + (int) statistics.stream().filter(s -> s instanceof ExpressionStatistic).count();
  }

  /**
   * The plan's centred copy ({@code x - c}) of a column a {@link MomentStatistic} of it reads (do
   * not modify), for {@link StandardErrors}.
   *
   * @throws IllegalArgumentException if no moment statistic of the plan reads it
   */
  double[] centredColumn(String name) {
    final Integer slot = momentSlots.get(name);
    if (slot == null) {
      throw new IllegalArgumentException("no moment statistic of this plan reads column '" + name + "': " + statistics);
    }
    return momentValues[slot];
  }

  /** A new evaluator with its own scratch buffers, summing with the scalar kernel. Not thread-safe: one per worker. */
  public Evaluator newEvaluator() {
    return newEvaluator(false);
  }

  /** A new evaluator whose sums run on SIMD lanes if {@code simd} and the JVM has them (the same bits). */
  public Evaluator newEvaluator(boolean simd) {
    return new Evaluator(this, PowerSums.of(simd));
  }

  /** The value of every statistic on the full data: the identity resample, through the same evaluator. */
  public double[] observed() {
    final int[] identity = new int[rows];
    for (int i = 0; i < rows; i++) {
      identity[i] = i;
    }
    final double[] out = new double[statistics.size()];
    newEvaluator().evaluate(identity, rows, out);
    return out;
  }

  /**
   * Jackknife (leave-one-out) values of every statistic: {@code result[s][i]} is statistic
   * {@code s} on the data without row {@code i}: the built-in leaves in O(n)
   * ({@link #builtInJackknife}), the custom ones by n evaluations each on this thread
   * ({@link #jackknifeRows} of {@link #customPlan()}; a run spreads those over its executor), and
   * the statistics from their leaves ({@link #combine}).
   */
  public double[][] jackknife() {
    final EvaluationPlan custom = customPlan();
    double[][] generic = null;
    if (custom != null) {
      generic = new double[custom.statistics().size()][rows];
      custom.jackknifeRows(0, rows, generic, custom.newEvaluator());
    }
    return combine(builtInJackknife(), generic);
  }

  /**
   * Jackknife values of the moment and order leaves ({@link StatisticParts}: the statistics, or
   * the parts of an expression), O(n) each from the full-data sums and the sorted data
   * ({@link Jackknife}); null for each custom leaf. {@link #combine} makes the statistics' values.
   */
  public double[][] builtInJackknife() {
    final int k = leaves.size();
    final double[][] out = new double[k][];
    final double[][][] olsJackknife = new double[olsModels.length][][];
    for (int s = 0; s < k; s++) {
      switch (leaves.get(s)) {
        case MomentStatistic m -> out[s] = weights == null
            ? Jackknife.moment(m, momentValues[slotA[s]], centres[slotA[s]],
                slotB[s] < 0 ? null : momentValues[slotB[s]], slotB[s] < 0 ? 0 : centres[slotB[s]])
            : Jackknife.moment(m, momentValues[slotA[s]], centres[slotA[s]],
                slotB[s] < 0 ? null : momentValues[slotB[s]], slotB[s] < 0 ? 0 : centres[slotB[s]], weights);
        case OrderStatistic o -> out[s] = weights == null ? Jackknife.order(o, sortedValues[slotA[s]], rankOfRow[slotA[s]])
            : Jackknife.order(o, sortedValues[slotA[s]], rowOfRank[slotA[s]], rankOfRow[slotA[s]], weights);
        case RankStatistic r -> out[s] = r.kind() == RankStatistic.Kind.SPEARMAN ? rankPairs[rankSlot[s]].jackknifeSpearman()
            : rankPairs[rankSlot[s]].jackknifeKendall();
        case OlsStatistic o -> {
          final int model = olsSlot[s];
          if (olsJackknife[model] == null) {
            olsJackknife[model] = olsModels[model].jackknife(momentValues, centres, weights);
          }
          out[s] = olsJackknife[model][olsOutput[s]];
        }
        case CustomStatistic c -> out[s] = null;
        case ExpressionStatistic e -> throw new AssertionError("a leaf is not an expression: " + e.label());
      }
    }
    return out;
  }

  /**
   * Per statistic, its leave-one-out values from its leaves': the built-in leaves' as
   * {@link #builtInJackknife} gives them (its array is filled in), and the custom leaves' as
   * {@link #jackknifeRows} of {@link #customPlan} gives them ({@code custom[c]} for custom leaf c;
   * null when there are none). An expression's values are the expression of its parts'.
   */
  public double[][] combine(double[][] builtIn, double[][] custom) {
    if (custom != null) {
      final int[] at = customPositions();
      for (int c = 0; c < at.length; c++) {
        builtIn[at[c]] = custom[c];
      }
    }
    final double[][] out = new double[statistics.size()][];
    parts.combine(builtIn, out);
    return out;
  }


  /**
   * A plan of this plan's custom leaves alone, in order, for their leave-one-out jackknife
   * (so that every custom statistic is evaluated exactly n times, and nothing else is); null when
   * there are none. Its statistic c is this plan's c-th custom leaf (see {@link #combine}).
   */
  public EvaluationPlan customPlan() {
    final List<Statistic> custom = leaves.stream().filter(s -> s instanceof CustomStatistic).toList();
    return custom.isEmpty() ? null : new EvaluationPlan(data, custom);
  }

  /**
   * Whether a resample must reach the plan as its draws, in order, not only as row counts: a custom
   * statistic, or a regression resampling its residuals.
   */
  public boolean readsDraws() {
    return customValues.length > 0;
  }

  /** The positions of the custom leaves among this plan's leaves, in order. */
  private int[] customPositions() {
    return parts.positionsOf(CustomStatistic.class).stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The generic jackknife for rows {@code [from, to)}: evaluates every statistic of this plan on
   * the data without each of those rows, into {@code out[s][i]}. Any thread may compute any range
   * with its own evaluator; ranges write disjoint slots.
   */
  public void jackknifeRows(int from, int to, double[][] out, Evaluator evaluator) {
    final int[] idx = new int[rows - 1];
    final double[] row = new double[statistics.size()];
    for (int i = from; i < to; i++) {
      int p = 0;
      for (int j = 0; j < rows; j++) {
        if (j != i) {
          idx[p++] = j;
        }
      }
      evaluator.evaluate(idx, rows - 1, row);
      for (int s = 0; s < row.length; s++) {
        out[s][i] = row[s];
      }
    }
  }
}
