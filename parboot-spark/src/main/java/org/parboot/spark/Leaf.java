package org.parboot.spark;

import java.io.Serializable;

/** What a pass computes for one complete block of rows: a leaf of the summation tree. */
interface Leaf extends Serializable {
  /** The shape of the nodes. */
  Shape shape();

  /**
   * The leaf of a block: {@code len} rows of group {@code group} at positions {@code first ..
   * first + len - 1}, their values by column in {@code cols[c][0, len)}. A new array.
   */
  double[] block(int group, long first, int len, double[][] cols);
}
