package org.parboot.io;

import java.util.Objects;
import org.parboot.BootstrapResult;
import org.parboot.TwoSampleResult;
import org.parboot.batch.BatchResult;
import org.parboot.Messages;

/**
 * Renders a {@link BootstrapResult} as text: a pure function of the result, so the same result
 * always gives the same text (the run's elapsed time is part of the result).
 *
 * <ul>
 *   <li>{@link OutputFormat#TABLE}: a header line, an aligned table (one row per statistic,
 *       numbers to 6 significant digits, one column per interval method), then one
 *       {@code warning: ...} line per warning; text from the data (labels, which hold column
 *       names, file names, group values, warnings) has its control characters escaped, as
 *       {@link org.parboot.Messages#escape} does, so nothing from a file reaches a terminal raw;</li>
 *   <li>{@link OutputFormat#JSON}: one document shape for a run, a batch and a comparison, with a
 *       {@code format_version} (1), described by {@code docs/result.schema.json}: the settings,
 *       then {@code groups} (a single run is one group); pretty-printed, snake_case keys, doubles
 *       in shortest round-trip form, null for NaN and infinite values; text as it is, control
 *       characters written as JSON escapes (ESC as {@code \}{@code u001b});</li>
 *   <li>{@link OutputFormat#CSV}: header {@code n,seed,stat,columns,observed,bias,std_error,method,level,low,high},
 *       one row per statistic and interval, columns joined with ';', empty cells for NaN and
 *       infinite values; text cells through a {@link CsvFormulaGuard}.</li>
 * </ul>
 *
 * <p><b>CSV and spreadsheets.</b> A text cell of the CSV (statistic names, column names, file
 * names, group values) can come from the data, and a spreadsheet runs a cell that starts with
 * {@code =}, {@code +}, {@code -} or {@code @} as a formula. With {@link CsvFormulaGuard#ON}, the
 * default, such a text cell (and one that starts with a tab or a carriage return) is written with
 * a leading single quote ({@code '}), unless the whole cell is a decimal number ({@code -5},
 * {@code -1.5}, {@code -3e-2} are left alone); number cells are never changed.
 * {@link CsvFormulaGuard#OFF} writes every cell as it is. The methods without a guard use
 * {@link CsvFormulaGuard#ON}; TABLE and JSON ignore the guard.
 *
 * <p>Every format ends with a line break.
 */
public final class ResultFormatter {
  private ResultFormatter() {}

  /** The result in the given format, CSV with {@link CsvFormulaGuard#ON}. */
  public static String format(BootstrapResult result, OutputFormat format) {
    return format(result, format, CsvFormulaGuard.ON);
  }

