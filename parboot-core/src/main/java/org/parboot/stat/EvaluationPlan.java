package org.parboot.stat;

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

/**
 * How a list of statistics is evaluated on a resample, given as the row indices it drew. Built
 * once per run from the dataset, of which it takes one copy of each column it reads, however many
 * statistics read it ({@link #planBytes}); immutable and shared by all workers, each of which
 * makes its own {@link Evaluator} (the scratch buffers).
 *
 * <p>Per resample:
 * <ol>
 *   <li>every column some {@link MomentStatistic} reads gets one pass over the indices that
 *       gathers its values and accumulates the centred power sums it needs (up to the fourth);
 *       every pair of columns a paired statistic reads gets one pass for the cross sum;</li>
 *   <li>every column some {@link OrderStatistic} reads gets one pass that counts the drawn ranks
 *       (the data was sorted once, here) and one that turns the counts into cumulative counts;
 *       every order statistic of that column reads the resample through them: the value at a
 *       position by binary search, a sum of a range of positions as count times value per rank.
 *       Nothing is sorted, selected or expanded per resample;</li>
 *   <li>every {@link CustomStatistic} gets its columns gathered into arrays.</li>
 * </ol>
 *
 * <p>Reproducibility: every sum runs over the indices in draw order, in two interleaved lanes
 * (even and odd draw positions) added at the end. A sum of order statistics ({@code trimmed_mean})
 * runs over the ranks in ascending order, adding {@code count * value} once per rank. (Until
 * November 2026 each drawn value was added once; trimmed means of resamples that repeat a value
 * may differ from those versions in the last bits. Every other statistic is unchanged.) The value of a statistic is therefore
 * a fixed function of the drawn indices, whoever computes it and whatever else is computed with it.
 */
public final class EvaluationPlan {

  /* Design notes.
   * The index buffer is the interface between resampling schemes and statistics: a scheme fills
   * it, the plan reads it. Fusing the draw into every kernel would tie every scheme to every
   * kernel, so only the common cases are fused: the iid draw with one column's power sums or one
   * pair's (Evaluator.evaluateIid, IidPowerSums), where overlapping the draw's integer
   * work with the sums' floating point measured 1.3-1.4x (docs/benchmarks.md). A faster kernel
   * must keep the summation order above, so results stay bit-identical.
   */

  private final Dataset data;
  private final List<Statistic> statistics;
  private final int rows;
  // fusesIidDraw(statistics), and with the size check: decided once, not per resample.
  private final boolean fusable;
  private final boolean fusedHere;

  // Moment columns: name -> slot; values, centre, highest power needed.
  private final Map<String, Integer> momentSlots;
  private final double[][] momentValues;
  private final double[] centres;
  private final int[] orders;
  // Column pairs needing a cross sum: indices into the moment columns. A fused pair's pass also
  // takes both columns' power sums (both need exactly the second power), which then get no pass
  // of their own: one gather of each value instead of two.
  private final int[][] pairs;
  private final boolean[] pairFused;
  private final boolean[] columnFused;
  // Order columns: data sorted once, and each row's position in that order.
  private final double[][] sortedValues;
  private final int[][] rankOfRow;
  private final boolean[] allFinite;
  // Custom statistics' columns.
  private final double[][] customValues;

  // Wiring: for statistic s, the moment column(s) / pair / order column / custom columns it reads.
  private final int[] slotA;
  private final int[] slotB;
  private final int[] pairSlot;
  private final int[][] customSlots;

