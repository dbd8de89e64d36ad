package org.parboot.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * A partition's rows, read in order and numbered: each kept row's position is its place in the
 * whole input, files in sorted order and rows in file order (or, for a Dataset without files, its
 * partitions in order and rows in partition order). Positions need the number of kept rows of every
 * earlier piece of the input, so a run reads twice: {@link #count} (the numbering pass: rows kept
 * and dropped per piece) and {@link #read} (the rows with their positions).
 */
final class RowSource implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The two leading fields of a file's rows: {@code _metadata.file_path}, {@code _metadata.file_block_start}. */
  static final int FILE_FIELDS = 2;

  private final boolean files;
  private final boolean text;
  private final RowReader reader;

  /**
   * @param files whether rows start with the file fields (else pieces are partitions)
   * @param text whether the rows are CSV lines (line numbers in messages)
   * @param reader the values' reader (its fields after the file fields, if any)
   */
  RowSource(boolean files, boolean text, RowReader reader) {
    this.files = files;
    this.text = text;
    this.reader = reader;
  }

  /** The number of values a row has. */
  int width() {
    return reader.width();
  }

  /**
   * Rows of one group kept in one piece of the input, and rows dropped there for a missing value
   * (whatever their group: the core counts dropped rows in no group).
   *
   * @param rank the group's order of first appearance among the piece's kept rows (0, 1, ...)
   */
  record Count(SplitKey key, String group, int rank, long kept, long dropped) implements Serializable {}

  /** Receives a partition's kept rows, in order. */
  interface Sink {
    /** Row {@code position} of group {@code group} with its {@code values} (reused: copy them). */
    void row(int group, long position, double[] values);
  }

  /** The numbering pass over one partition: per piece, each group's kept rows (in order of first appearance) and the rows dropped. */
  List<Count> count(int partition, Iterator<Row> rows) {
    final List<Count> out = new ArrayList<>();
    final double[] values = new double[reader.width()];
    final RowReader.Where where = new RowReader.Where(text);
    SplitKey key = files ? null : new SplitKey("", partition);
    Map<String, long[]> groups = new LinkedHashMap<>();
    long dropped = 0;
    while (rows.hasNext()) {
      final Row row = rows.next();
      if (files) {
        final SplitKey k = fileKey(row, key);
        if (k != key) {
          if (key != null) {
            emit(out, key, groups, dropped);
          }
          groups = new LinkedHashMap<>();
          dropped = 0;
          key = k;
          where.split(key.file(), key.start());
        }
      }
      final int status = reader.read(row, values, where);
      where.next();
      if (status == RowReader.KEPT) {
        groups.computeIfAbsent(reader.group(row), g -> new long[1])[0]++;
      } else if (status == RowReader.DROPPED) {
        dropped++;
      }
    }
    if (key != null) {
      emit(out, key, groups, dropped);
    }
    return out;
  }

  private static void emit(List<Count> out, SplitKey key, Map<String, long[]> groups, long dropped) {
    if (groups.isEmpty()) {
      out.add(new Count(key, null, -1, 0, dropped)); // a piece with no kept row still counts its dropped ones
      return;
    }
    int rank = 0;
    for (Map.Entry<String, long[]> g : groups.entrySet()) {
      out.add(new Count(key, g.getKey(), rank, g.getValue()[0], rank == 0 ? dropped : 0));
      rank++;
    }
  }

  /**
   * The rows of one partition, numbered within their group from the first position of each piece
   * ({@link Numbering#first}).
   */
  void read(int partition, Iterator<Row> rows, Numbering numbering, Sink sink) {
    final double[] values = new double[reader.width()];
    final RowReader.Where where = new RowReader.Where(text);
    SplitKey key = files ? null : new SplitKey("", partition);
    final Map<Integer, long[]> next = new java.util.HashMap<>();
    while (rows.hasNext()) {
      final Row row = rows.next();
      if (files) {
        final SplitKey k = fileKey(row, key);
        if (k != key) {
          key = k;
          where.split(key.file(), key.start());
          next.clear();
        }
      }
      final int status = reader.read(row, values, where);
      where.next();
      if (status == RowReader.KEPT) {
        final int group = numbering.group(reader.group(row));
        if (group < 0) {
          continue; // a group the run leaves out
        }
        final SplitKey piece = key;
        final long[] at = next.computeIfAbsent(group, g -> new long[] {numbering.first(piece, g)});
        sink.row(group, at[0]++, values);
      }
    }
  }

  /** The row's piece: {@code current} if it is the same (no allocation per row), else a new key. */
  private static SplitKey fileKey(Row row, SplitKey current) {
    final String file = row.getString(0);
    final long start = row.getLong(1);
    if (current != null && current.start() == start && current.file().equals(file)) {
      return current;
    }
    return new SplitKey(file, start);
  }
}
