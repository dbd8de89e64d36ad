package org.parboot.eval;

import java.util.Arrays;

/**
 * Two order columns read together, for the rank correlations ({@link org.parboot.stat.RankStatistic}):
 * each row's tie group in x and in y (rows of equal values, in ascending order; -0.0 ties with
 * 0.0, each NaN is a group of its own), and the rows ordered by x group and then y group. Built
 * once per plan; immutable, shared by the workers, each of which brings its own scratch.
 *
 * <p>A resample is its row counts {@code c}. Its mid-ranks follow from the counts per group, in
 * group order; every sum runs in group order, then row order within a group, so a value is a
 * fixed function of the counts.
 */
final class RankPair {
  private final int n;
  // x: rows in rank order, group starts (positions in that order; xStart[gx] .. xStart[gx + 1]).
  private final int[] xRows;
  private final int[] xStart;
  private final int[] xGroup;
  private final int[] yRows;
  private final int[] yStart;
  private final int[] yGroup;
  // Rows by x group, then y group (stable: row order within a joint tie).
  private final int[] xyRows;
  private final boolean[] nan;
  private final boolean anyNan;

  RankPair(double[] xSorted, int[] xRowOfRank, double[] ySorted, int[] yRowOfRank) {
    n = xSorted.length;
    xRows = xRowOfRank;
    yRows = yRowOfRank;
    xGroup = new int[n];
    yGroup = new int[n];
    xStart = groups(xSorted, xRowOfRank, xGroup);
    yStart = groups(ySorted, yRowOfRank, yGroup);
    nan = new boolean[n];
    boolean any = false;
    for (int r = 0; r < n; r++) {
      if (Double.isNaN(xSorted[r])) {
        nan[xRowOfRank[r]] = true;
        any = true;
      }
      if (Double.isNaN(ySorted[r])) {
        nan[yRowOfRank[r]] = true;
        any = true;
      }
    }
    anyNan = any;
    // Counting sort of the rows in y order by x group: x group, then y group, then row.
    final int gx = xStart.length - 1;
    final int[] at = new int[gx + 1];
    for (int g = 0; g < gx; g++) {
      at[g + 1] = xStart[g + 1];
    }
    xyRows = new int[n];
    for (int r = 0; r < n; r++) {
      final int row = yRowOfRank[r];
      xyRows[at[xGroup[row]]++] = row;
    }
  }

  /** Each row's group into {@code group}; the start of each group in rank order, and n at the end. */
  private static int[] groups(double[] sorted, int[] rowOfRank, int[] group) {
    final int n = sorted.length;
    final int[] start = new int[n + 1];
    int g = -1;
    for (int r = 0; r < n; r++) {
      if (r == 0 || !(sorted[r] == sorted[r - 1])) {
        start[++g] = r;
      }
      group[rowOfRank[r]] = g;
    }
    start[g + 1] = n;
    return Arrays.copyOf(start, g + 2);
  }

  /** The number of tie groups in y (the Fenwick tree's size). */
  int yGroups() {
    return yStart.length - 1;
  }

