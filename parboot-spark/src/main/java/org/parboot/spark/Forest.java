package org.parboot.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The fixed summation trees, one per group, filled node by node in any order. Group g's leaves are
 * its blocks 0..N-1 (block k holds rows {@code [kK, (k+1)K)} of the group's numbering); node
 * {@code (L, j)} covers blocks {@code [j 2^L, (j+1) 2^L)} and is the {@link Moments#merge merge}
 * of {@code (L-1, 2j)} (left) and {@code (L-1, 2j+1)} (right), or {@code (L-1, 2j)} alone when the
 * right one would start at or beyond block N. The root is {@code (L, 0)} with {@code 2^L >= N}.
 *
 * <p>Adding a node merges it with its sibling when that is here, and so on up: only siblings ever
 * merge, and always left then right, so the root is the same bits however the nodes arrive: on
 * which task, in which order, through which combination of partial forests.
 */
final class Forest implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Shape shape;
  private final long[] blocks;
  private final Map<Key, double[]> nodes = new HashMap<>();

  private record Key(int group, int level, long index) implements Serializable {}

  /** @param blocks each group's number of blocks N (at least 1) */
  Forest(Shape shape, long[] blocks) {
    this.shape = shape;
    this.blocks = blocks.clone();
  }

  /** Adds a node (taking its values array) and merges up as far as its siblings allow. */
  Forest add(int group, int level, long index, double[] values) {
    final long n = blocks[group];
    while (true) {
      if (index == 0 && (1L << level) >= n) {
        put(new Key(group, level, index), values);
        return this;
      }
      if ((index & 1) == 0 && ((index + 1) << level) >= n) {
        level++; // no right sibling: the node is its parent
        index >>= 1;
        continue;
      }
      final double[] sibling = nodes.remove(new Key(group, level, index ^ 1));
      if (sibling == null) {
        put(new Key(group, level, index), values);
        return this;
      }
      final double[] left = (index & 1) == 0 ? values : sibling;
      final double[] right = left == values ? sibling : values;
      Moments.merge(shape, left, right);
      values = left;
      level++;
      index >>= 1;
    }
  }

  private void put(Key key, double[] values) {
    if (nodes.put(key, values) != null) {
      throw new IllegalStateException("node " + key + " arrived twice: a block was computed twice");
    }
  }

  /** Adds a piece that is a node. */
  Forest add(Piece node) {
    return add(node.group, node.level, node.index, node.values);
  }

  /** Adds every node of {@code other}. */
  Forest addAll(Forest other) {
    other.nodes.forEach((k, v) -> add(k.group(), k.level(), k.index(), v));
    return this;
  }

  /** This forest's nodes as pieces (a task's output). */
  java.util.List<Piece> pieces() {
    return nodes.entrySet().stream().map(e -> Piece.node(e.getKey().group(), e.getKey().level(), e.getKey().index(),
        e.getValue())).toList();
  }

  /** Group g's root, once every block has arrived. */
  double[] root(int group) {
    int level = 0;
    while ((1L << level) < blocks[group]) {
      level++;
    }
    final double[] root = nodes.get(new Key(group, level, 0));
    if (root == null || nodes.size() != blocks.length) {
      throw new IllegalStateException("group " + group + "'s tree is incomplete: " + nodes.keySet());
    }
    return root;
  }
}
