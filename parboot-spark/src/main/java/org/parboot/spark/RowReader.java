package org.parboot.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.io.Cells;
import org.parboot.io.MissingPolicy;
import org.parboot.io.RowFilter;

/**
 * Reads the values of one row as the core's readers do (parboot-io): the rows whose filter columns
 * equal the {@code --where} values are kept; a text cell is parsed by {@link Cells} (CSV is read as
 * text, so a CSV value is the very double the core reads); a number is taken as a double (a
 * decimal rounded, as the core's Parquet reader does); null, empty and the missing markers
 * ({@value Cells#MISSING_MARKERS}) and NaN are missing, which drops the row or, under
 * {@code --missing error}, stops the run naming the file, line or row and column.
 */
final class RowReader implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int KEPT = 1;
  static final int FILTERED = 0;
  static final int DROPPED = -1;

  private final List<String> columns;
  private final int[] valueField;
  private final int[] filterField;
  private final RowFilter[] filters;
  private final MissingPolicy missing;
  private final int groupField;

  /**
   * @param columns the value columns' names, in order
   * @param firstField the index in each row of the first value column; the filter columns follow
   *     the value columns
   * @param filters the {@code --where} filters
   * @param missing what a missing value does
   * @param group whether a group column's field follows the filter columns
   */
  RowReader(List<String> columns, int firstField, List<RowFilter> filters, MissingPolicy missing, boolean group) {
    this.columns = List.copyOf(columns);
    this.valueField = new int[columns.size()];
    for (int j = 0; j < valueField.length; j++) {
      valueField[j] = firstField + j;
    }
    this.filterField = new int[filters.size()];
    this.filters = filters.toArray(RowFilter[]::new);
    for (int f = 0; f < filterField.length; f++) {
      filterField[f] = firstField + columns.size() + f;
    }
    this.missing = missing;
    this.groupField = group ? firstField + columns.size() + filters.size() : -1;
  }

  /** The row's group: its group column's text, stripped of blanks (null is empty); {@code ""} when not grouped. */
  String group(Row row) {
    if (groupField < 0) {
      return "";
    }
    final Object cell = row.get(groupField);
    return cell == null ? "" : cell.toString().strip();
  }

  /** The number of values a row has. */
  int width() {
    return valueField.length;
  }

  /**
   * Reads {@code row} into {@code out}: {@link #KEPT}, {@link #FILTERED} (a filter does not match)
   * or {@link #DROPPED} (a value is missing).
   *
   * @param where where the row is, for messages
   * @throws InvalidInputException a cell that is not a number, or a missing value under {@code --missing error}
   */
  int read(Row row, double[] out, Where where) {
    for (int f = 0; f < filterField.length; f++) {
      final Object cell = row.get(filterField[f]);
      if (!filters[f].matches(cell == null ? "" : cell.toString())) {
        return FILTERED;
      }
    }
    boolean dropped = false;
    for (int j = 0; j < valueField.length; j++) {
      final Object cell = row.get(valueField[j]);
      final double v = value(cell, j, where);
      if (Double.isNaN(v)) {
        if (missing == MissingPolicy.ERROR) {
          throw new InvalidInputException(where.describe() + ": column " + Messages.quote(columns.get(j))
              + ": missing value " + (cell == null ? "null" : Messages.quote(cell.toString()))
              + " (--missing error); accepted: a finite number, or --missing drop to drop rows with missing values");
        }
        dropped = true;
      }
      out[j] = v;
    }
    return dropped ? DROPPED : KEPT;
  }

  private double value(Object cell, int j, Where where) {
    if (cell == null) {
      return Double.NaN;
    }
    if (cell instanceof String s) {
      return Cells.parse(s, where.source(), where.line(), columns.get(j));
    }
    if (cell instanceof Number n) {
      final double v = n.doubleValue();
      if (Double.isInfinite(v)) {
        throw new InvalidInputException(where.describe() + ": column " + Messages.quote(columns.get(j)) + ": " + v
            + " is a non-finite value; accepted: a finite number, or null (a missing value)");
      }
      return v;
    }
    throw new InvalidInputException(where.describe() + ": column " + Messages.quote(columns.get(j)) + " holds "
        + cell.getClass().getSimpleName() + " values; accepted: a numeric column, or text holding numbers");
  }

  /** Where a row is: a file (with the byte its split starts at) and the row's index in the split. */
  static final class Where {
    private final boolean text;
    private String file = "";
    private long start;
    private long index;

    /** @param text whether the rows are lines of text (CSV: a header line, line numbers) */
    Where(boolean text) {
      this.text = text;
    }

    void split(String file, long start) {
      this.file = file;
      this.start = start;
      this.index = 0;
    }

    void next() {
      index++;
    }

    String source() {
      final String name = file.startsWith("file:") ? file.substring("file:".length()).replaceFirst("^//", "") : file;
      return start == 0 ? name : name + " (the split from byte " + start + ")";
    }

    /** The line: the header is line 1 of a file's first split. */
    long line() {
      return index + (text && start == 0 ? 2 : 1);
    }

    String describe() {
      return source() + ":" + (text ? "" : "row ") + line();
    }
  }
}