  private boolean drewNan(int[] c) {
    if (anyNan) {
      for (int i = 0; i < n; i++) {
        if (nan[i] && c[i] > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Spearman's rho of the resample whose row counts are {@code c} ({@code m} draws): Pearson's
   * correlation of the mid-ranks, centred on their mean (m + 1) / 2. {@code rank} is scratch of n.
   */
  double spearman(int[] c, long m, double[] rank) {
    if (drewNan(c)) {
      return Double.NaN;
    }
    double sxx = 0;
    long before = 0;
    for (int g = 0; g + 1 < xStart.length; g++) {
      long count = 0;
      for (int r = xStart[g]; r < xStart[g + 1]; r++) {
        count += c[xRows[r]];
      }
      if (count == 0) {
        continue;
      }
      final double v = before + (count - m) / 2.0; // mid-rank before + (count + 1) / 2, less (m + 1) / 2
      sxx += count * v * v;
      for (int r = xStart[g]; r < xStart[g + 1]; r++) {
        rank[xRows[r]] = v;
      }
      before += count;
    }
    double syy = 0;
    double sxy = 0;
    before = 0;
    for (int g = 0; g + 1 < yStart.length; g++) {
      long count = 0;
      double ux = 0;
      for (int r = yStart[g]; r < yStart[g + 1]; r++) {
        final int row = yRows[r];
        final int k = c[row];
        if (k != 0) {
          count += k;
          ux += k * rank[row];
        }
      }
      if (count == 0) {
        continue;
      }
      final double v = before + (count - m) / 2.0;
      syy += count * v * v;
      sxy += ux * v;
      before += count;
    }
    return correlation(sxy, sxx, syy);
  }

  private static double correlation(double sxy, double sxx, double syy) {
    if (!(sxx > 0) || !(syy > 0)) {
      return Double.NaN;
    }
    return Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
  }

  /**
   * Kendall's tau-b of the resample whose row counts are {@code c} ({@code m} draws), as
   * {@code scipy.stats.kendalltau} computes it from integer pair counts. {@code tree} is scratch of
   * {@code yGroups() + 1}, {@code tally} of {@code yGroups()}.
   */
  double kendall(int[] c, long m, long[] tree, long[] tally) {
    if (drewNan(c)) {
      return Double.NaN;
    }
    final int gy = yGroups();
    Arrays.fill(tree, 0, gy + 1, 0);
    Arrays.fill(tally, 0, gy, 0);
    long dis = 0;
    long added = 0;
    long xtie = 0;
    long ntie = 0;
    for (int g = 0; g + 1 < xStart.length; g++) {
      final int from = xStart[g];
      final int to = xStart[g + 1];
      long count = 0;
      long joint = 0;
      int jointGroup = -1;
      for (int r = from; r < to; r++) {
        final int row = xyRows[r];
        final int k = c[row];
        if (k == 0) {
          continue;
        }
        final int y = yGroup[row];
        dis += k * (added - prefix(tree, y)); // drawn before, in a lower x group, with a higher y
        if (y != jointGroup) {
          ntie += joint * (joint - 1) / 2;
          joint = 0;
          jointGroup = y;
        }
        joint += k;
        count += k;
        tally[y] += k;
      }
      ntie += joint * (joint - 1) / 2;
      for (int r = from; r < to; r++) {
        final int row = xyRows[r];
        if (c[row] != 0) {
          add(tree, yGroup[row], c[row]);
        }
      }
      added += count;
      xtie += count * (count - 1) / 2;
    }
    long ytie = 0;
    for (int g = 0; g < gy; g++) {
      ytie += tally[g] * (tally[g] - 1) / 2;
    }
    return tauB(m * (m - 1) / 2, xtie, ytie, ntie, dis);
  }

  /** scipy's tau-b from the pair counts: NaN when every pair ties in x or in y. */
  private static double tauB(long tot, long xtie, long ytie, long ntie, long dis) {
    if (xtie == tot || ytie == tot) {
      return Double.NaN;
    }
    final long conMinusDis = tot - xtie - ytie + ntie - 2 * dis;
    final double tau = conMinusDis / Math.sqrt((double) (tot - xtie)) / Math.sqrt((double) (tot - ytie));
    return Math.max(-1.0, Math.min(1.0, tau));
  }

  /** The weight in y groups 0..y of a Fenwick tree. */
  private static long prefix(long[] tree, int y) {
    long s = 0;
    for (int i = y + 1; i > 0; i -= i & -i) {
      s += tree[i];
    }
    return s;
  }

  private static void add(long[] tree, int y, long w) {
    for (int i = y + 1; i < tree.length; i += i & -i) {
      tree[i] += w;
    }
  }

  /**
   * For every row k, the other rows in each cell of (x below, tied, above) by (y below, tied,
   * above), from one sweep down the x groups with a Fenwick tree over y: {@code cells[k][3 * sx + sy]}
   * with s = 0 below, 1 tied, 2 above. O(n log n).
   */
  private long[][] cells() {
    final int gy = yGroups();
    final long[] tree = new long[gy + 1];
    final long[][] out = new long[n][9];
    long above = 0; // rows in higher x groups, all in the tree
    for (int g = xStart.length - 2; g >= 0; g--) {
      final int from = xStart[g];
      final int to = xStart[g + 1];
      for (int r = from; r < to; r++) {
        final int row = xyRows[r];
        final int y = yGroup[row];
        final long[] cell = out[row];
        final long yAtMost = prefix(tree, y);
        final long yBelow = y == 0 ? 0 : prefix(tree, y - 1);
        cell[2 * 3 + 0] = yBelow;
        cell[2 * 3 + 1] = yAtMost - yBelow;
        cell[2 * 3 + 2] = above - yAtMost;
      }
      // Within the x group (rows sorted by y group): the joint tie runs.
      int r = from;
      while (r < to) {
        int end = r;
        while (end < to && yGroup[xyRows[end]] == yGroup[xyRows[r]]) {
          end++;
        }
        for (int q = r; q < end; q++) {
          final long[] cell = out[xyRows[q]];
          cell[1 * 3 + 0] = r - from;
          cell[1 * 3 + 1] = end - r - 1;
          cell[1 * 3 + 2] = to - end;
        }
        r = end;
      }
      for (int q = from; q < to; q++) {
        add(tree, yGroup[xyRows[q]], 1);
      }
      above += to - from;
    }
    for (int k = 0; k < n; k++) {
      final long[] cell = out[k];
      final int gyk = yGroup[k];
      final long yBelow = yStart[gyk];
      final long yTied = yStart[gyk + 1] - yStart[gyk] - 1;
      final long yAbove = n - yStart[gyk + 1];
      cell[0 * 3 + 0] = yBelow - cell[3] - cell[6];
      cell[0 * 3 + 1] = yTied - cell[4] - cell[7];
      cell[0 * 3 + 2] = yAbove - cell[5] - cell[8];
    }
    return out;
  }

  /** Kendall's tau-b without each row in turn, in O(n log n). */
  double[] jackknifeKendall() {
    final double[] out = new double[n];
    if (anyNan || n < 3) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    final long[][] cells = cells();
    long dis = 0;
    long xtie = 0;
    long ytie = 0;
    long ntie = 0;
    for (int k = 0; k < n; k++) {
      final long[] cell = cells[k];
      dis += cell[2] + cell[6]; // (x below, y above) + (x above, y below): each pair counted twice
      xtie += cell[3] + cell[4] + cell[5];
      ytie += cell[1] + cell[4] + cell[7];
      ntie += cell[4];
    }
    dis /= 2;
    xtie /= 2;
    ytie /= 2;
    ntie /= 2;
    final long tot = (long) (n - 1) * (n - 2) / 2;
    for (int k = 0; k < n; k++) {
      final long[] cell = cells[k];
      out[k] = tauB(tot, xtie - (cell[3] + cell[4] + cell[5]), ytie - (cell[1] + cell[4] + cell[7]), ntie - cell[4],
          dis - (cell[2] + cell[6]));
    }
    return out;
  }

  /**
   * Spearman's rho without each row in turn, in O(n log n): the others' mid-ranks move by -1/2, 0
   * or +1/2 about their new mean, as k was below, tied with or above them, so every sum follows
   * from the full data's sums, sums over rank ranges and the cell counts.
   */
  double[] jackknifeSpearman() {
    final double[] out = new double[n];
    if (anyNan || n < 3) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    final double[] u = centredRanks(xStart, xRows);
    final double[] w = centredRanks(yStart, yRows);
    // Per group sums of u and w, and their prefix sums over groups, in x order and in y order.
    final double[] uByX = prefixByGroup(u, xStart, xRows);
    final double[] wByX = prefixByGroup(w, xStart, xRows);
    final double[] uByY = prefixByGroup(u, yStart, yRows);
    final double[] wByY = prefixByGroup(w, yStart, yRows);
    double uu = 0;
    double ww = 0;
    double uw = 0;
    for (int i = 0; i < n; i++) {
      uu += u[i] * u[i];
      ww += w[i] * w[i];
      uw += u[i] * w[i];
    }
    final long[][] cells = cells();
    for (int k = 0; k < n; k++) {
      final int gx = xGroup[k];
      final int gy = yGroup[k];
      final long xBelow = xStart[gx];
      final long xAbove = n - xStart[gx + 1];
      final long yBelow = yStart[gy];
      final long yAbove = n - yStart[gy + 1];
      // a_i = +1/2 below k in x, 0 tied, -1/2 above; b_i likewise in y.
      final double au = 0.5 * (uByX[gx] - (uByX[uByX.length - 1] - uByX[gx + 1]));
      final double aw = 0.5 * (wByX[gx] - (wByX[wByX.length - 1] - wByX[gx + 1]));
      final double bu = 0.5 * (uByY[gy] - (uByY[uByY.length - 1] - uByY[gy + 1]));
      final double bw = 0.5 * (wByY[gy] - (wByY[wByY.length - 1] - wByY[gy + 1]));
      final long[] cell = cells[k];
      final double ab = 0.25 * ((cell[0] + cell[8]) - (cell[2] + cell[6]));
      final double sxx = uu - u[k] * u[k] + 2 * au + 0.25 * (xBelow + xAbove);
      final double syy = ww - w[k] * w[k] + 2 * bw + 0.25 * (yBelow + yAbove);
      final double sxy = uw - u[k] * w[k] + aw + bu + ab;
      out[k] = correlation(sxy, sxx, syy);
    }
    return out;
  }

  /** Each row's full-data mid-rank less the mean rank (n + 1) / 2. */
  private double[] centredRanks(int[] start, int[] rows) {
    final double[] out = new double[n];
    for (int g = 0; g + 1 < start.length; g++) {
      final double v = start[g] + (start[g + 1] - start[g] - n) / 2.0;
      for (int r = start[g]; r < start[g + 1]; r++) {
        out[rows[r]] = v;
      }
    }
    return out;
  }

  /** p[g] = the sum of v over the rows of groups below g (p has one more entry than groups). */
  private static double[] prefixByGroup(double[] v, int[] start, int[] rows) {
    final double[] p = new double[start.length];
    for (int g = 0; g + 1 < start.length; g++) {
      double s = 0;
      for (int r = start[g]; r < start[g + 1]; r++) {
        s += v[rows[r]];
      }
      p[g + 1] = p[g] + s;
    }
    return p;
  }
}
