package org.parboot.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.io.CsvOptions;
import org.parboot.io.RowFilter;

/**
 * The rows a Spark run bootstraps, and how they are numbered: a row's position decides its
 * Poisson counts, so it must not depend on how the rows are split.
 *
 * <ul>
 *   <li>{@link #files}: CSV or Parquet files read by Spark. Rows are numbered in the order of the
 *       files' paths (sorted as text), then in file order, from Spark's file metadata (the path
 *       and the first byte of each split), so any split size gives the same numbers. CSV is read
 *       as text and parsed as the core parses it (RFC 4180 quotes, a header row, the core's
 *       numbers and missing markers).</li>
 *   <li>{@link #of}: any Dataset, numbered in its own order: partitions in order, rows in
 *       partition order. The Dataset must give the same partitions each time it is computed (read
 *       it from files, or persist it).</li>
 * </ul>
 * The {@code --where} filters and the missing-value policy of {@link CsvOptions} apply to both; the
 * delimiter applies to CSV.
 */
public final class SparkInput {
  private final Dataset<Row> frame;
  private final boolean files;
  private final boolean text;
  private final String source;
  private final String name;
  private final CsvOptions options;

  private SparkInput(Dataset<Row> frame, boolean files, boolean text, String source, String name, CsvOptions options) {
    this.frame = frame;
    this.files = files;
    this.text = text;
    this.source = source;
    this.name = name;
    this.options = options;
  }

  /**
   * The same input under another name: the name results give it as its file, and the file of
   * every group's seed ({@link org.parboot.rng.Seeds#group}); the command line gives a single
   * FILE's last path component, as a local run does.
   */
  public SparkInput named(String name) {
    return new SparkInput(frame, files, text, source, name, options);
  }

  /** Its name in results and group seeds (by default the paths as given, comma-separated). */
  public String name() {
    return name;
  }

  /**
   * CSV or Parquet files, by their names: Parquet when every path ends in {@code .parquet} or
   * {@code .parq} (a file, or a directory of part files as Spark writes them), else CSV.
   *
   * @param paths files, directories or globs, in any file system Spark reads
   */
  public static SparkInput files(SparkSession spark, List<String> paths, CsvOptions options) {
    final boolean parquet = !paths.isEmpty() && paths.stream().allMatch(SparkInput::isParquet);
    return parquet ? parquet(spark, paths, options) : csv(spark, paths, options);
  }

  /** Whether a path names Parquet data. */
  static boolean isParquet(String path) {
    final String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    return p.endsWith(".parquet") || p.endsWith(".parq");
  }

  /** CSV files with a header row. */
  public static SparkInput csv(SparkSession spark, List<String> paths, CsvOptions options) {
    final Dataset<Row> df = spark.read().format("csv")
        .option("header", "true")
        .option("inferSchema", "false")
        .option("sep", String.valueOf(options.delimiter()))
        .option("quote", "\"")
        .option("escape", "\"")
        .option("mode", "PERMISSIVE")
        .load(paths.toArray(String[]::new));
    return new SparkInput(df, true, true, String.join(", ", paths), String.join(", ", paths), options);
  }

  /** Parquet files. */
  public static SparkInput parquet(SparkSession spark, List<String> paths, CsvOptions options) {
    final Dataset<Row> df = spark.read().parquet(paths.toArray(String[]::new));
    return new SparkInput(df, true, false, String.join(", ", paths), String.join(", ", paths), options);
  }

  /** Any Dataset, numbered in its own order (see the class documentation). */
  public static SparkInput of(Dataset<Row> rows, String source, CsvOptions options) {
    return new SparkInput(rows, false, false, source, source, options);
  }

  /** A name for the input in results and messages. */
  public String source() {
    return source;
  }

  SparkSession spark() {
    return frame.sparkSession();
  }

  /** The rows to read for these value columns, and their reader (no groups). */
  Selected select(List<String> columns) {
    return select(columns, null);
  }

  /** The rows to read for these value columns, grouped by {@code group} (null: not grouped), and their reader. */
  Selected select(List<String> columns, String group) {
    final List<String> available = Arrays.asList(frame.columns());
    final List<RowFilter> filters = options.where();
    final Set<String> needed = new LinkedHashSet<>(columns);
    filters.forEach(f -> needed.add(f.column()));
    if (group != null) {
      if (!available.contains(group)) {
        throw new InvalidInputException("unknown group column " + Messages.quote(group) + " in " + Messages.escape(source)
            + "; available: " + Messages.list(available));
      }
    }
    for (String c : needed) {
      if (!available.contains(c)) {
        throw new InvalidInputException("unknown column " + Messages.quote(c) + " in " + Messages.escape(source)
            + "; available: " + Messages.list(available));
      }
    }
    final List<Column> select = new ArrayList<>();
    if (files) {
      select.add(functions.col("_metadata.file_path"));
      select.add(functions.col("_metadata.file_block_start"));
    }
    columns.forEach(c -> select.add(column(c)));
    filters.forEach(f -> select.add(column(f.column())));
    if (group != null) {
      select.add(column(group));
    }
    final RowReader reader = new RowReader(columns, files ? RowSource.FILE_FIELDS : 0, filters, options.missing(),
        group != null);
    return new Selected(frame.select(select.toArray(Column[]::new)), new RowSource(files, text, reader));
  }

  private Column column(String name) {
    return frame.col("`" + name.replace("`", "``") + "`");
  }

  /** The selected rows and how to read them. */
  record Selected(Dataset<Row> rows, RowSource source) {
    Selected {
      Objects.requireNonNull(rows);
      Objects.requireNonNull(source);
    }
  }
}
