package org.parboot.io;

import dev.hardwood.HardwoodContext;
import dev.hardwood.InputFile;
import dev.hardwood.metadata.LogicalType;
import dev.hardwood.metadata.PhysicalType;
import dev.hardwood.reader.ColumnReader;
import dev.hardwood.reader.ColumnReaders;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.Validity;
import dev.hardwood.schema.ColumnProjection;
import dev.hardwood.schema.ColumnSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.parboot.CancelledException;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.data.Dataset;

/**
 * Reads named columns of a Parquet file into a {@link Dataset}, with the rules of
 * {@link CsvColumns}: the same filters, missing policy, groups and label columns, applied by the
 * same code. The reader is Hardwood (no Hadoop); Snappy, gzip and Zstandard pages are read
 * (Snappy through snappy-java, Zstandard through zstd-jni, gzip through the JDK).
 *
 * <pre>{@code
 * Dataset data = ParquetColumns.read(Path.of("trips.parquet"), List.of("fare"), CsvOptions.defaults());
 * }</pre>
 *
 * <ul>
 *   <li><b>Numbers</b> (the columns statistics read): INT32, INT64 (signed or unsigned), FLOAT,
 *       DOUBLE, and DECIMAL stored as INT32, INT64, FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY, each as
 *       the nearest double (an INT64 beyond 2^53 or a DECIMAL with more than 15 to 17 digits is
 *       rounded). A null or NaN value is missing ({@link MissingPolicy}); an infinite one is
 *       refused. Dates, times, timestamps, booleans and text are refused as numbers.</li>
 *   <li><b>Text</b> (filters, groups, labels): BYTE_ARRAY columns holding UTF-8 (the STRING or
 *       ENUM logical type, or none), compared after stripping blanks as in CSV; a null cell is
 *       the empty text, as an empty CSV cell is.</li>
 *   <li>Only top-level, non-repeated columns are read. Only the columns a read needs are read
 *       from the file (column projection).</li>
 * </ul>
 *
 * <p>Every problem is an {@link InvalidInputException} whose one-line message names the file, the
 * column, its physical type and what is accepted, and for a value its row (1-based). Rows are
 * counted from the start of the file, across row groups. Cancellation: an interrupted reading
 * thread stops between batches with {@link CancelledException}.
 */
public final class ParquetColumns {
  /** The numbers a statistic column may hold, for messages. */
  static final String NUMBER_TYPES = "INT32, INT64, FLOAT, DOUBLE or DECIMAL";
  /** The text a filter, group or label column may hold, for messages. */
  static final String TEXT_TYPES = "a string column (BYTE_ARRAY, UTF-8)";

  private ParquetColumns() {}

  /**
   * Reads the named numeric columns, in the given order.
   *
   * @throws InvalidInputException if the file cannot be read or its content is not acceptable
   */
  public static Dataset read(Path file, List<String> columns, CsvOptions options) {
    return load(file, new ColumnLoader(String.valueOf(file), columns, options)).build();
  }

  /**
   * Reads the named numeric columns and label columns (as label codes, see
   * {@link CsvColumns#readWithLabels(Path, List, List, CsvOptions)}).
   *
   * @throws InvalidInputException if the file cannot be read or its content is not acceptable
   */
  public static Dataset readWithLabels(Path file, List<String> columns, List<String> labels, CsvOptions options) {
    return load(file, new ColumnLoader(String.valueOf(file), columns, labels, options)).build();
  }

  /**
   * Reads the named numeric columns split by the text column {@code groupColumn}, as
   * {@link CsvColumns#readGrouped(Path, String, List, CsvOptions)}.
   *
   * @throws InvalidInputException as {@link #read}, and if the group column is unknown or not text
   */
  public static Map<String, Dataset> readGrouped(Path file, String groupColumn, List<String> columns, CsvOptions options) {
    Objects.requireNonNull(groupColumn, "groupColumn");
    return load(file, new ColumnLoader(String.valueOf(file), columns, options, groupColumn)).buildGrouped();
  }

