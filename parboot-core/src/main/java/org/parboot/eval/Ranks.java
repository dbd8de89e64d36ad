package org.parboot.eval;

/** The ranking of an order column's rows, once per plan (EvaluationPlan). */
final class Ranks {
  private Ranks() {}

  /**
   * Sorts {@code v} into {@code sorted} ({@link Double#compare} order) and ranks its rows: row i
   * has rank {@code rankOfRow[i]}, rank r is row {@code rowOfRank[r]}; equal values take
   * consecutive ranks in row order (what a stable sort of the row numbers gives). A least
   * significant digit radix sort of the rows by their values' bits, 11 bits a pass (passes whose
   * digit every value shares are skipped), which is stable: sorting boxed row numbers with a
   * comparator took 90 ms at 100,000 rows, serial, in every run with an order statistic.
   */
  static void of(double[] v, double[] sorted, int[] rankOfRow, int[] rowOfRank) {
    final int n = v.length;
    long[] keys = new long[n];
    int[] rows = rowOfRank;
    for (int i = 0; i < n; i++) {
      // Double.compare's order (NaN last, -0.0 before 0.0) as unsigned order of the bits.
      final long b = Double.doubleToLongBits(v[i]);
      keys[i] = (b ^ ((b >> 63) & Long.MAX_VALUE)) ^ Long.MIN_VALUE;
      rows[i] = i;
    }
    long[] keysTo = new long[n];
    int[] rowsTo = new int[n];
    final int[] count = new int[1 << 11];
    for (int shift = 0; shift < 64; shift += 11) {
      java.util.Arrays.fill(count, 0);
      for (long k : keys) {
        count[(int) (k >>> shift) & 2047]++;
      }
      if (count[(int) (keys[0] >>> shift) & 2047] == n) {
        continue; // every value has this digit
      }
      for (int d = 0, at = 0; d < count.length; d++) {
        final int c = count[d];
        count[d] = at;
        at += c;
      }
      for (int i = 0; i < n; i++) {
        final int to = count[(int) (keys[i] >>> shift) & 2047]++;
        keysTo[to] = keys[i];
        rowsTo[to] = rows[i];
      }
      final long[] k = keys;
      keys = keysTo;
      keysTo = k;
      final int[] r = rows;
      rows = rowsTo;
      rowsTo = r;
    }
    for (int r = 0; r < n; r++) {
      rowOfRank[r] = rows[r];
      rankOfRow[rows[r]] = r;
      sorted[r] = v[rows[r]];
    }
  }
}
