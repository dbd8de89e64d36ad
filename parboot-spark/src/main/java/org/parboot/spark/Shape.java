package org.parboot.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What a node of the summation tree holds, for each of R replicates: the total weight (the
 * number of rows drawn), then for each column the weighted mean and the central moments its
 * statistics need ({@code M2 = sum c (x - mean)^2} up to {@code M4}), then for each pair of columns
 * the co-moment {@code sum c (x - mean_x)(y - mean_y)}. Values are stored slot by slot:
 * {@code values[slot * R + r]}.
 */
final class Shape implements Serializable {
  private static final long serialVersionUID = 1L;

  final int replicates;
  final int[] orders;
  final int[][] pairs;
  final int[] meanSlot;
  final int[] pairSlot;
  final int slots;

  /**
   * @param replicates R, the values per slot
   * @param orders each column's highest moment, 1 (mean) to 4
   * @param pairs pairs of column indices whose co-moment is needed (both of order 2 at least)
   */
  Shape(int replicates, int[] orders, int[][] pairs) {
    this.replicates = replicates;
    this.orders = orders.clone();
    this.pairs = Arrays.stream(pairs).map(int[]::clone).toArray(int[][]::new);
    this.meanSlot = new int[orders.length];
    int slot = 1; // slot 0: the weight
    for (int c = 0; c < orders.length; c++) {
      if (orders[c] < 1 || orders[c] > 4) {
        throw new IllegalArgumentException("order " + orders[c] + " of column " + c);
      }
      meanSlot[c] = slot;
      slot += orders[c];
    }
    this.pairSlot = new int[pairs.length];
    for (int p = 0; p < pairs.length; p++) {
      if (orders[pairs[p][0]] < 2 || orders[pairs[p][1]] < 2) {
        throw new IllegalArgumentException("pair " + Arrays.toString(pairs[p]) + " needs columns of order 2");
      }
      pairSlot[p] = slot++;
    }
    this.slots = slot;
  }

  /** One replicate of {@code columns} columns of the same order and no pair (a pass's derived values). */
  static Shape of(int columns, int order) {
    final int[] orders = new int[columns];
    Arrays.fill(orders, order);
    return new Shape(1, orders, new int[0][]);
  }

  /** R. */
  int replicates() {
    return replicates;
  }

  /** The number of doubles a node holds. */
  int size() {
    return slots * replicates;
  }

  /** The columns. */
  int columns() {
    return orders.length;
  }

  /** Replicate r's weight in {@code v}. */
  double weight(double[] v, int r) {
    return v[r];
  }

  /** Replicate r's mean of column c. */
  double mean(double[] v, int c, int r) {
    return v[meanSlot[c] * replicates + r];
  }

  /** Replicate r's k-th central moment sum (k = 2..order) of column c; 0 beyond its order. */
  double moment(double[] v, int c, int k, int r) {
    return k <= orders[c] ? v[(meanSlot[c] + k - 1) * replicates + r] : 0;
  }

  /** Replicate r's co-moment of pair p. */
  double comoment(double[] v, int p, int r) {
    return v[pairSlot[p] * replicates + r];
  }
}
