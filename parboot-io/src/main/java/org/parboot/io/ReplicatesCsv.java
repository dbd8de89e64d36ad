package org.parboot.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
import org.parboot.PermutationResult;
import org.parboot.SavedReplicates;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.parboot.StatisticResult;
import org.parboot.Messages;

/**
 * Writes the bootstrap distributions as CSV: a header of statistic labels, then one row per
 * resample in resample order, one column per statistic, values in shortest round-trip form
 * ({@link Double#toString}: {@code NaN}, {@code Infinity} as Java spells them). Streamed, so B
 * can be in the tens of millions; written atomically through {@link AtomicFiles}.
 *
 * <p>The header labels are text cells from the data (they hold column names): with
 * {@link CsvFormulaGuard#ON}, the default, a label that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '} so that a spreadsheet
 * does not run it as a formula (see {@link CsvFormulaGuard}); the values are numbers and are
 * never changed.
 *
 * <p>A single run's file starts with a comment line, {@code # parboot replicates {...}}: compact
 * JSON of the run's {@link org.parboot.Fingerprint} (data digest and rows, statistics, scheme,
 * seed, streams, layout, weights), the observed values and B. {@link #read} reads it back, so a
 * later run can extend the replicates ({@code --extend}) or summarise them again ({@code parboot
 * ci}). Readers skip it as a comment: {@code pandas.read_csv(f, comment='#')},
 * {@code numpy.genfromtxt(f, delimiter=',', names=True)}, R's {@code read.csv(f, comment.char='#')}.
 */
public final class ReplicatesCsv {
  private ReplicatesCsv() {}

  /**
   * Writes the replicates of every statistic of {@code result} to {@code file}, with
   * {@link CsvFormulaGuard#ON}.
   *
   * @throws InvalidInputException naming the file if it cannot be written (the old file, if
   *     any, is left as it was)
   */
  public static void write(Path file, BootstrapResult result) {
    write(file, result, CsvFormulaGuard.ON);
  }

  /**
   * Writes the replicates of every statistic of {@code result} to {@code file}, the header labels
   * through {@code guard}.
   *
   * @throws InvalidInputException naming the file if it cannot be written (the old file, if
   *     any, is left as it was)
   */
  public static void write(Path file, BootstrapResult result, CsvFormulaGuard guard) {
    write(OutputSink.immediate(), file, result, guard);
  }

  /**
   * Writes the replicates as {@link #write(Path, BootstrapResult, CsvFormulaGuard)} does, through
   * {@code sink} (staged with a command's other outputs, say).
   *
   * @throws InvalidInputException naming the file if it cannot be written
   */
  public static void write(OutputSink sink, Path file, BootstrapResult result, CsvFormulaGuard guard) {
    final List<StatisticResult> stats = result.statistics();
    write(sink, file, stats.stream().map(StatisticResult::label).toList(),
        stats.isEmpty() ? 0 : stats.get(0).resamples(), (s, i) -> stats.get(s).replicate(i), guard, "replicates",
        result.fingerprint() == null ? null : fingerprintLine(result));
  }

  /** The first line's start: a comment that CSV readers skip ({@code comment='#'}) and {@link #read} parses. */
  public static final String MARK = "# parboot replicates ";

  /** The first line: {@link #MARK}, then the fingerprint, the observed values and B as compact JSON. */
  private static String fingerprintLine(BootstrapResult result) {
    final org.parboot.Fingerprint f = result.fingerprint();
    final JsonObject o = new JsonObject();
    o.addProperty("format", 1);
    o.addProperty("data", f.data());
    o.addProperty("rows", f.rows());
    final JsonArray labels = new JsonArray();
    f.statistics().forEach(labels::add);
    o.add("statistics", labels);
    final JsonArray columns = new JsonArray();
    for (org.parboot.StatisticResult s : result.statistics()) {
      final JsonArray c = new JsonArray();
      s.statistic().columns().forEach(c::add);
      columns.add(c);
    }
    o.add("columns", columns);
    o.addProperty("scheme", f.scheme());
    o.addProperty("seed", f.seed());
    o.addProperty("rng", f.rng());
    o.addProperty("layout", f.layout());
    o.addProperty("weights", f.weights());
    final JsonArray observed = new JsonArray();
    result.statistics().forEach(s -> observed.add(JsonReport.number(s.observed())));
    o.add("observed", observed);
    o.addProperty("resamples", result.options().resamples());
    o.addProperty("source", result.source());
    return MARK + COMPACT.toJson(o);
  }

  private static final com.google.gson.Gson COMPACT = new com.google.gson.GsonBuilder().serializeNulls()
      .disableHtmlEscaping().create();

