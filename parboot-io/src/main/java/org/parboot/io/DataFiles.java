package org.parboot.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.parboot.data.Dataset;

/**
 * Reads a data file whatever its format: a Parquet file ({@link ParquetColumns}) or CSV text,
 * plain or compressed with gzip or Zstandard ({@link CsvColumns}). The format is told from the
 * file's first bytes ({@code PAR1} for Parquet), whatever its name, so {@code data.csv.gz},
 * {@code data.parquet} and a Parquet file without an extension all read. Both formats apply the
 * same filters, missing policy, groups and labels ({@link CsvOptions}; its delimiter is for CSV
 * only).
 *
 * <pre>{@code
 * Dataset data = DataFiles.read(Path.of("events.parquet"), List.of("latency_ms"), CsvOptions.defaults());
 * }</pre>
 */
public final class DataFiles {
  private DataFiles() {}

  /** True if the file is a Parquet file (it starts with {@code PAR1}); false also when it cannot be read. */
  public static boolean isParquet(Path file) {
    return FileKind.of(file) == FileKind.PARQUET;
  }

  /**
   * Reads the named numeric columns, as {@link CsvColumns#read(Path, List, CsvOptions)} or
   * {@link ParquetColumns#read(Path, List, CsvOptions)}.
   *
   * @throws org.parboot.InvalidInputException if the file cannot be read or its content is not acceptable
   */
  public static Dataset read(Path file, List<String> columns, CsvOptions options) {
    return isParquet(file) ? ParquetColumns.read(file, columns, options) : CsvColumns.read(file, columns, options);
  }

  /**
   * Reads numeric and label columns, as {@link CsvColumns#readWithLabels(Path, List, List, CsvOptions)}.
   *
   * @throws org.parboot.InvalidInputException if the file cannot be read or its content is not acceptable
   */
  public static Dataset readWithLabels(Path file, List<String> columns, List<String> labels, CsvOptions options) {
    return isParquet(file) ? ParquetColumns.readWithLabels(file, columns, labels, options)
        : CsvColumns.readWithLabels(file, columns, labels, options);
  }

  /**
   * Reads numeric columns split by a text column, as {@link CsvColumns#readGrouped(Path, String, List, CsvOptions)}.
   *
   * @throws org.parboot.InvalidInputException if the file cannot be read or its content is not acceptable
   */
  public static Map<String, Dataset> readGrouped(Path file, String groupColumn, List<String> columns, CsvOptions options) {
    return isParquet(file) ? ParquetColumns.readGrouped(file, groupColumn, columns, options)
        : CsvColumns.readGrouped(file, groupColumn, columns, options);
  }
}
