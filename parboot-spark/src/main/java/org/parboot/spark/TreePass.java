package org.parboot.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * One pass over the rows computing a {@link Leaf} per block and merging the leaves up each group's
 * fixed tree ({@link Forest}): each task cuts its rows into blocks ({@link BlockCutter}) and merges
 * what it can; the fragments of blocks that split edges cut meet in a shuffle keyed by block; all
 * nodes then meet in a tree aggregation. What reaches the driver is a few nodes per partial forest
 * (O(log N) of B values each), never rows.
 */
final class TreePass {
  private TreePass() {}

  /** Depth of the tree aggregation: the driver merges about the square root of the partitions' forests. */
  private static final int DEPTH = 2;

  /** The numbering pass: rows kept and dropped per piece of the input. */
  static Numbering number(JavaRDD<Row> rows, RowSource source) {
    final List<RowSource.Count> counts = rows.mapPartitionsWithIndex(
        (partition, it) -> source.count(partition, it).iterator(), false).collect();
    return Numbering.of(counts);
  }

  /**
   * The forest of one pass: every group's root.
   *
   * @param groupRows each group's number of rows (of the numbering)
   */
  static Forest run(JavaRDD<Row> rows, RowSource source, Numbering numbering, Leaf leaf, long[] groupRows) {
    final int width = source.width();
    final JavaRDD<Piece> pieces = rows.mapPartitionsWithIndex((partition, it) -> {
      final BlockCutter cutter = new BlockCutter(leaf, groupRows, width);
      source.read(partition, it, numbering, cutter);
      return cutter.finish().iterator();
    }, false).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      final JavaRDD<Piece> joined = pieces.filter(Piece::isFragment)
          .mapToPair(p -> new Tuple2<>(p.block(), p))
          .reduceByKey(Piece::concat)
          .values()
          .map(p -> BlockCutter.leafOf(leaf, p, groupRows, width));
      final long[] blocks = BlockCutter.blocks(groupRows);
      return pieces.filter(p -> !p.isFragment()).union(joined)
          .treeAggregate(new Forest(leaf.shape(), blocks), Forest::add, Forest::addAll, DEPTH);
    } finally {
      pieces.unpersist(true); // blocking: an asynchronous removal still in flight when the session stops makes Spark print the futures its pools reject
    }
  }
}
