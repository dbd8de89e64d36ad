package org.parboot.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.ci.Alternative;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;
import org.parboot.exec.ExecutorKind;
import org.parboot.Messages;

/**
 * {@link OutputFormat#TABLE}. Every piece of text that can come from the data (statistic labels,
 * which hold column names; file names; group values; the scheme; warnings) is shown with its
 * control characters escaped ({@link Messages#escape}), never shortened.
 */
final class TableReport {
  private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_UP);
  private static final String GAP = "  ";

  private TableReport() {}

  static String format(BootstrapResult result) {
    return format(result, "");
  }

  /** The table, each statistic's label followed by {@code suffix}. */
  static String format(BootstrapResult result, String suffix) {
    final BootstrapOptions options = result.options();
    final StringBuilder out = new StringBuilder();
    out.append(headerLine(result)).append('\n');
    if (result.growth() != null) {
      out.append("resamples auto: B = ").append(options.resamples()).append(": ")
          .append(Messages.escape(result.growth().reason(options))).append('\n');
    }
    out.append('\n');

    final List<String[]> rows = new ArrayList<>();
    final List<String> head = new ArrayList<>(List.of("statistic", "observed", "bias", "std error"));
    head.addAll(intervalHeads(options));
    rows.add(head.toArray(String[]::new));
    for (StatisticResult s : result.statistics()) {
      final List<String> cells = new ArrayList<>(List.of(Messages.escape(s.label() + suffix)));
      cells.addAll(numberCells(s, options));
      rows.add(cells.toArray(String[]::new));
    }
    appendAligned(out, rows);
    appendMonteCarlo(out, result, suffix);

    for (String w : result.warnings()) {
      out.append("warning: ").append(Messages.escape(w)).append('\n');
    }
    return out.toString();
  }

  /**
   * The footnote of Monte Carlo errors: per statistic, the standard error's and the range of its
   * interval endpoints' (two significant digits), so a reader sees which printed digits another
   * seed would change. Nothing when no error is known (every replicate NaN, say).
   */
  static void appendMonteCarlo(StringBuilder out, BootstrapResult result, String suffix) {
    final List<String[]> rows = new ArrayList<>();
    for (StatisticResult s : result.statistics()) {
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (Interval i : s.intervals()) {
        for (double e : new double[] {i.lowError(), i.highError()}) {
          if (!Double.isNaN(e)) {
            low = Math.min(low, e);
            high = Math.max(high, e);
          }
        }
      }
      final double se = s.standardErrorMcError();
      if (Double.isNaN(se) && low > high) {
        continue;
      }
      final String endpoints = low > high ? "" : low == high || twoDigits(low).equals(twoDigits(high))
          ? "endpoints ±" + twoDigits(high) : "endpoints ±" + twoDigits(low) + " to ±" + twoDigits(high);
      rows.add(new String[] {"  " + Messages.escape(s.label() + suffix),
          Double.isNaN(se) ? "" : "std error ±" + twoDigits(se), endpoints});
    }
    if (rows.isEmpty()) {
      return;
    }
    out.append("Monte Carlo error (how far another seed would move each number):\n");
    final int[] width = new int[3];
    for (String[] r : rows) {
      for (int c = 0; c < 3; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    for (String[] r : rows) {
      final StringBuilder line = new StringBuilder(r[0]).append(" ".repeat(width[0] - r[0].length()));
      line.append(GAP).append(r[1]).append(" ".repeat(width[1] - r[1].length())).append(GAP).append(r[2]);
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** Two significant digits, plain ({@code 0.0094}), as the report writes Monte Carlo errors. */
  static String twoDigits(double e) {
    return significant(e, 2);
  }

  /** The cells after the label: observed, bias, std error, then one interval per method of {@code options}. */
  static List<String> numberCells(StatisticResult s, BootstrapOptions options) {
    final List<String> cells = new ArrayList<>(List.of(number(s.observed()), number(s.bias()), number(s.standardError())));
    for (IntervalMethod m : options.intervals().methods()) {
      final java.util.Optional<Interval> i = s.intervals().stream().filter(x -> x.method() == m).findFirst();
      cells.add(i.map(TableReport::interval).orElse(""));
      if (options.intervals().hasNull()) {
        cells.add(i.map(x -> probability(x.pValue())).orElse(""));
      }
    }
    return cells;
  }

  /**
   * The heads of the interval columns: {@code bca 95% CI} per method, each followed by
   * {@code bca p-value} when the options have a null value.
   */
  static List<String> intervalHeads(BootstrapOptions options) {
    final List<String> head = new ArrayList<>();
    for (IntervalMethod m : options.intervals().methods()) {
      head.add(m.spelling() + " " + percent(options.intervals().level()) + " CI");
      if (options.intervals().hasNull()) {
        head.add(m.spelling() + " p-value");
      }
    }
    return head;
  }

  /** A probability to four significant digits (its Monte Carlo error is rarely below the third). */
  static String probability(double p) {
    return significant(p, 4);
  }

  /** {@code v} to {@code digits} significant digits in plain notation, trailing zeros dropped; NaN as {@code NaN}. */
  private static String significant(double v, int digits) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return v == 0 ? "0" : new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros()
        .toPlainString();
  }

  /** {@code forkjoin × 2 threads}, or {@code serial}. */
  static String executor(BootstrapOptions o) {
    return o.execution().executor() == ExecutorKind.SERIAL
        ? o.execution().executor().spelling()
        : o.execution().executor().spelling() + " × " + o.execution().threads() + (o.execution().threads() == 1 ? " thread" : " threads");
  }

  /**
   * {@code n = 1461 (dropped 0 missing) · resamples = 9999 · seed = 42 · executor = forkjoin × 2 threads · 0.21 s},
   * with {@code · scheme = stationary(L=72.15, auto)} after the resamples when the scheme is not plain iid,
   * and {@code · weights = w} in a weighted run.
   */
  static String headerLine(BootstrapResult result) {
    final BootstrapOptions o = result.options();
    final String executor = result.local() ? "executor = " + executor(o) : "engine = " + Messages.escape(result.engine());
    final String scheme = result.scheme().equals("iid") ? "" : " · scheme = " + Messages.escape(result.scheme());
    final String weights = (o.weights() == null ? "" : " · weights = " + Messages.escape(o.weights()))
        + (o.intervals().alternative() == Alternative.TWO_SIDED ? ""
            : " · alternative = " + o.intervals().alternative().spelling())
        + (o.intervals().hasNull() ? " · null = " + number(o.intervals().nullValue()) : "");
    return "n = " + result.n() + " (dropped " + result.droppedMissing() + " missing) · resamples = " + o.resamples()
        + scheme + weights + " · seed = " + o.seed() + " · " + executor + " · "
        + String.format(Locale.ROOT, "%.2f s", result.elapsed().toNanos() / 1e9);
  }

  /** The first column left-aligned, the others right-aligned, two spaces apart. */
  static void appendAligned(StringBuilder out, List<String[]> rows) {
    final int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    for (String[] r : rows) {
      final StringBuilder line = new StringBuilder();
      for (int c = 0; c < r.length; c++) {
        final String pad = " ".repeat(width[c] - r[c].length());
        line.append(c == 0 ? "" : GAP).append(c == 0 ? r[c] + pad : pad + r[c]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  static String interval(Interval i) {
    return i.spelling(TableReport::number);
  }

  /** 0.95 as {@code 95%}, 0.975 as {@code 97.5%}. */
  static String percent(double level) {
    return BigDecimal.valueOf(level).movePointRight(2).round(SIX_DIGITS).stripTrailingZeros().toPlainString() + "%";
  }

  /**
   * Six significant digits, trailing zeros dropped; plain notation from 1e-4 up to 1e12, else
   * scientific ({@code 1.23457e-07}, {@code 2e+15}).
   */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    final double a = Math.abs(v);
    if (a == 0) {
      return "0";
    }
    final BigDecimal rounded = BigDecimal.valueOf(v).round(SIX_DIGITS).stripTrailingZeros();
    if (a >= 1e-4 && a < 1e12) {
      return rounded.toPlainString();
    }
    final int exponent = rounded.precision() - rounded.scale() - 1;
    return rounded.movePointLeft(exponent).toPlainString() + (exponent < 0 ? "e-" : "e+")
        + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
  }
}
