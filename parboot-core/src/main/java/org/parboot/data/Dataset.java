package org.parboot.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parboot.InvalidInputException;

/**
 * Named numeric columns of equal length: the rows a bootstrap resamples. Immutable: the arrays
 * are copied in, and {@link #column} hands out copies, so one dataset can be shared by any number
 * of concurrent runs. A run copies each column it reads once, when its plan is made
 * ({@code org.parboot.eval.EvaluationPlan}).
 *
 * <pre>{@code
 * Dataset data = Dataset.builder("temps.csv")
 *     .column("temp_max", new double[] {12.8, 10.6, 11.7})
 *     .column("temp_min", new double[] {5.0, 2.8, 7.2})
 *     .build();
 * }</pre>
 */
public final class Dataset {
  private final String source;
  private final Map<String, double[]> columns;
  private final int rows;
  private final long droppedMissing;

  private Dataset(String source, Map<String, double[]> columns, int rows, long droppedMissing) {
    this.source = source;
    this.columns = columns;
    this.rows = rows;
    this.droppedMissing = droppedMissing;
  }

  /** A dataset of one column. */
  public static Dataset of(String column, double... values) {
    return builder("memory").column(column, values).build();
  }

  /** A builder; {@code source} names where the data came from (a file name, say), for messages. */
  public static Builder builder(String source) {
    return new Builder(source);
  }

  /** Where the data came from, as given to the builder. */
  public String source() {
    return source;
  }

  /** The number of rows (observations). */
  public int rows() {
    return rows;
  }

  /** Rows dropped by the reader because a cell was missing (0 when not read from a file). */
  public long droppedMissing() {
    return droppedMissing;
  }

  /** The column names, in the order they were added. */
  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /** True if the dataset has this column. */
  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * A copy of one column's values.
   *
   * @throws InvalidInputException naming the available columns if there is no such column
   */
  public double[] column(String name) {
    requireColumn(name);
    return columns.get(name).clone();
  }

  /**
   * The first row whose value in {@code column} meets {@code test}, or -1: a check of a column's
   * values without the copy {@link #column} makes.
   *
   * @throws InvalidInputException naming the available columns if there is no such column
   */
  public int firstRow(String column, java.util.function.DoublePredicate test) {
    requireColumn(column);
    final double[] v = columns.get(column);
    for (int i = 0; i < v.length; i++) {
      if (test.test(v[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The value of {@code column} in row {@code row} (from 0).
   *
   * @throws InvalidInputException naming the available columns if there is no such column
   * @throws IndexOutOfBoundsException for a row outside the dataset
   */
  public double value(String column, int row) {
    requireColumn(column);
    return columns.get(column)[row];
  }

  private void requireColumn(String name) {
    if (!columns.containsKey(name)) {
      throw new InvalidInputException("unknown column " + org.parboot.Messages.quote(name) + " in "
          + org.parboot.Messages.escape(source) + "; available: " + org.parboot.Messages.list(columns.keySet()));
    }
  }

  @Override
  public String toString() {
    return "Dataset[" + source + ", " + rows + " rows, columns " + columns.keySet() + "]";
  }

  /** Builds a {@link Dataset}; every column must have the same length. */
  public static final class Builder {
    private final String source;
    private final Map<String, double[]> columns = new LinkedHashMap<>();
    private long droppedMissing;

    private Builder(String source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    /** Adds a column (copied). */
    public Builder column(String name, double[] values) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
      if (columns.containsKey(name)) {
        throw new InvalidInputException("column '" + name + "' given twice in " + source);
      }
      columns.put(name, values.clone());
      return this;
    }

    /** Records how many rows the reader dropped for missing cells. */
    public Builder droppedMissing(long count) {
      this.droppedMissing = count;
      return this;
    }

    /** The dataset. */
    public Dataset build() {
      if (columns.isEmpty()) {
        throw new InvalidInputException("no columns in " + source);
      }
      final int rows = columns.values().iterator().next().length;
      if (columns.values().stream().anyMatch(v -> v.length != rows)) {
        final List<String> lengths = new ArrayList<>();
        columns.forEach((name, v) -> lengths.add(name + "=" + v.length));
        throw new InvalidInputException("columns of " + source + " differ in length: " + lengths
            + "; every column must have one value per row");
      }
      return new Dataset(source, Collections.unmodifiableMap(new LinkedHashMap<>(columns)), rows, droppedMissing);
    }
  }
}