  /**
   * Plans the statistics over the data.
   *
   * @throws InvalidInputException if a column is missing (naming the available ones), a label
   *     repeats, or the data has fewer rows than a statistic needs
   */
  public EvaluationPlan(Dataset data, List<? extends Statistic> statistics) {
    this.data = data;
    this.statistics = List.copyOf(statistics);
    this.rows = data.rows();
    this.fusable = fusesIidDraw(this.statistics);
    this.fusedHere = fusesIidDraw(this.statistics, rows);
    check(data, this.statistics);

    final int k = this.statistics.size();
    slotA = new int[k];
    slotB = new int[k];
    pairSlot = new int[k];
    customSlots = new int[k][];
    Arrays.fill(slotA, -1);
    Arrays.fill(slotB, -1);
    Arrays.fill(pairSlot, -1);

    final Map<String, Integer> momentIndex = new LinkedHashMap<>();
    final List<Integer> momentOrder = new ArrayList<>();
    final Map<List<Integer>, Integer> pairIndex = new LinkedHashMap<>();
    final Map<String, Integer> orderIndex = new LinkedHashMap<>();
    final Map<String, Integer> customIndex = new LinkedHashMap<>();
    for (int s = 0; s < k; s++) {
      switch (this.statistics.get(s)) {
        case MomentStatistic m -> {
          final int need = m.kind().order();
          final int a = momentSlot(momentIndex, momentOrder, m.columns().get(0), need);
          slotA[s] = a;
          if (m.kind().arity() == 2) {
            final int b = momentSlot(momentIndex, momentOrder, m.columns().get(1), need);
            slotB[s] = b;
            if (m.kind() == MomentStatistic.Kind.COV || m.kind() == MomentStatistic.Kind.CORR) {
              pairSlot[s] = pairIndex.computeIfAbsent(List.of(a, b), key -> pairIndex.size());
            }
          }
        }
        case OrderStatistic o -> slotA[s] = orderIndex.computeIfAbsent(o.column(), key -> orderIndex.size());
        case CustomStatistic c -> {
          final int[] slots = new int[c.columns().size()];
          for (int j = 0; j < slots.length; j++) {
            slots[j] = customIndex.computeIfAbsent(c.columns().get(j), key -> customIndex.size());
          }
          customSlots[s] = slots;
        }
      }
    }

    // One copy of each column, shared by every statistic reading it; only the moment and custom
    // columns' copies outlive the constructor (an order column keeps its sorted values instead).
    final Map<String, double[]> copies = new HashMap<>();
    momentSlots = Map.copyOf(momentIndex);
    momentValues = new double[momentIndex.size()][];
    centres = new double[momentIndex.size()];
    orders = new int[momentIndex.size()];
    for (Map.Entry<String, Integer> e : momentIndex.entrySet()) {
      final int i = e.getValue();
      momentValues[i] = copies.computeIfAbsent(e.getKey(), data::column);
      centres[i] = centre(momentValues[i]);
      orders[i] = momentOrder.get(i);
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
    allFinite = new boolean[orderIndex.size()];
    for (Map.Entry<String, Integer> e : orderIndex.entrySet()) {
      final double[] v = copies.computeIfAbsent(e.getKey(), data::column);
      final Integer[] order = new Integer[rows];
      for (int i = 0; i < rows; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
      final double[] sorted = new double[rows];
      final int[] rank = new int[rows];
      for (int r = 0; r < rows; r++) {
        sorted[r] = v[order[r]];
        rank[order[r]] = r;
      }
      sortedValues[e.getValue()] = sorted;
      rankOfRow[e.getValue()] = rank;
      allFinite[e.getValue()] = Arrays.stream(sorted).allMatch(Double::isFinite);
    }
    customValues = new double[customIndex.size()][];
    for (Map.Entry<String, Integer> e : customIndex.entrySet()) {
      customValues[e.getValue()] = copies.computeIfAbsent(e.getKey(), data::column);
    }
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
    final int rows = data.rows();
    if (statistics.isEmpty()) {
      throw new InvalidInputException("no statistic to compute: give at least one --stat");
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

  private static int momentSlot(Map<String, Integer> index, List<Integer> order, String column, int need) {
    final Integer i = index.get(column);
    if (i != null) {
      order.set(i, Math.max(order.get(i), need));
      return i;
    }
    index.put(column, index.size());
    order.add(need);
    return index.size() - 1;
  }

  /** The full-data mean, refined by a second pass (so the centre is right to the last bits). */
  static double centre(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    final double mean = s / x.length;
    double r = 0;
    for (double v : x) {
      r += v - mean;
    }
    return mean + r / x.length;
  }

  /** The data it was planned over. */
  public Dataset data() {
    return data;
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
   * Bytes of scratch one {@link Evaluator} of a plan of these statistics over {@code rows} rows
   * holds: the indices, the cumulative rank counts of each order column and the gathered values of
   * each custom column. For memory planning before the plan is made.
   */
  public static long scratchBytes(List<? extends Statistic> statistics, long rows) {
    long b = 4L * rows; // indices
    b += columns(statistics, OrderStatistic.class) * rows * 4; // cumulative rank counts
    b += columns(statistics, CustomStatistic.class) * rows * 8;
    return b;
  }

  /**
   * Bytes a plan of these statistics over {@code rows} rows holds, for memory planning before it
   * is made: 8 per row for its copy of each column a moment or custom statistic reads, 12 per row
   * (sorted values and ranks) for each column an order statistic reads. Making the plan briefly
   * holds more for each order column: a copy of it (unless a moment or custom statistic reads it
   * too) and the boxed sort order.
   */
  public static long planBytes(List<? extends Statistic> statistics, long rows) {
    final long copied = statistics.stream().filter(s -> !(s instanceof OrderStatistic))
        .flatMap(s -> s.columns().stream()).distinct().count();
    return copied * rows * 8 + columns(statistics, OrderStatistic.class) * rows * 12;
  }

  private static long columns(List<? extends Statistic> statistics, Class<? extends Statistic> kind) {
    return statistics.stream().filter(kind::isInstance).flatMap(s -> s.columns().stream()).distinct().count();
  }

  /**
   * The plan's copy of a column a {@link MomentStatistic} of it reads (do not modify), for
   * {@link StandardErrors#analytic(Statistic, EvaluationPlan, int[], int)}.
   *
   * @throws IllegalArgumentException if no moment statistic of the plan reads it
   */
  double[] momentColumn(String name) {
    final Integer slot = momentSlots.get(name);
    if (slot == null) {
      throw new IllegalArgumentException("no moment statistic of this plan reads column '" + name + "': " + statistics);
    }
    return momentValues[slot];
  }

  /**
   * Whether {@link Evaluator#evaluateIid} evaluates these statistics on these data: see
   * {@link #fusesIidDraw(List, long)}.
   */
  public boolean fusesIidDraw() {
    return fusedHere;
  }

  /**
   * The largest columns, in bytes read per drawn row times rows, that are drawn in the summing
   * loop. Beyond about half of a core's L2 cache (512 KiB on the machine we measured) every read
   * misses, and the fused loop measured 10-30 % slower than the buffered passes with two threads
   * (n = 100,000), while at n = 3,000 it is 1.3-1.4x faster (docs/benchmarks.md).
   */
  static final long FUSED_MAX_BYTES = 256 * 1024;

  /**
   * {@link #fusesIidDraw(List)} for data of {@code rows} rows: the statistics fuse and the
   * columns they read fit {@link #FUSED_MAX_BYTES}.
   */
  public static boolean fusesIidDraw(List<? extends Statistic> statistics, long rows) {
    if (!fusesIidDraw(statistics)) {
      return false;
    }
    // 8 bytes per row and column: a double per moment column, or a rank and a count per order column.
    final long columns = statistics.stream()
        .flatMap(s -> s instanceof MomentStatistic m ? m.columns().stream() : java.util.stream.Stream.of(((OrderStatistic) s).column()))
        .distinct().count();
    return columns * 8 * rows <= FUSED_MAX_BYTES;
  }

  /**
   * Whether a plan of these statistics can draw iid indices inside its summing loop: they are all
   * order statistics of one column (the draw counts ranks), or all moment statistics reading
   * either one column's power sums (mean, std, skew, ...) or one pair of columns whose pass is
   * fused (cov or corr of two columns, each needing exactly the second power: the rule of the
   * constructor), and nothing else.
   */
  public static boolean fusesIidDraw(List<? extends Statistic> statistics) {
    if (!statistics.isEmpty() && statistics.stream().allMatch(s -> s instanceof OrderStatistic)) {
      return statistics.stream().map(s -> ((OrderStatistic) s).column()).distinct().count() == 1;
    }
    final Map<String, Integer> order = new LinkedHashMap<>();
    final Set<List<String>> pairs = new HashSet<>();
    for (Statistic s : statistics) {
      if (!(s instanceof MomentStatistic m)) {
        return false;
      }
      for (String c : m.columns()) {
        order.merge(c, m.kind().order(), Math::max);
      }
      if (m.kind() == MomentStatistic.Kind.COV || m.kind() == MomentStatistic.Kind.CORR) {
        pairs.add(List.copyOf(m.columns()));
      }
    }
    if (order.size() == 1) {
      return pairs.isEmpty();
    }
    return order.size() == 2 && pairs.size() == 1 && order.values().stream().allMatch(o -> o == 2);
  }

  /** A new evaluator with its own scratch buffers. Not thread-safe: one per worker. */
  public Evaluator newEvaluator() {
    return new Evaluator();
  }

  /** The value of every statistic on the full data. */
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
   * {@code s} on the data without row {@code i}. Moment and order statistics take O(n) in all,
   * from the full-data sums and the sorted data; custom statistics are evaluated on each of the
   * n leave-one-out samples (O(n^2)), which {@link #jackknifeRows} lets a caller spread over
   * threads.
   */
  public double[][] jackknife() {
    final int k = statistics.size();
    final double[][] out = new double[k][];
    boolean anyCustom = false;
    for (int s = 0; s < k; s++) {
      switch (statistics.get(s)) {
        case MomentStatistic m -> out[s] = jackknifeMoment(s, m);
        case OrderStatistic o -> out[s] = jackknifeOrder(s, o);
        case CustomStatistic c -> anyCustom = true;
      }
    }
    if (anyCustom) {
      final double[][] generic = new double[k][rows];
      jackknifeRows(0, rows, generic, newEvaluator());
      for (int s = 0; s < k; s++) {
        if (out[s] == null) {
          out[s] = generic[s];
        }
      }
    }
    return out;
  }

  /**
   * The generic jackknife for rows {@code [from, to)}: evaluates every statistic on the data
   * without each of those rows, into {@code out[s][i]}. Any thread may compute any range with
   * its own evaluator; ranges write disjoint slots.
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

  private double[] jackknifeMoment(int s, MomentStatistic m) {
    final int n = rows;
    final double[] out = new double[n];
    final int a = slotA[s];
    final double[] x = momentValues[a];
    final double cx = centres[a];
    final double[] sx = plainSums(x, cx);
    if (m.kind().arity() == 1) {
      for (int i = 0; i < n; i++) {
        final double d = x[i] - cx;
        final double d2 = d * d;
        out[i] = m.fromSums(n - 1, cx, sx[0] - d, sx[1] - d2, sx[2] - d2 * d, sx[3] - d2 * d2);
      }
      return out;
    }
    final double[] y = momentValues[slotB[s]];
    final double cy = centres[slotB[s]];
    final double[] sy = plainSums(y, cy);
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - cx) * (y[i] - cy);
    }
    for (int i = 0; i < n; i++) {
      final double dx = x[i] - cx;
      final double dy = y[i] - cy;
      out[i] = m.fromPairSums(n - 1, cx, sx[0] - dx, sx[1] - dx * dx, cy, sy[0] - dy, sy[1] - dy * dy, sxy - dx * dy);
    }
    return out;
  }

  private static double[] plainSums(double[] x, double c) {
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    for (double v : x) {
      final double d = v - c;
      final double d2 = d * d;
      s1 += d;
      s2 += d2;
      s3 += d2 * d;
      s4 += d2 * d2;
    }
    return new double[] {s1, s2, s3, s4};
  }

  private double[] jackknifeOrder(int s, OrderStatistic o) {
    final int n = rows;
    final double[] sorted = sortedValues[slotA[s]];
    final int[] rank = rankOfRow[slotA[s]];
    final double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + sorted[i];
    }
    final LeaveOneOut view = new LeaveOneOut(sorted, prefix);
    final double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      view.left = rank[i];
      out[i] = o.evaluate(view);
    }
    return out;
  }

  /** The sorted data without the value at position {@code left}. */
  private static final class LeaveOneOut implements SortedSample {
    private final double[] sorted;
    private final double[] prefix;
    int left;

    LeaveOneOut(double[] sorted, double[] prefix) {
      this.sorted = sorted;
      this.prefix = prefix;
    }

    @Override
    public int size() {
      return sorted.length - 1;
    }

    @Override
    public double at(int pos) {
      return sorted[pos < left ? pos : pos + 1];
    }

    @Override
    public double sum(int from, int to) {
      final int a = from < left ? from : from + 1;
      final int b = to <= left ? to : to + 1;
      double sum = prefix[b] - prefix[a];
      if (from < left && left < b) {
        sum -= sorted[left];
      }
      return sum;
    }
  }

  /**
   * A resample of one order column as cumulative counts of drawn ranks: {@code cum[r]} drawn values
   * have rank at most {@code r}. It answers for the sorted resample without building it.
   */
  private static final class CountedSample implements SortedSample {
    private final double[] sorted;
    private final int[] cum;
    private final boolean finite;
    private int size;

    CountedSample(double[] sorted, boolean finite) {
      this.sorted = sorted;
      this.cum = new int[sorted.length];
      this.finite = finite;
    }

    /**
     * {@link #count} of the iid resample drawn from the stream at {@code state}, drawn here
     * instead of into a buffer: the same accepted words as
     * {@link org.parboot.rng.ResampleStreams#fillIndices} (high word, then low word, of each
     * output), so the same counts. Counts do not depend on the order of the increments.
     */
    CountedSample countIid(int[] rankOfRow, long state, int bound, long threshold) {
      final int[] c = cum;
      Arrays.fill(c, 0);
      final long n = bound;
      final long low = 0xffffffffL;
      long st = state;
      int i = 0;
      while (i < bound) {
        final long r = org.parboot.rng.ResampleStreams.mix64(st += org.parboot.rng.ResampleStreams.GOLDEN_GAMMA);
        long m = (r >>> 32) * n;
        if ((m & low) >= threshold) {
          c[rankOfRow[(int) (m >>> 32)]]++;
          if (++i == bound) {
            break;
          }
        }
        m = (r & low) * n;
        if ((m & low) >= threshold) {
          c[rankOfRow[(int) (m >>> 32)]]++;
          i++;
        }
      }
      return accumulate(bound);
    }

    /** Counts the ranks of the drawn rows, then accumulates the counts: O(len + n). */
    CountedSample count(int[] rankOfRow, int[] idx, int len) {
      final int[] c = cum;
      Arrays.fill(c, 0);
      for (int i = 0; i < len; i++) {
        c[rankOfRow[idx[i]]]++;
      }
      return accumulate(len);
    }

    /** Turns the counts into cumulative counts of a sample of {@code len}. */
    private CountedSample accumulate(int len) {
      final int[] c = cum;
      int run = 0;
      for (int r = 0; r < c.length; r++) {
        run += c[r];
        c[r] = run;
      }
      size = len;
      return this;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public double at(int pos) {
      return sorted[rankAt(pos)];
    }

    /** The rank of the value at position {@code pos}: the first r with {@code cum[r] > pos}. */
    private int rankAt(int pos) {
      int lo = 0;
      int hi = cum.length - 1;
      while (lo < hi) {
        final int mid = (lo + hi) >>> 1;
        if (cum[mid] > pos) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    @Override
    public double sum(int from, int to) {
      if (from >= to) {
        return 0;
      }
      final int first = rankAt(from);
      final int last = rankAt(to - 1);
      if (first == last) {
        return (to - from) * sorted[first];
      }
      double s = (cum[first] - from) * sorted[first];
      for (int r = first + 1; r < last; r++) {
        final int c = cum[r] - cum[r - 1];
        // 0 * value is 0 for finite data, so only a column with infinities needs the test.
        if (finite || c != 0) {
          s += c * sorted[r];
        }
      }
      return s + (to - cum[last - 1]) * sorted[last];
    }
  }

  /**
   * One worker's scratch and the per-resample evaluation. Not thread-safe; allocation-free per
   * resample (custom statistics aside, which get reused arrays).
   */
  public final class Evaluator {
    private final double[] sums = new double[4];
    private final CountedSample[] sortedViews = new CountedSample[sortedValues.length];
    private final double[][] momentSums = new double[momentValues.length][4];
    private final double[] crossSums = new double[pairs.length];
    private final double[] lanes = new double[10];
    private double[][] customBuffers = new double[0][];
    private int customSize = -1;

    private Evaluator() {
      for (int c = 0; c < sortedViews.length; c++) {
        sortedViews[c] = new CountedSample(sortedValues[c], allFinite[c]);
      }
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
      for (int c = 0; c < momentValues.length; c++) {
        if (!columnFused[c]) {
          powerSums(momentValues[c], centres[c], orders[c], idx, len, momentSums[c]);
        }
      }
      for (int p = 0; p < pairs.length; p++) {
        final int a = pairs[p][0];
        final int b = pairs[p][1];
        crossSums[p] = pairFused[p]
            ? pairSums(momentValues[a], centres[a], momentValues[b], centres[b], idx, len, momentSums[a], momentSums[b])
            : crossSum(momentValues[a], centres[a], momentValues[b], centres[b], idx, len);
      }
      for (int c = 0; c < sortedValues.length; c++) {
        sortedViews[c].count(rankOfRow[c], idx, len);
      }
      if (customValues.length > 0) {
        gatherCustom(idx, len);
      }
      for (int s = 0; s < out.length; s++) {
        out[s] = switch (statistics.get(s)) {
          case MomentStatistic m -> momentValue(s, m, len);
          case OrderStatistic o -> o.evaluate(sortedViews[slotA[s]]);
          case CustomStatistic c -> customValue(s, c);
        };
      }
    }

    /**
     * The statistics of the iid resample drawn from the stream at {@code state}: the same values,
     * bit for bit, as {@link #evaluate} of the indices
     * {@link org.parboot.rng.ResampleStreams#fillIndices fillIndices(state, rows, threshold, idx,
     * rows)} gives, computed in one loop with the draw ({@code IidPowerSums}). Only for statistics
     * that {@link EvaluationPlan#fusesIidDraw(List)} (the engine also checks the size,
     * {@link EvaluationPlan#fusesIidDraw()}).
     *
     * @param threshold {@link org.parboot.rng.ResampleStreams#threshold threshold(rows)}
     * @throws IllegalStateException if the plan does not fuse the draw
     */
    public void evaluateIid(long state, long threshold, double[] out) {
      if (!fusable) {
        throw new IllegalStateException("these statistics do not fuse the iid draw: " + statistics);
      }
      if (sortedValues.length == 1) {
        final CountedSample sample = sortedViews[0].countIid(rankOfRow[0], state, rows, threshold);
        for (int s = 0; s < out.length; s++) {
          out[s] = ((OrderStatistic) statistics.get(s)).evaluate(sample);
        }
        return;
      }
      if (momentValues.length == 1) {
        IidPowerSums.sums(state, rows, threshold, momentValues[0], centres[0], orders[0], rows, momentSums[0], lanes);
      } else {
        if (!pairFused[0]) {
          throw new IllegalStateException("the pair's pass is not fused: " + statistics);
        }
        final int a = pairs[0][0];
        final int b = pairs[0][1];
        crossSums[0] = IidPowerSums.pairSums(state, rows, threshold, momentValues[a], centres[a], momentValues[b],
            centres[b], rows, momentSums[a], momentSums[b], lanes);
      }
      for (int s = 0; s < out.length; s++) {
        out[s] = momentValue(s, (MomentStatistic) statistics.get(s), rows);
      }
    }

    private double momentValue(int s, MomentStatistic m, int len) {
      final double[] a = momentSums[slotA[s]];
      if (slotB[s] < 0) {
        return m.fromSums(len, centres[slotA[s]], a[0], a[1], a[2], a[3]);
      }
      final double[] b = momentSums[slotB[s]];
      final double sxy = pairSlot[s] < 0 ? 0 : crossSums[pairSlot[s]];
      return m.fromPairSums(len, centres[slotA[s]], a[0], a[1], centres[slotB[s]], b[0], b[1], sxy);
    }

    private double customValue(int s, CustomStatistic c) {
      final int[] slots = customSlots[s];
      final double[][] args = new double[slots.length][];
      for (int j = 0; j < slots.length; j++) {
        args[j] = customBuffers[slots[j]];
      }
      return c.function().apply(args);
    }

    private void gatherCustom(int[] idx, int len) {
      if (customSize != len) {
        customBuffers = new double[customValues.length][len];
        customSize = len;
      }
      for (int c = 0; c < customValues.length; c++) {
        final double[] v = customValues[c];
        final double[] buf = customBuffers[c];
        for (int i = 0; i < len; i++) {
          buf[i] = v[idx[i]];
        }
      }
    }
  }

  /**
   * Centred power sums {@code sum (x[idx[i]] - c)^k} for k = 1..order (higher entries set to 0),
   * in two lanes, even and odd positions, added at the end.
   */
  static void powerSums(double[] x, double c, int order, int[] idx, int len, double[] out) {
    double a1 = 0, a2 = 0, a3 = 0, a4 = 0;
    double b1 = 0, b2 = 0, b3 = 0, b4 = 0;
    final int even = len & ~1;
    if (order <= 1) {
      for (int i = 0; i < even; i += 2) {
        a1 += x[idx[i]] - c;
        b1 += x[idx[i + 1]] - c;
      }
      if (even < len) {
        a1 += x[idx[even]] - c;
      }
    } else if (order == 2) {
      for (int i = 0; i < even; i += 2) {
        final double u = x[idx[i]] - c;
        final double v = x[idx[i + 1]] - c;
        a1 += u;
        a2 += u * u;
        b1 += v;
        b2 += v * v;
      }
      if (even < len) {
        final double u = x[idx[even]] - c;
        a1 += u;
        a2 += u * u;
      }
    } else if (order == 3) {
      // Skew: a loop of its own. An `if (order4)` inside the order-4 loop measured 5-15 % slower
      // there (docs/benchmarks.md).
      for (int i = 0; i < even; i += 2) {
        final double u = x[idx[i]] - c;
        final double v = x[idx[i + 1]] - c;
        final double u2 = u * u;
        final double v2 = v * v;
        a1 += u;
        a2 += u2;
        a3 += u2 * u;
        b1 += v;
        b2 += v2;
        b3 += v2 * v;
      }
      if (even < len) {
        final double u = x[idx[even]] - c;
        final double u2 = u * u;
        a1 += u;
        a2 += u2;
        a3 += u2 * u;
      }
    } else {
      for (int i = 0; i < even; i += 2) {
        final double u = x[idx[i]] - c;
        final double v = x[idx[i + 1]] - c;
        final double u2 = u * u;
        final double v2 = v * v;
        a1 += u;
        a2 += u2;
        a3 += u2 * u;
        a4 += u2 * u2;
        b1 += v;
        b2 += v2;
        b3 += v2 * v;
        b4 += v2 * v2;
      }
      if (even < len) {
        final double u = x[idx[even]] - c;
        final double u2 = u * u;
        a1 += u;
        a2 += u2;
        a3 += u2 * u;
        a4 += u2 * u2;
      }
    }
    out[0] = a1 + b1;
    out[1] = a2 + b2;
    out[2] = a3 + b3;
    out[3] = a4 + b4;
  }

  /**
   * One pass for a pair: the first two power sums of x and of y into {@code sx} and {@code sy}
   * (entries 2 and 3 set to 0), as {@link #powerSums} with order 2 gives them, and the cross sum,
   * as {@link #crossSum} gives it, returned. Every sum keeps its lanes and order, so the bits are
   * those of the three separate passes.
   */
  static double pairSums(double[] x, double cx, double[] y, double cy, int[] idx, int len, double[] sx, double[] sy) {
    double ax1 = 0, ax2 = 0, ay1 = 0, ay2 = 0, axy = 0;
    double bx1 = 0, bx2 = 0, by1 = 0, by2 = 0, bxy = 0;
    final int even = len & ~1;
    for (int i = 0; i < even; i += 2) {
      final int j = idx[i];
      final int l = idx[i + 1];
      final double u = x[j] - cx;
      final double v = y[j] - cy;
      final double p = x[l] - cx;
      final double q = y[l] - cy;
      ax1 += u;
      ax2 += u * u;
      ay1 += v;
      ay2 += v * v;
      axy += u * v;
      bx1 += p;
      bx2 += p * p;
      by1 += q;
      by2 += q * q;
      bxy += p * q;
    }
    if (even < len) {
      final int j = idx[even];
      final double u = x[j] - cx;
      final double v = y[j] - cy;
      ax1 += u;
      ax2 += u * u;
      ay1 += v;
      ay2 += v * v;
      axy += u * v;
    }
    sx[0] = ax1 + bx1;
    sx[1] = ax2 + bx2;
    sx[2] = 0;
    sx[3] = 0;
    sy[0] = ay1 + by1;
    sy[1] = ay2 + by2;
    sy[2] = 0;
    sy[3] = 0;
    return axy + bxy;
  }

  /** The centred cross sum {@code sum (x - cx)(y - cy)} over the indices, in the same two lanes. */
  static double crossSum(double[] x, double cx, double[] y, double cy, int[] idx, int len) {
    double a = 0;
    double b = 0;
    final int even = len & ~1;
    for (int i = 0; i < even; i += 2) {
      final int j = idx[i];
      final int l = idx[i + 1];
      a += (x[j] - cx) * (y[j] - cy);
      b += (x[l] - cx) * (y[l] - cy);
    }
    if (even < len) {
      final int j = idx[even];
      a += (x[j] - cx) * (y[j] - cy);
    }
    return a + b;
  }
}