  /**
   * Reads replicates written by a single run ({@link #write(OutputSink, Path, BootstrapResult,
   * CsvFormulaGuard)}): the fingerprint line, the header, and one row per resample.
   *
   * @throws InvalidInputException naming the file and line: no fingerprint line (a file from
   *     another program, a batch, a comparison), a row of the wrong width, a cell that is not a number
   */
  public static SavedReplicates read(Path file) {
    final String shown = Messages.escape(file.toString());
    try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      final String first = in.readLine();
      if (first == null || !first.startsWith(MARK)) {
        throw new InvalidInputException(shown + ": line 1 is not parboot's replicates fingerprint; accepted: a file "
            + "written by parboot run --replicates for one data set (its first line starts with '" + MARK.strip() + "')");
      }
      final JsonObject o;
      try {
        o = JsonParser.parseString(first.substring(MARK.length())).getAsJsonObject();
      } catch (RuntimeException e) {
        throw new InvalidInputException(shown + ": line 1: the fingerprint is not valid JSON (" + e.getMessage() + ")", e);
      }
      final org.parboot.Fingerprint f;
      final double[] observed;
      final List<List<String>> statisticColumns = new java.util.ArrayList<>();
      try {
        for (com.google.gson.JsonElement c : o.getAsJsonArray("columns")) {
          final List<String> cs = new java.util.ArrayList<>();
          c.getAsJsonArray().forEach(e -> cs.add(e.getAsString()));
          statisticColumns.add(cs);
        }
        final List<String> labels = new java.util.ArrayList<>();
        o.getAsJsonArray("statistics").forEach(e -> labels.add(e.getAsString()));
        f = new org.parboot.Fingerprint(o.get("data").getAsString(), o.get("rows").getAsInt(), labels,
            o.get("scheme").getAsString(), o.get("seed").getAsLong(), o.get("rng").getAsString(),
            o.get("layout").getAsString(), o.get("weights").getAsString());
        final JsonArray obs = o.getAsJsonArray("observed");
        observed = new double[obs.size()];
        for (int s = 0; s < observed.length; s++) {
          observed[s] = obs.get(s).isJsonNull() ? Double.NaN : obs.get(s).getAsDouble();
        }
      } catch (RuntimeException e) {
        throw new InvalidInputException(shown + ": line 1: the fingerprint lacks a member or has one of the wrong kind ("
            + e.getMessage() + ")", e);
      }
      final int k = f.statistics().size();
      final int expected = o.has("resamples") ? o.get("resamples").getAsInt() : 16;
      final GrowingDoubles[] columns = new GrowingDoubles[k];
      for (int s = 0; s < k; s++) {
        columns[s] = new GrowingDoubles();
      }
      int line = 1;
      boolean header = true;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        if (header) {
          header = false;
          continue; // the labels, as the fingerprint has them
        }
        if (text.isEmpty()) {
          continue;
        }
        final String[] cells = text.split(",", -1);
        if (cells.length != k) {
          throw new InvalidInputException(shown + ": line " + line + " has " + cells.length + " cells; accepted: " + k
              + ", one per statistic");
        }
        for (int s = 0; s < k; s++) {
          try {
            columns[s].add(Double.parseDouble(cells[s]));
          } catch (NumberFormatException e) {
            throw new InvalidInputException(shown + ": line " + line + ", column " + (s + 1) + ": "
                + Messages.quote(cells[s]) + " is not a number; accepted: a replicate's value", e);
          }
        }
      }
      final double[][] replicates = new double[k][];
      for (int s = 0; s < k; s++) {
        replicates[s] = columns[s].toArray();
      }
      if (k > 0 && replicates[0].length < 2) {
        throw new InvalidInputException(shown + ": " + replicates[0].length + " replicates; accepted: at least 2");
      }
      if (k > 0 && replicates[0].length != expected) {
        throw new InvalidInputException(shown + ": " + replicates[0].length + " rows of replicates, but the fingerprint "
            + "says " + expected + "; accepted: the file as parboot wrote it");
      }
      if (statisticColumns.size() != k || observed.length != k) {
        throw new InvalidInputException(shown + ": line 1: the fingerprint names " + k + " statistics but has "
            + statisticColumns.size() + " column lists and " + observed.length + " observed values");
      }
      return new SavedReplicates(f, observed, replicates, statisticColumns);
    } catch (java.io.IOException e) {
      throw new InvalidInputException(shown + ": cannot read the replicates (" + Messages.reason(e) + ")", e);
    }
  }

  /**
   * Writes a permutation test's null distributions as the replicates are written: a header of
   * statistic labels, then one row per permutation in permutation order.
   *
   * @throws InvalidInputException naming the file if it cannot be written
   */
  public static void write(OutputSink sink, Path file, PermutationResult test, CsvFormulaGuard guard) {
    final List<PermutationResult.Test> tests = test.tests();
    write(sink, file, tests.stream().map(PermutationResult.Test::label).toList(), test.permutations(),
        (s, i) -> tests.get(s).nullValue(i), guard, "null distribution", null);
  }

  /** Value {@code i} of column {@code s}. */
  private interface Values {
    double get(int s, int i);
  }

  private static void write(OutputSink sink, Path file, List<String> labels, int rows, Values values,
      CsvFormulaGuard guard, String what, String firstLine) {
    Objects.requireNonNull(guard, "guard");
    try {
      sink.write(file, w -> {
        if (firstLine != null) {
          w.write(firstLine);
          w.write('\n');
        }
        final CsvWriter csv = Csv.writer(w);
        csv.writeRecord(labels.stream().map(guard::cell).toList());
        final String[] row = new String[labels.size()];
        for (int i = 0; i < rows; i++) {
          for (int s = 0; s < row.length; s++) {
            row[s] = Double.toString(values.get(s, i));
          }
          csv.writeRecord(row);
        }
        csv.flush();
      });
    } catch (IOException e) {
      throw new InvalidInputException("cannot write the " + what + " to " + Messages.escape(file.toString()) + " ("
          + Messages.reason(e) + ")", e);
    }
  }
}
