package org.parboot.io;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parboot.CancelledException;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;
import org.parboot.Messages;

/**
 * Reads named numeric columns of a CSV file into a {@link Dataset}.
 *
 * <pre>{@code
 * Dataset data = CsvColumns.read(Path.of("weather.csv"), List.of("temp_max", "temp_min"),
 *     new CsvOptions(',', MissingPolicy.DROP, List.of(RowFilter.parse("location=Seattle"))));
 * }</pre>
 *
 * <p>A file (or stream) compressed with gzip or Zstandard is decompressed first: its first bytes
 * (magic number) say so, whatever its name. Parquet files are read by {@link ParquetColumns}, and
 * {@link DataFiles} chooses between the two.
 *
 * <p>The format: UTF-8 text (a leading byte order mark is dropped before parsing, so the first
 * header name may be quoted, as PowerShell's {@code Export-Csv} writes it), a header row naming
 * the columns, then one row per observation with as many fields as the header; fields that
 * contain the delimiter, a quote or a line break are in double quotes, with quotes inside
 * doubled (RFC 4180); lines end in LF or CRLF; blank lines are skipped. Header names are
 * compared after stripping blanks.
 *
 * <p>Only the requested columns are parsed, as numbers (see {@link MissingPolicy} for missing
 * cells): an optional sign, decimal digits with an optional point, an optional exponent, blanks
 * around ignored. Anything else, including {@code 1,5}, {@code 0x10}, {@code 1d} and non-finite
 * values such as {@code Infinity} or {@code 1e999}, is refused. Other columns are not looked at,
 * except the ones {@link RowFilter}s compare as text.
 *
 * <p>Every problem with the input is an {@link InvalidInputException} whose one-line message names
 * the file (as given), the 1-based line where the offending record starts, the column, the value
 * and what would be accepted. The file is streamed: memory is the parsed columns (8 bytes per
 * value, kept in growing primitive arrays) plus a small buffer.
 *
 * <p>Cancellation: a reading thread that is interrupted stops within about a thousand records
 * with {@link CancelledException} (file reads themselves are not interruptible in the JDK).
 */
public final class CsvColumns {
  /** The reader looks at its thread's interrupt every 1,024 records. */
  private static final int INTERRUPT_CHECK_MASK = 1023;
  private static final Pattern FASTCSV_LINE = Pattern.compile("\\s*\\(record starting at line (\\d+)\\)");

  private CsvColumns() {}

  /**
   * Reads the named numeric columns (in the given order) of a CSV file with a header row.
   *
   * @throws InvalidInputException if the file cannot be read or its content is not acceptable
   */
  public static Dataset read(Path file, List<String> columns, CsvOptions options) {
    return load(file, new ColumnLoader(String.valueOf(file), columns, options)).build();
  }

  /**
   * Reads the named numeric columns and, after them, the named label (text) columns of a CSV
   * file. A label column is stored in the dataset under its name as label codes: 0 for the first
   * distinct label (compared after stripping blanks) among the rows kept, 1 for the next, in
   * order of first appearance. Label cells are never missing (an empty cell is a label too).
   * This is how {@code --strata COLUMN} reads a column such as {@code location}.
   *
   * <pre>{@code
   * Dataset data = CsvColumns.readWithLabels(Path.of("weather.csv"), List.of("temp_max"),
   *     List.of("location"), CsvOptions.defaults());   // location: 0 = Seattle, 1 = New York
   * }</pre>
   *
   * @throws InvalidInputException if the file cannot be read or its content is not acceptable
   */
  public static Dataset readWithLabels(Path file, List<String> columns, List<String> labels, CsvOptions options) {
    return load(file, new ColumnLoader(String.valueOf(file), columns, labels, options)).build();
  }

  /**
   * Reads the named numeric columns of a CSV file split by the text column {@code groupColumn}:
   * one dataset per distinct value (blanks around it stripped), in order of first appearance.
   * Filters and the missing policy apply as in {@link #read(Path, List, CsvOptions)}; a row is
   * kept or dropped before it joins its group, and each group's dataset reports 0 dropped rows.
   *
   * @throws InvalidInputException as {@link #read(Path, List, CsvOptions)}, and if the group column is unknown
   */
  public static Map<String, Dataset> readGrouped(Path file, String groupColumn, List<String> columns,
      CsvOptions options) {
    Objects.requireNonNull(groupColumn, "groupColumn");
    return load(file, new ColumnLoader(String.valueOf(file), columns, options, groupColumn)).buildGrouped();
  }

  /** {@link #readGrouped(Path, String, List, CsvOptions)} from CSV text; the caller closes the reader. */
  public static Map<String, Dataset> readGrouped(Reader reader, String sourceName, String groupColumn,
      List<String> columns, CsvOptions options) {
    Objects.requireNonNull(groupColumn, "groupColumn");
    return load(reader, sourceName, new ColumnLoader(sourceName, columns, options, groupColumn)).buildGrouped();
  }

