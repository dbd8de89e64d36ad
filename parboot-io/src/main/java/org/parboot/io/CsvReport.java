package org.parboot.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.ci.Interval;

/** {@link OutputFormat#CSV}; text cells pass through a {@link CsvFormulaGuard}, number cells never do. */
final class CsvReport {
  /** The columns of one statistic and interval. */
  static final List<String> HEADER = List.of("stat", "columns", "observed", "bias", "std_error", "method", "level", "low",
      "high", "low_mc", "high_mc", "std_error_mc", "p_value");

  private CsvReport() {}

  static List<String> concat(List<String> a, List<String> b) {
    final List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The {@link #HEADER} cells of one statistic and interval, the stat's name followed by {@code suffix}. */
  static List<String> cells(StatisticResult s, Interval i, String suffix, CsvFormulaGuard guard) {
    return List.of(guard.cell(s.statistic().name() + suffix), guard.cell(String.join(";", s.statistic().columns())),
        Csv.finite(s.observed()), Csv.finite(s.bias()), Csv.finite(s.standardError()), guard.cell(i.method().spelling()),
        Csv.finite(i.level()), Csv.endpoint(i.low()), Csv.endpoint(i.high()), Csv.finite(i.lowError()),
        Csv.finite(i.highError()), Csv.finite(s.standardErrorMcError()), Csv.finite(i.pValue()));
  }

  /**
   * The CSV of a single run or comparison: {@code n} and {@code seed} (the rows used and the seed
   * that repeats the run), then the {@link #HEADER} cells, each statistic's name followed by
   * {@code suffix}.
   */
  static String format(BootstrapResult result, String suffix, CsvFormulaGuard guard) {
    final StringWriter out = new StringWriter();
    final List<String> run = List.of(Long.toString(result.n()), Long.toString(result.options().seed()));
    try (CsvWriter csv = Csv.writer(out)) {
      csv.writeRecord(concat(List.of("n", "seed"), HEADER));
      for (StatisticResult s : result.statistics()) {
        for (Interval i : s.intervals()) {
          csv.writeRecord(concat(run, cells(s, i, suffix, guard)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
