package org.parboot.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link TimingResult} as an aligned text table, for the terminal:
 *
 * <pre>
 * strategy       threads  median ms  min-max ms       speed-up  resamples/s
 * serial               1      412.3  401.2-433.0          1.00x       24,337
 * queue x8             8      221.9  215.0-240.1          1.86x       45,065
 * index draw: scalar
 * </pre>
 *
 * The numbers are those of {@link StrategyTiming}'s millisecond accessors, as in
 * {@link TimingJson}, so the table and the JSON agree.
 */
public final class TimingText {

  private TimingText() {}

  /** The table, one line per configuration, then which index draw ran; ends in a newline. */
  public static String format(TimingResult timing) {
    final List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"strategy", "threads", "median ms", "min-max ms", "speed-up", "resamples/s"});
    for (StrategyTiming s : timing.strategies()) {
      rows.add(new String[] {
          s.config().label(),
          Integer.toString(s.config().threads()),
          String.format(Locale.ROOT, "%.1f", s.medianMillis()),
          String.format(Locale.ROOT, "%.1f-%.1f", s.minMillis(), s.maxMillis()),
          String.format(Locale.ROOT, "%.2fx", s.speedup()),
          String.format(Locale.ROOT, "%,.0f", s.resamplesPerSecond())});
    }
    final int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    final StringBuilder out = new StringBuilder();
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        if (c > 0) {
          out.append("  ");
        }
        // the label left-aligned, numbers right-aligned
        out.append(c == 0 ? String.format("%-" + width[c] + "s", r[c]) : String.format("%" + width[c] + "s", r[c]));
      }
      out.append('\n');
    }
    out.append("kernel: ").append(timing.last().kernel()).append('\n');
    return out.toString();
  }
}
