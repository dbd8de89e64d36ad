package org.parboot.io;

import java.util.Locale;
import org.parboot.InvalidInputException;
import org.parboot.Messages;

/**
 * Reads one numeric cell. The grammar is deliberately narrower than
 * {@link Double#parseDouble}, which also takes {@code 1d}, {@code 12f}, {@code 0x1p3} and
 * {@code Infinity}: an optional sign, digits with at most one decimal point (at least one
 * digit), and an optional exponent {@code e} or {@code E} with optional sign and digits;
 * blanks around it are ignored. Public for the Spark module, which reads CSV cells as text and
 * must give them the values this module gives them.
 */
public final class Cells {
  public static final String MISSING_MARKERS = "empty, NA, NaN, nan, null";
  static final String NUMBER = "a decimal number such as 12.5 or -3e-2";
  static final String FINITE_NUMBER = "a finite decimal number such as 12.5 or -3e-2";

  private Cells() {}

  /** True if the stripped cell is a missing marker. */
  public static boolean isMissing(String stripped) {
    return switch (stripped) {
      case "", "NA", "NaN", "nan", "null" -> true;
      default -> false;
    };
  }

  /**
   * The cell's value, or NaN if it is a missing marker (a valid number is never NaN).
   *
   * @throws InvalidInputException for text that is not a number or not finite, naming the source,
   *     line, column and cell
   */
  public static double parse(String cell, String source, long line, String column) {
    final String s = cell.strip();
    if (isMissing(s)) {
      return Double.NaN;
    }
    final double fast = plainDecimal(s);
    if (!Double.isNaN(fast)) {
      return fast;
    }
    if (!isDecimal(s)) {
      if (isInfinity(s)) {
        throw nonFinite(cell, source, line, column, "");
      }
      throw new InvalidInputException(where(source, line, column) + Messages.quote(cell)
          + " is not a number; accepted: " + NUMBER + ", or a missing marker (" + MISSING_MARKERS + ")");
    }
    final double v = Double.parseDouble(s);
    if (Double.isInfinite(v)) {
      throw nonFinite(cell, source, line, column, " (beyond the largest double, about 1.8e308)");
    }
    return v;
  }

  private static final double[] POW10 = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  /**
   * The value of a plain decimal, {@code [+-]? digits [. digits]} (or {@code . digits}) with at most
   * 15 digits in all and no exponent, or NaN when {@code s} is not one (then the general path
   * decides). Exact, not an approximation: the digits as an integer m < 10^15 and 10^k for k <= 15
   * are both exact doubles, so m / 10^k is the correctly rounded value of the decimal, the same
   * double {@link Double#parseDouble} gives (Clinger's fast path, 1990). Most CSV numbers take it,
   * and it is several times faster than parseDouble.
   */
  static double plainDecimal(String s) {
    final int n = s.length();
    if (n == 0) {
      return Double.NaN;
    }
    int i = 0;
    boolean negative = false;
    final char first = s.charAt(0);
    if (first == '+' || first == '-') {
      negative = first == '-';
      i = 1;
    }
    long m = 0;
    int digits = 0;
    int fraction = -1; // digits after the point; -1 before the point
    for (; i < n; i++) {
      final char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 15) {
          return Double.NaN;
        }
        m = m * 10 + (c - '0');
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    final double v = fraction > 0 ? m / POW10[fraction] : (double) m;
    return negative ? -v : v;
  }

  /** The message prefix {@code data.csv:17: column 'temp_max': }; {@code source} is already escaped. */
  static String where(String source, long line, String column) {
    return source + ":" + line + ": column " + Messages.quote(column) + ": ";
  }

  private static InvalidInputException nonFinite(String cell, String source, long line, String column,
      String why) {
    return new InvalidInputException(where(source, line, column) + Messages.quote(cell) + " is a non-finite value"
        + why + "; accepted: " + FINITE_NUMBER + ", or a missing marker (" + MISSING_MARKERS + ")");
  }

  private static boolean isInfinity(String s) {
    final String unsigned = (s.startsWith("+") || s.startsWith("-")) ? s.substring(1) : s;
    final String lower = unsigned.toLowerCase(Locale.ROOT);
    return lower.equals("inf") || lower.equals("infinity");
  }

  /** True if s is {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}. */
  static boolean isDecimal(String s) {
    final int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      final int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
