package org.parboot.io;

import java.util.Objects;
import org.parboot.BootstrapResult;

/**
 * Renders a {@link BootstrapResult} as text: a pure function of the result, so the same result
 * always gives the same text (the run's elapsed time is part of the result).
 *
 * <ul>
 *   <li>{@link OutputFormat#TABLE}: a header line, an aligned table (one row per statistic,
 *       numbers to 6 significant digits, one column per interval method), then one
 *       {@code warning: ...} line per warning;</li>
 *   <li>{@link OutputFormat#JSON}: pretty-printed, snake_case keys, doubles in shortest
 *       round-trip form, null for NaN and infinite values;</li>
 *   <li>{@link OutputFormat#CSV}: header {@code stat,columns,observed,bias,std_error,method,level,low,high},
 *       one row per statistic and interval, columns joined with ';', empty cells for NaN and
 *       infinite values.</li>
 * </ul>
 *
 * <p>Every format ends with a line break.
 */
public final class ResultFormatter {
  private ResultFormatter() {}

  /** The result in the given format. */
  public static String format(BootstrapResult result, OutputFormat format) {
    Objects.requireNonNull(result, "result");
    return switch (format) {
      case TABLE -> TableReport.format(result);
      case JSON -> JsonReport.format(result);
      case CSV -> CsvReport.format(result);
    };
  }
}
