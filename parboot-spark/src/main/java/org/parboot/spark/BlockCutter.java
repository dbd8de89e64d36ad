package org.parboot.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One task's rows cut into the fixed blocks of the numbering ({@link #BLOCK} rows: block k of a
 * group holds its rows {@code [kK, (k+1)K)}): a block whose rows all come through this task in a
 * run of consecutive positions becomes a leaf here, added to the task's {@link Forest}; a block cut
 * by the edge of a split leaves as a fragment, joined with its other parts after a shuffle
 * ({@link #leafOf}). At most two fragments per split, so almost every row is summed where it is
 * read.
 */
final class BlockCutter implements RowSource.Sink {
  /** Rows per block: a block's values and counts stay in the L1 cache. */
  static final int BLOCK = 1024;

  private final Leaf leaf;
  private final long[] rows;
  private final int width;
  private final Forest forest;
  private final List<Piece> fragments = new ArrayList<>();
  private final Pending[] pending;

  /** A block being filled: rows {@code [first, first + size)} of block {@code block}. */
  private static final class Pending {
    long block;
    long first;
    int size;
    final double[][] values;

    Pending(int width) {
      values = new double[width][BLOCK];
    }
  }

  /**
   * @param rows each group's number of rows
   * @param width values per row
   */
  BlockCutter(Leaf leaf, long[] rows, int width) {
    this.leaf = leaf;
    this.rows = rows.clone();
    this.width = width;
    this.forest = new Forest(leaf.shape(), blocks(rows));
    this.pending = new Pending[rows.length];
  }

  /** Each group's number of blocks. */
  static long[] blocks(long[] rows) {
    return Arrays.stream(rows).map(n -> Math.max(1, (n + BLOCK - 1) / BLOCK)).toArray();
  }

  /** The number of rows of block k of a group of n rows. */
  static int blockRows(long n, long k) {
    return (int) Math.min(BLOCK, n - k * BLOCK);
  }

  @Override
  public void row(int group, long position, double[] values) {
    Pending p = pending[group];
    if (p == null) {
      p = pending[group] = new Pending(width);
    }
    if (p.size > 0 && (position != p.first + p.size || position / BLOCK != p.block)) {
      flush(group, p);
    }
    if (p.size == 0) {
      p.block = position / BLOCK;
      p.first = position;
    }
    for (int c = 0; c < width; c++) {
      p.values[c][p.size] = values[c];
    }
    p.size++;
    if (p.first == p.block * BLOCK && p.size == blockRows(rows[group], p.block)) {
      flush(group, p);
    }
  }

  private void flush(int group, Pending p) {
    if (p.first == p.block * BLOCK && p.size == blockRows(rows[group], p.block)) {
      forest.add(group, 0, p.block, leaf.block(group, p.first, p.size, p.values));
    } else {
      final long[] positions = new long[p.size];
      final double[] values = new double[p.size * width];
      for (int j = 0; j < p.size; j++) {
        positions[j] = p.first + j;
        for (int c = 0; c < width; c++) {
          values[j * width + c] = p.values[c][j];
        }
      }
      fragments.add(Piece.fragment(group, p.block, positions, values));
    }
    p.size = 0;
  }

  /** The task's output once its rows are in: its forest's nodes, then its fragments. */
  List<Piece> finish() {
    for (int g = 0; g < pending.length; g++) {
      if (pending[g] != null && pending[g].size > 0) {
        flush(g, pending[g]);
      }
    }
    final List<Piece> out = new ArrayList<>(forest.pieces());
    out.addAll(fragments);
    return out;
  }

  /** The leaf of a block from all its fragments joined ({@link Piece#concat}), as a node. */
  static Piece leafOf(Leaf leaf, Piece joined, long[] rows, int width) {
    final int n = joined.positions.length;
    final long k = joined.index;
    final int expected = blockRows(rows[joined.group], k);
    final Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> Long.compare(joined.positions[a], joined.positions[b]));
    final double[][] cols = new double[width][n];
    for (int j = 0; j < n; j++) {
      final int from = order[j];
      if (joined.positions[from] != k * BLOCK + j) {
        throw new IllegalStateException("block " + k + " of group " + joined.group + " has rows "
            + Arrays.toString(Arrays.stream(order).mapToLong(o -> joined.positions[o]).toArray()));
      }
      for (int c = 0; c < width; c++) {
        cols[c][j] = joined.values[from * width + c];
      }
    }
    if (n != expected) {
      throw new IllegalStateException("block " + k + " of group " + joined.group + " has " + n + " rows of " + expected);
    }
    return Piece.node(joined.group, 0, k, leaf.block(joined.group, k * BLOCK, n, cols));
  }
}