  private static ColumnLoader load(Path file, ColumnLoader loader) {
    Objects.requireNonNull(file, "file");
    final String shown = Messages.escape(file.toString());
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(shown + ": is a directory; accepted: a Parquet file");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidInputException(shown + ": cannot open the file (" + (Files.exists(file) ? "permission denied"
          : "no such file") + ")");
    }
    try (HardwoodContext context = HardwoodContext.create();
        ParquetFileReader reader = ParquetFileReader.open(InputFile.of(file), context)) {
      final List<ColumnSchema> schema = reader.getFileSchema().getColumns();
      final List<String> names = schema.stream().map(c -> c.fieldPath().toString()).toList();
      final List<ColumnLoader.Need> needs = loader.header(names, 0);
      final Set<String> projected = new LinkedHashSet<>();
      for (ColumnLoader.Need need : needs) {
        check(shown, schema.get(need.field()), need);
        projected.add(names.get(need.field()));
      }
      final ParquetRow row = new ParquetRow(shown, schema, needs);
      try (ColumnReaders batches = reader.buildColumnReaders(ColumnProjection.columns(projected.toArray(String[]::new)))
          .build()) {
        while (batches.nextBatch()) {
          if (Thread.currentThread().isInterrupted()) {
            throw new CancelledException("reading " + file + " was interrupted after row " + row.row, false);
          }
          row.batch(batches);
          final int n = batches.getRecordCount();
          for (int i = 0; i < n; i++) {
            row.index = i;
            row.row++;
            loader.row(row);
          }
        }
      }
      return loader;
    } catch (IOException e) {
      throw new InvalidInputException(shown + ": cannot read the Parquet file (" + Messages.reason(e) + ")", e);
    } catch (UncheckedIOException e) {
      throw new InvalidInputException(shown + ": cannot read the Parquet file (" + Messages.reason(e.getCause()) + ")", e);
    } catch (InvalidInputException | CancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      // Hardwood's own errors (a corrupt file, an unsupported encoding or codec)
      throw new InvalidInputException(shown + ": cannot read the Parquet file (" + Messages.escape(String.valueOf(
          e.getMessage())) + "); accepted: a Parquet file with uncompressed, Snappy, gzip or zstd pages", e);
    }
  }

  /** Refuses a column whose type cannot serve the need, naming the file, column and type. */
  private static void check(String shown, ColumnSchema c, ColumnLoader.Need need) {
    final String what = shown + ": " + need.role() + " " + Messages.quote(need.name()) + " is ";
    if (c.maxRepetitionLevel() > 0 || c.fieldPath().elements().size() > 1) {
      throw new InvalidInputException(what + "nested or repeated (" + c.type() + " in a list, map or struct); accepted: "
          + "a top-level column");
    }
    if (need.number() && !isNumber(c)) {
      throw new InvalidInputException(what + typeName(c) + "; accepted for statistics: a number column (" + NUMBER_TYPES + ")");
    }
    if (!need.number() && !isText(c)) {
      throw new InvalidInputException(what + typeName(c) + "; accepted: " + TEXT_TYPES);
    }
  }

  private static boolean isNumber(ColumnSchema c) {
    final LogicalType t = c.logicalType();
    return switch (c.type()) {
      case INT32, INT64 -> t == null || t instanceof LogicalType.IntType || t instanceof LogicalType.DecimalType;
      case FLOAT, DOUBLE -> t == null;
      case FIXED_LEN_BYTE_ARRAY, BYTE_ARRAY -> t instanceof LogicalType.DecimalType;
      default -> false;
    };
  }

  private static boolean isText(ColumnSchema c) {
    final LogicalType t = c.logicalType();
    return c.type() == PhysicalType.BYTE_ARRAY
        && (t == null || t instanceof LogicalType.StringType || t instanceof LogicalType.EnumType);
  }

  /** The physical type, and the logical one if any: {@code INT64 (TIMESTAMP(...))}. */
  private static String typeName(ColumnSchema c) {
    return c.type() + (c.logicalType() == null ? "" : " (" + c.logicalType() + ")");
  }

  /**
   * The current row of the current batch as a {@link ColumnLoader.Row}: each needed field's
   * values converted to doubles (numbers) or kept as strings (text), batch by batch.
   */
  private static final class ParquetRow implements ColumnLoader.Row {
    private final String shown;
    private final List<ColumnSchema> schema;
    private final List<ColumnLoader.Need> needs;
    private final double[][] numbers;   // by field: the batch's values as doubles (null: not a number field)
    private final String[][] texts;     // by field: the batch's strings (null: not a text field)
    private final Validity[] validity;  // by field: which values of the batch are null
    int index;
    long row;

    ParquetRow(String shown, List<ColumnSchema> schema, List<ColumnLoader.Need> needs) {
      this.shown = shown;
      this.schema = schema;
      this.needs = needs;
      this.numbers = new double[schema.size()][];
      this.texts = new String[schema.size()][];
      this.validity = new Validity[schema.size()];
    }

    void batch(ColumnReaders batches) {
      final int n = batches.getRecordCount();
      for (ColumnLoader.Need need : needs) {
        final int f = need.field();
        final ColumnSchema c = schema.get(f);
        final ColumnReader r = batches.getColumnReader(c.fieldPath().toString());
        validity[f] = r.getLeafValidity();
        if (need.number()) {
          numbers[f] = toDoubles(r, c, n, numbers[f]);
        } else {
          texts[f] = r.getStrings();
        }
      }
    }

    @Override
    public String at() {
      return ": row " + row;
    }

    @Override
    public String text(int field) {
      if (validity[field].hasNulls() && validity[field].isNull(index)) {
        return "";
      }
      return texts[field][index];
    }

    @Override
    public double number(int field, String column) {
      if (validity[field].hasNulls() && validity[field].isNull(index)) {
        return Double.NaN;
      }
      final double v = numbers[field][index];
      if (Double.isInfinite(v)) {
        throw new InvalidInputException(shown + at() + ": column " + Messages.quote(column) + ": " + v
            + " is a non-finite value; accepted: a finite number, or null (a missing value)");
      }
      return v;
    }

    @Override
    public String missingCell(int field) {
      return validity[field].hasNulls() && validity[field].isNull(index) ? "null" : "NaN";
    }

    @Override
    public String acceptedInstead() {
      return "a number that is not null or NaN";
    }
  }

  /** The batch's values of a number column as doubles (a reused array when it is large enough). */
  static double[] toDoubles(ColumnReader r, ColumnSchema c, int n, double[] reuse) {
    if (c.type() == PhysicalType.DOUBLE) {
      return r.getDoubles();
    }
    final double[] out = reuse != null && reuse.length >= n ? reuse : new double[n];
    final LogicalType t = c.logicalType();
    final int scale = t instanceof LogicalType.DecimalType d ? d.scale() : 0;
    final boolean unsigned = t instanceof LogicalType.IntType i && !i.isSigned();
    switch (c.type()) {
      case FLOAT -> {
        final float[] v = r.getFloats();
        for (int i = 0; i < n; i++) {
          out[i] = v[i];
        }
      }
      case INT32 -> {
        final int[] v = r.getInts();
        for (int i = 0; i < n; i++) {
          out[i] = decimal(unsigned ? Integer.toUnsignedLong(v[i]) : v[i], scale);
        }
      }
      case INT64 -> {
        final long[] v = r.getLongs();
        for (int i = 0; i < n; i++) {
          out[i] = unsigned ? unsignedToDouble(v[i]) : decimal(v[i], scale);
        }
      }
      case FIXED_LEN_BYTE_ARRAY, BYTE_ARRAY -> {
        final byte[][] v = r.getBinaries();
        for (int i = 0; i < n; i++) {
          out[i] = v[i] == null || v[i].length == 0 ? 0 : new BigDecimal(new BigInteger(v[i]), scale).doubleValue();
        }
      }
      default -> throw new IllegalStateException("not a number column: " + c.type());
    }
    return out;
  }

  private static final double[] POW10 = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
      1e19, 1e20, 1e21, 1e22};

  /**
   * unscaled / 10^scale, correctly rounded: with |unscaled| <= 2^53 and scale <= 22 both are exact
   * doubles and one division rounds once (as {@link Cells#plainDecimal}); otherwise through
   * BigDecimal.
   */
  static double decimal(long unscaled, int scale) {
    if (scale == 0) {
      return unscaled;
    }
    if (Math.abs(unscaled) <= (1L << 53) && scale > 0 && scale < POW10.length) {
      return unscaled / POW10[scale];
    }
    return BigDecimal.valueOf(unscaled, scale).doubleValue();
  }

  private static double unsignedToDouble(long v) {
    return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
  }
}
