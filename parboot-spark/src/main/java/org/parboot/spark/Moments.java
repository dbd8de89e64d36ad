package org.parboot.spark;

/**
 * The arithmetic of the summation tree's nodes ({@link Shape}): a block's moments from its sums,
 * and the merge of two adjacent nodes, left then right.
 *
 * <p>A block's sums are taken about the block's own plain mean (so the terms are small whatever the
 * data's location), then turned into the weighted mean and central moments of each replicate. Two
 * nodes merge by the pairwise update of Chan, Golub and LeVeque (1979) for the mean and M2 and of
 * Pébay (2008, "Formulas for robust, one-pass parallel computation of covariances and
 * arbitrary-order statistical moments", Sandia SAND2008-6212) for M3, M4 and the co-moment. The
 * merge is a fixed function of its two operands in their order, which, with a fixed tree, makes
 * the root a fixed function of the rows: the same bits whatever the partitioning.
 */
final class Moments {
  private Moments() {}

  /**
   * Turns block sums into moments, in place. On entry, for replicate r: slot 0 holds the weight W,
   * column c's slots hold {@code S1..Sk = sum c d^j} with d = x - centre[c], each pair's slot holds
   * {@code sum c dx dy}. On exit they hold W, the mean, M2..Mk and the co-moment.
   */
  static void fromSums(Shape s, double[] v, double[] centre) {
    final int r = s.replicates;
    for (int i = 0; i < r; i++) {
      final double w = v[i];
      for (int p = 0; p < s.pairs.length; p++) {
        final int at = s.pairSlot[p] * r + i;
        if (w == 0) {
          v[at] = 0;
        } else {
          final double dx = v[s.meanSlot[s.pairs[p][0]] * r + i] / w;
          final double dy = v[s.meanSlot[s.pairs[p][1]] * r + i] / w;
          v[at] = v[at] - w * dx * dy;
        }
      }
      for (int c = 0; c < s.orders.length; c++) {
        final int m = s.meanSlot[c] * r + i;
        final int order = s.orders[c];
        if (w == 0) {
          for (int k = 0; k < order; k++) {
            v[m + k * r] = 0;
          }
          continue;
        }
        final double s1 = v[m];
        final double d = s1 / w;
        if (order >= 4) {
          final double s2 = v[m + r];
          final double s3 = v[m + 2 * r];
          final double s4 = v[m + 3 * r];
          final double d2 = d * d;
          v[m + 3 * r] = s4 - 4 * d * s3 + 6 * d2 * s2 - 3 * w * d2 * d2;
        }
        if (order >= 3) {
          final double s2 = v[m + r];
          final double s3 = v[m + 2 * r];
          v[m + 2 * r] = s3 - 3 * d * s2 + 2 * w * d * d * d;
        }
        if (order >= 2) {
          v[m + r] = v[m + r] - w * d * d;
        }
        v[m] = centre[c] + d;
      }
    }
  }

  /** Merges node {@code b} (right) into node {@code a} (left), in place in {@code a}. */
  static void merge(Shape s, double[] a, double[] b) {
    final int r = s.replicates;
    for (int i = 0; i < r; i++) {
      final double na = a[i];
      final double nb = b[i];
      if (nb == 0) {
        continue;
      }
      if (na == 0) {
        for (int slot = 0; slot < s.slots; slot++) {
          a[slot * r + i] = b[slot * r + i];
        }
        continue;
      }
      final double n = na + nb;
      for (int p = 0; p < s.pairs.length; p++) {
        final int at = s.pairSlot[p] * r + i;
        final int mx = s.meanSlot[s.pairs[p][0]] * r + i;
        final int my = s.meanSlot[s.pairs[p][1]] * r + i;
        final double dx = b[mx] - a[mx];
        final double dy = b[my] - a[my];
        a[at] = a[at] + b[at] + dx * dy * (na * nb / n);
      }
      for (int c = 0; c < s.orders.length; c++) {
        final int m = s.meanSlot[c] * r + i;
        final int order = s.orders[c];
        final double d = b[m] - a[m];
        if (order >= 4) {
          final double d2 = d * d;
          final double m4 = a[m + 3 * r] + b[m + 3 * r]
              + d2 * d2 * (na * nb * (na * na - na * nb + nb * nb) / (n * n * n))
              + 6 * d2 * (na * na * b[m + r] + nb * nb * a[m + r]) / (n * n)
              + 4 * d * (na * b[m + 2 * r] - nb * a[m + 2 * r]) / n;
          a[m + 3 * r] = m4;
        }
        if (order >= 3) {
          final double m3 = a[m + 2 * r] + b[m + 2 * r]
              + d * d * d * (na * nb * (na - nb) / (n * n))
              + 3 * d * (na * b[m + r] - nb * a[m + r]) / n;
          a[m + 2 * r] = m3;
        }
        if (order >= 2) {
          a[m + r] = a[m + r] + b[m + r] + d * d * (na * nb / n);
        }
        a[m] = a[m] + d * (nb / n);
      }
      a[i] = n;
    }
  }
}
