package org.parboot.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.parboot.data.Dataset;

/**
 * The dataset that ships with parboot: daily weather for Seattle and New York, 2012 to 2015
 * (2,922 rows, 1,461 per city; NOAA records via vega-datasets, see weather-PROVENANCE.md).
 * Columns: {@code location}, {@code date}, {@code precipitation} (mm), {@code temp_max} and
 * {@code temp_min} (°C), {@code wind} (m/s), {@code weather} (a label such as {@code rain}).
 *
 * <pre>{@code
 * Dataset seattle = BundledData.weather(List.of("temp_max"),
 *     new CsvOptions(',', MissingPolicy.DROP, List.of(new RowFilter("location", "Seattle"))));
 * }</pre>
 */
public final class BundledData {
  /** The source name of datasets read from the bundled file, as results and messages show it. */
  public static final String SOURCE = "weather.csv (bundled)";

  private static final String RESOURCE = "weather.csv";

  private BundledData() {}

  /**
   * Reads columns of the bundled weather data, as {@link CsvColumns#read(Reader, String, List, CsvOptions)}.
   *
   * @throws org.parboot.InvalidInputException for unknown columns or filters that match nothing
   */
  public static Dataset weather(List<String> columns, CsvOptions options) {
    return withReader(reader -> CsvColumns.read(reader, SOURCE, columns, options));
  }

  /**
   * Reads numeric and label columns of the bundled weather data, as
   * {@link CsvColumns#readWithLabels(Reader, String, List, List, CsvOptions)}.
   *
   * @throws org.parboot.InvalidInputException for unknown columns or filters that match nothing
   */
  public static Dataset weatherWithLabels(List<String> columns, List<String> labels, CsvOptions options) {
    return withReader(reader -> CsvColumns.readWithLabels(reader, SOURCE, columns, labels, options));
  }

  /** The bundled data split by a text column, as {@link CsvColumns#readGrouped(Reader, String, String, List, CsvOptions)}. */
  public static Map<String, Dataset> weatherGrouped(String groupColumn, List<String> columns, CsvOptions options) {
    return withReader(reader -> CsvColumns.readGrouped(reader, SOURCE, groupColumn, columns, options));
  }

  /**
   * Writes the bundled CSV to {@code file} as it is, for engines that read files themselves (the
   * Spark engine).
   */
  public static void copyTo(java.nio.file.Path file) throws IOException {
    try (InputStream in = BundledData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the parboot-io jar (a packaging error)");
      }
      java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static <T> T withReader(Function<Reader, T> read) {
    final InputStream in = BundledData.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the parboot-io jar (a packaging error)");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read.apply(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