  private static ColumnLoader load(Path file, ColumnLoader loader) {
    Objects.requireNonNull(file, "file");
    final String source = Messages.escape(file.toString());
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(source + ": is a directory; accepted: a CSV file");
    }
    final InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new InvalidInputException(source + ": cannot open the file (" + Messages.reason(e) + ")", e);
    }
    final Reader text;
    try {
      text = CsvText.reader(in, source);
    } catch (IOException e) {
      closeQuietly(in);
      throw unreadable(String.valueOf(file), 0, e);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
    try (Reader reader = text) {
      return load(reader, source, loader);
    } catch (IOException e) {
      throw new InvalidInputException(source + ": cannot close the file (" + Messages.reason(e) + ")", e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // the error being reported says more
    }
  }

  /**
   * The CSV text of a stream, as the methods that read a {@link Path} see it: decompressed when
   * its first bytes say gzip or Zstandard, decoded as strict UTF-8. For standard input and other
   * streams; closing the reader closes the stream.
   *
   * @throws InvalidInputException if the stream holds a format that is not CSV text (Parquet, bzip2,
   *     xz, zip), or cannot be read
   */
  public static Reader textOf(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    try {
      return CsvText.readerOf(in, sourceName);
    } catch (IOException e) {
      throw unreadable(sourceName, 0, e);
    }
  }

  /**
   * Reads the named numeric columns from CSV text; {@code sourceName} names it in messages and
   * in the dataset. The caller closes the reader.
   *
   * @throws InvalidInputException if the text cannot be read or is not acceptable
   */
  public static Dataset read(Reader reader, String sourceName, List<String> columns, CsvOptions options) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(options, "options");
    return load(reader, sourceName, new ColumnLoader(sourceName, columns, options)).build();
  }

  /**
   * Reads numeric and label columns from CSV text, as {@link #readWithLabels(Path, List, List, CsvOptions)}.
   * The caller closes the reader.
   *
   * @throws InvalidInputException if the text cannot be read or is not acceptable
   */
  public static Dataset readWithLabels(Reader reader, String sourceName, List<String> columns, List<String> labels,
      CsvOptions options) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(options, "options");
    return load(reader, sourceName, new ColumnLoader(sourceName, columns, labels, options)).build();
  }

  private static ColumnLoader load(Reader reader, String sourceName, ColumnLoader loader) {
    Objects.requireNonNull(reader, "reader");
    final Reader text;
    try {
      text = withoutByteOrderMark(reader);
    } catch (IOException e) {
      throw unreadable(sourceName, 0, e);
    }
    final CsvOptions options = loader.options();
    final FieldPicker picker = new FieldPicker();
    final CsvReader<FieldPicker> csv = CsvReader.builder()
        .fieldSeparator(options.delimiter())
        .commentStrategy(CommentStrategy.NONE)
        .skipEmptyLines(true)
        .allowUnclosedQuote(false)
        // field counts are checked by the loader, whose message names the line and both counts
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .build(picker, text);
    long line = 0;
    long count = 0;
    try (CloseableIterator<FieldPicker> records = csv.iterator()) {
      while (records.hasNext()) {
        final FieldPicker record = records.next();
        line = record.line();
        loader.accept(record);
        if ((++count & INTERRUPT_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
          throw new CancelledException("reading " + sourceName + " was interrupted after line " + line, false);
        }
      }
    } catch (CsvParseException e) {
      throw malformed(sourceName, line, e);
    } catch (UncheckedIOException e) {
      throw unreadable(sourceName, line, e.getCause());
    } catch (IOException e) {
      throw unreadable(sourceName, line, e);
    }
    return loader;
  }

  /**
   * The text without its leading byte order mark (U+FEFF), if it has one, so that the parser sees
   * a quoted first header name as quoted. This is done here, on characters, for files and readers
   * alike: FastCSV's own {@code detectBomHeader} works only on an {@link InputStream}, which it
   * decodes with a replacing (not a strict) decoder, so malformed UTF-8 would no longer be reported.
   */
  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    final PushbackReader in = new PushbackReader(reader, 1);
    final int first = in.read();
    if (first >= 0 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }

  private static InvalidInputException malformed(String sourceName, long lastLine, CsvParseException e) {
    final String source = Messages.escape(sourceName);
    String detail = String.valueOf(e.getMessage());
    String at = ":" + (lastLine + 1);
    final Matcher m = FASTCSV_LINE.matcher(detail);
    if (m.find()) {
      at = ":" + m.group(1);
      detail = m.replaceFirst("");
    }
    return new InvalidInputException(source + at + ": malformed CSV: " + Messages.escape(detail.replace('\n', ' '))
        + "; accepted: RFC 4180 CSV (fields with the delimiter, quotes or line breaks in double quotes, quotes inside doubled)",
        e);
  }

  private static InvalidInputException unreadable(String sourceName, long lastLine, IOException e) {
    final String source = Messages.escape(sourceName);
    final String after = lastLine > 0 ? " after line " + lastLine : "";
    if (e instanceof CharacterCodingException) {
      return new InvalidInputException(source + ": not UTF-8 text" + after
          + "; accepted: UTF-8 (with or without a byte order mark); convert it, e.g. iconv -f latin1 -t utf-8", e);
    }
    return new InvalidInputException(source + ": cannot read the file" + after + " (" + Messages.reason(e) + ")", e);
  }
}
