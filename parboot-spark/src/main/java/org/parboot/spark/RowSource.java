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

  /** Rows kept and dropped for a missing value in one piece of the input. */
  record Count(SplitKey key, long kept, long dropped) implements Serializable {}

  /** Receives a partition's kept rows, in order. */
  interface Sink {
    /** Row {@code position} of group {@code group} with its {@code values} (reused: copy them). */
    void row(int group, long position, double[] values);
  }

  /** The numbering pass over one partition. */
  List<Count> count(int partition, Iterator<Row> rows) {
    final Map<SplitKey, long[]> counts = new LinkedHashMap<>();
    final double[] values = new double[reader.width()];
    final RowReader.Where where = new RowReader.Where(text);
    SplitKey key = files ? null : new SplitKey("", partition);
    long[] c = files ? null : counts.computeIfAbsent(key, k -> new long[2]);
    while (rows.hasNext()) {
      final Row row = rows.next();
      if (files) {
        final SplitKey k = fileKey(row, key);
        if (k != key) {
          key = k;
          where.split(key.file(), key.start());
          c = counts.computeIfAbsent(key, x -> new long[2]);
        }
      }
      final int status = reader.read(row, values, where);
      where.next();
      if (status == RowReader.KEPT) {
        c[0]++;
      } else if (status == RowReader.DROPPED) {
        c[1]++;
      }
    }
    final List<Count> out = new ArrayList<>(counts.size());
    counts.forEach((k, v) -> out.add(new Count(k, v[0], v[1])));
    return out;
  }

  /**
   * The rows of one partition, numbered from the first position of each piece
   * ({@link Numbering#first}).
   */
  void read(int partition, Iterator<Row> rows, Numbering numbering, Sink sink) {
    final double[] values = new double[reader.width()];
    final RowReader.Where where = new RowReader.Where(text);
    SplitKey key = files ? null : new SplitKey("", partition);
    long next = files ? 0 : numbering.first(key);
    while (rows.hasNext()) {
      final Row row = rows.next();
      if (files) {
        final SplitKey k = fileKey(row, key);
        if (k != key) {
          key = k;
          where.split(key.file(), key.start());
          next = numbering.first(key);
        }
      }
      final int status = reader.read(row, values, where);
      where.next();
      if (status == RowReader.KEPT) {
        sink.row(0, next++, values);
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
