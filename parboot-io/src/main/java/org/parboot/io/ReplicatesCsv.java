package org.parboot.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
import org.parboot.PermutationResult;
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
        stats.isEmpty() ? 0 : stats.get(0).resamples(), (s, i) -> stats.get(s).replicate(i), guard, "replicates");
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
        (s, i) -> tests.get(s).nullValue(i), guard, "null distribution");
  }

  /** Value {@code i} of column {@code s}. */
  private interface Values {
    double get(int s, int i);
  }

  private static void write(OutputSink sink, Path file, List<String> labels, int rows, Values values,
      CsvFormulaGuard guard, String what) {
    Objects.requireNonNull(guard, "guard");
    try {
      sink.write(file, w -> {
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
