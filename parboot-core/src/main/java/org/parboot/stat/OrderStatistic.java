package org.parboot.stat;

import java.util.List;
import java.util.Objects;

/**
 * Statistics of the sorted sample. The engine never sorts a resample: it sorts the data once,
 * counts how often each rank is drawn, and reads positions and range sums of the sorted resample
 * from the cumulative counts, in O(n) per resample.
 *
 * <ul>
 *   <li>{@code median}: the middle value, or the mean of the two middle values (NumPy);</li>
 *   <li>{@code quantile(p)}, p in [0, 1]: linear interpolation between order statistics at
 *       position {@code p (m - 1)} (NumPy's default "linear", R's type 7), with NumPy's
 *       interpolation formula so the last bits agree;</li>
 *   <li>{@code trimmed_mean(f)}, f in [0, 0.5): the mean after cutting {@code floor(f m)} values
 *       from each end ({@code scipy.stats.trim_mean});</li>
 *   <li>{@code min}, {@code max};</li>
 *   <li>{@code iqr}: quantile(0.75) - quantile(0.25), both by the linear rule above
 *       ({@code scipy.stats.iqr}).</li>
 * </ul>
 *
 * @param kind which statistic
 * @param column the column
 * @param parameter p of quantile, f of trimmed_mean (ignored by the others)
 */
public record OrderStatistic(Kind kind, String column, double parameter) implements Statistic, java.io.Serializable {

  /** The order statistics. */
  public enum Kind {
    MEDIAN("median"), QUANTILE("quantile"), TRIMMED_MEAN("trimmed_mean"), MIN("min"), MAX("max"), IQR("iqr");

    private final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }

    /** The name on the command line. */
    public String spelling() {
      return spelling;
    }
  }

  public OrderStatistic {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(column, "column");
    if (kind == Kind.QUANTILE && !(parameter >= 0 && parameter <= 1)) {
      throw new IllegalArgumentException("quantile p must be in [0, 1], got " + parameter);
    }
    if (kind == Kind.TRIMMED_MEAN && !(parameter >= 0 && parameter < 0.5)) {
      throw new IllegalArgumentException("trimmed_mean proportion must be in [0, 0.5), got " + parameter);
    }
  }

  public static OrderStatistic median(String column) {
    return new OrderStatistic(Kind.MEDIAN, column, 0);
  }

  public static OrderStatistic quantile(String column, double p) {
    return new OrderStatistic(Kind.QUANTILE, column, p);
  }

  public static OrderStatistic trimmedMean(String column, double proportion) {
    return new OrderStatistic(Kind.TRIMMED_MEAN, column, proportion);
  }

  /** The interquartile range, quantile(0.75) - quantile(0.25) ({@code scipy.stats.iqr}). */
  public static OrderStatistic iqr(String column) {
    return new OrderStatistic(Kind.IQR, column, 0);
  }

  public static OrderStatistic min(String column) {
    return new OrderStatistic(Kind.MIN, column, 0);
  }

  public static OrderStatistic max(String column) {
    return new OrderStatistic(Kind.MAX, column, 0);
  }

  @Override
  public List<String> columns() {
    return List.of(column);
  }

  @Override
  public String name() {
    return switch (kind) {
      case QUANTILE, TRIMMED_MEAN -> kind.spelling + "(" + parameter + ")";
      default -> kind.spelling;
    };
  }

  @Override
  public String label() {
    return switch (kind) {
      case QUANTILE, TRIMMED_MEAN -> kind.spelling + "(" + column + ", " + parameter + ")";
      default -> kind.spelling + "(" + column + ")";
    };
  }

  @Override
  public int minObservations() {
    return 2;
  }

  /** The statistic of a sorted sample. */
  public double evaluate(SortedSample s) {
    final int m = s.size();
    switch (kind) {
      case MIN:
        return s.at(0);
      case MAX:
        return s.at(m - 1);
      case IQR:
        return quantileOfSorted(s, 0.75) - quantileOfSorted(s, 0.25);
      case MEDIAN:
        return (m & 1) == 1 ? s.at(m >>> 1) : (s.at((m >>> 1) - 1) + s.at(m >>> 1)) / 2;
      case QUANTILE:
        return quantileOfSorted(s, parameter);
      case TRIMMED_MEAN: {
        final int cut = (int) (parameter * m);
        return s.sum(cut, m - cut) / (m - 2 * cut);
      }
      default:
        throw new AssertionError(kind);
    }
  }

  /**
   * NumPy's "linear" quantile of a sorted sample: virtual index {@code h = (m - 1) p}, and the
   * interpolation {@code a + (b - a) t}, or {@code b - (b - a)(1 - t)} when {@code t >= 0.5}
   * (numpy's {@code _lerp}).
   */
  public static double quantileOfSorted(SortedSample s, double p) {
    final int m = s.size();
    final double h = (m - 1) * p;
    if (h <= 0) {
      return s.at(0);
    }
    if (h >= m - 1) {
      return s.at(m - 1);
    }
    final int lo = (int) Math.floor(h);
    return lerp(s.at(lo), s.at(lo + 1), h - lo);
  }

  /** NumPy's {@code _lerp}: exact at both ends and monotone in t. */
  public static double lerp(double a, double b, double t) {
    final double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
}
