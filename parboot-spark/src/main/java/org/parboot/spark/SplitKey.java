package org.parboot.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A piece of the input that one task reads whole and in order: a file split (the file's path and
 * the byte it starts at), or a partition of a Dataset numbered in its own order (no file, the
 * partition's index as start). Rows are numbered by sorting the pieces with {@link #ORDER}.
 *
 * @param file the file's path as Spark names it; empty for a Dataset's partition
 * @param start the split's first byte, or the partition's index
 */
record SplitKey(String file, long start) implements Serializable {
  /** Files in sorted order, splits in the order of their bytes. */
  static final Comparator<SplitKey> ORDER = Comparator.comparing(SplitKey::file).thenComparingLong(SplitKey::start);
}
