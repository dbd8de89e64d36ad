package org.parboot.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What a task sends on: a node of a group's summation tree (level, index, values), or a fragment
 * of a block that a split boundary cut (its rows' positions and values, row by row), to be joined
 * with the block's other fragments and computed whole.
 */
final class Piece implements Serializable {
  private static final long serialVersionUID = 1L;

  final int group;
  final int level;
  final long index;
  final double[] values;
  final long[] positions; // null for a node

  private Piece(int group, int level, long index, double[] values, long[] positions) {
    this.group = group;
    this.level = level;
    this.index = index;
    this.values = values;
    this.positions = positions;
  }

  /** Node {@code index} of {@code level} of group {@code group}'s tree. */
  static Piece node(int group, int level, long index, double[] values) {
    return new Piece(group, level, index, values, null);
  }

  /** Rows of block {@code block}: positions, and values {@code width} per row. */
  static Piece fragment(int group, long block, long[] positions, double[] values) {
    return new Piece(group, 0, block, values, positions);
  }

  boolean isFragment() {
    return positions != null;
  }

  /** The key of a fragment's block: group and block index. */
  BlockKey block() {
    return new BlockKey(group, index);
  }

  /** A fragment's block key. */
  record BlockKey(int group, long block) implements Serializable {}

  /** Two fragments of one block as one. */
  static Piece concat(Piece a, Piece b) {
    final long[] p = Arrays.copyOf(a.positions, a.positions.length + b.positions.length);
    System.arraycopy(b.positions, 0, p, a.positions.length, b.positions.length);
    final double[] v = Arrays.copyOf(a.values, a.values.length + b.values.length);
    System.arraycopy(b.values, 0, v, a.values.length, b.values.length);
    return fragment(a.group, a.index, p, v);
  }
}