  /** The result in the given format, CSV text cells through {@code guard}. */
  public static String format(BootstrapResult result, OutputFormat format, CsvFormulaGuard guard) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(guard, "guard");
    return switch (format) {
      case TABLE -> TableReport.format(result);
      case JSON -> JsonReport.format(result);
      case CSV -> CsvReport.format(result, "", guard);
    };
  }

  /**
   * A batch (several files and/or groups, {@link org.parboot.batch.GroupedBootstrap}) in the
   * given format: one row per file × group × statistic, each naming its file, group, n and
   * derived seed.
   *
   * <ul>
   *   <li>TABLE: a header line (files, groups, resamples, batch seed, executor, how many groups ran
   *       at once), then columns {@code file, group, n, seed, statistic, observed, bias, std error}
   *       and one per interval method ({@code group} is left out when no input is grouped), then
   *       {@code warning: FILE, GROUP: ...} lines;</li>
   *   <li>JSON: the one document shape (see the class comment), one entry of {@code groups} per
   *       file and group;</li>
   *   <li>CSV: header {@code file,group,n,seed,stat,columns,observed,bias,std_error,method,level,low,high},
   *       one row per file, group, statistic and interval, with {@link CsvFormulaGuard#ON}.</li>
   * </ul>
   */
  public static String format(BatchResult batch, OutputFormat format) {
    return format(batch, format, CsvFormulaGuard.ON);
  }

  /** A batch as {@link #format(BatchResult, OutputFormat)}, CSV text cells through {@code guard}. */
  public static String format(BatchResult batch, OutputFormat format, CsvFormulaGuard guard) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(guard, "guard");
    return BatchReport.format(batch, format, guard);
  }

  /**
   * A two-sample comparison ({@link org.parboot.TwoSampleBootstrap}) in the given format: as a
   * single run, with each statistic's label (and CSV/JSON {@code stat}) followed by
   * {@code ": FIRST - SECOND"}, e.g. {@code mean(temp_max): Seattle - New York}; the table adds a
   * line naming both samples, their sizes and seeds, and the JSON (one group, the difference,
   * named {@code "FIRST - SECOND"}) a {@code comparison} object
   * ({@code file, first, second, n_first, n_second, seed_first, seed_second}). CSV with
   * {@link CsvFormulaGuard#ON}.
   */
  public static String format(TwoSampleResult comparison, OutputFormat format) {
    return format(comparison, format, CsvFormulaGuard.ON);
  }

  /** A comparison as {@link #format(TwoSampleResult, OutputFormat)}, CSV text cells through {@code guard}. */
  public static String format(TwoSampleResult comparison, OutputFormat format, CsvFormulaGuard guard) {
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(guard, "guard");
    final BootstrapResult r = comparison.result();
    final String suffix = ": " + comparison.first().group() + " - " + comparison.second().group();
    return switch (format) {
      case TABLE -> (comparison.paired()
          ? "paired comparison: statistic(" + Messages.escape(comparison.first().group()) + ") - statistic("
              + Messages.escape(comparison.second().group()) + ") over " + comparison.first().n()
              + " pairs, resampled together\n"
          : "comparison: statistic(" + Messages.escape(comparison.first().group()) + ", n = "
              + comparison.first().n() + ", seed " + comparison.firstSeed() + ") - statistic("
              + Messages.escape(comparison.second().group()) + ", n = "
              + comparison.second().n() + ", seed " + comparison.secondSeed() + "), each resampled independently\n")
          + TableReport.format(r, suffix);
      case JSON -> {
        final com.google.gson.JsonObject root = JsonReport.document(r.options(), r.elapsed(), r.warnings(), 1,
            r.options().execution().threads(), java.util.List.of(JsonReport.group(comparison.first().file(),
                comparison.first().group() + " - " + comparison.second().group(), r, r.options().seed(), suffix)));
        final com.google.gson.JsonObject c = new com.google.gson.JsonObject();
        c.addProperty("file", comparison.first().file());
        c.addProperty("first", comparison.first().group());
        c.addProperty("second", comparison.second().group());
        c.addProperty("n_first", comparison.first().n());
        c.addProperty("n_second", comparison.second().n());
        c.addProperty("seed_first", comparison.firstSeed());
        c.addProperty("seed_second", comparison.secondSeed());
        c.addProperty("paired", comparison.paired());
        root.add("comparison", c);
        yield JsonReport.text(root);
      }
      case CSV -> CsvReport.format(r, suffix, guard);
    };
  }

  /** The warnings of every group of a batch, each prefixed with {@code FILE, GROUP: }. */
  public static java.util.List<String> warnings(BatchResult batch) {
    return BatchReport.warnings(batch);
  }

  /**
   * A permutation test ({@link org.parboot.PermutationTest}) in the given format: the table with
   * each statistic's observed value, p-value and its Monte Carlo error; JSON described by
   * {@code docs/test.schema.json}; CSV one row per statistic, text cells through {@code guard}
   * (see {@code PermutationReport} for the members and columns).
   */
  public static String format(org.parboot.PermutationResult test, OutputFormat format, CsvFormulaGuard guard) {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(guard, "guard");
    return PermutationReport.format(test, format, guard);
  }
}
