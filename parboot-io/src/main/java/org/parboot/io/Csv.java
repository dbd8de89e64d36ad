package org.parboot.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Writer;

/** The CSV this package writes: comma-separated, quoted only where needed, LF line ends. */
final class Csv {
  private Csv() {}

  /** A writer onto {@code out}; closing it closes {@code out}. */
  static CsvWriter writer(Writer out) {
    return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
  }

  /** {@link Double#toString} (shortest round-trip form) for finite values, empty otherwise. */
  static String finite(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  /** An interval's endpoint: as {@link #finite}, and {@code -inf} or {@code inf} for a one-sided interval's open side. */
  static String endpoint(double v) {
    return Double.isNaN(v) ? "" : Double.isInfinite(v) ? (v < 0 ? "-inf" : "inf") : Double.toString(v);
  }
}
