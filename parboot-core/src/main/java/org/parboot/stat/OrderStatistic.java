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
 *       ({@code scipy.stats.iqr});</li>
 *   <li>{@code mad(scale)}: the median absolute deviation, median(|x - median(x)|) / scale
 *       ({@code scipy.stats.median_abs_deviation}); scale 1, or {@code normal}
 *       ({@value #NORMAL_SCALE}, the normal distribution's third quartile, which makes it a
 *       consistent estimate of a normal standard deviation). The deviations are read from the
 *       sorted sample as two sorted runs either side of the median, and their median found by
 *       bisection: O(log n) positions per resample beyond the median's.</li>
 * </ul>
 *
 * @param kind which statistic
 * @param column the column
 * @param parameter p of quantile, f of trimmed_mean, the scale (divisor) of mad (ignored by the others)
 */
public record OrderStatistic(Kind kind, String column, double parameter) implements Statistic, java.io.Serializable {

  /** The order statistics. */
  public enum Kind {
    MEDIAN("median"), QUANTILE("quantile"), TRIMMED_MEAN("trimmed_mean"), MIN("min"), MAX("max"), IQR("iqr"),
    MAD("mad");

    private final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }

    /** The name on the command line. */
    public String spelling() {
      return spelling;
    }
  }

  /** {@code scipy.special.ndtri(0.75)}: mad's divisor for {@code scale=normal}, as SciPy's. */
  public static final double NORMAL_SCALE = 0.6744897501960817;

  public OrderStatistic {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.MAD && !(parameter > 0 && Double.isFinite(parameter))) {
      throw new IllegalArgumentException("mad's scale must be a positive number, got " + parameter);
    }
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

  /**
   * The median absolute deviation divided by {@code scale} ({@code scipy.stats.median_abs_deviation}):
   * 1 for the raw deviation, {@link #NORMAL_SCALE} for {@code scale='normal'}.
   */
  public static OrderStatistic mad(String column, double scale) {
    return new OrderStatistic(Kind.MAD, column, scale);
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
      case MAD -> parameter == 1 ? "mad" : "mad(scale=" + scaleSpelling() + ")";
      default -> kind.spelling;
    };
  }

  @Override
  public String label() {
    return switch (kind) {
      case QUANTILE, TRIMMED_MEAN -> kind.spelling + "(" + column + ", " + parameter + ")";
      case MAD -> parameter == 1 ? "mad(" + column + ")" : "mad(" + column + ", scale=" + scaleSpelling() + ")";
      default -> kind.spelling + "(" + column + ")";
    };
  }

  private String scaleSpelling() {
    return parameter == NORMAL_SCALE ? "normal" : Double.toString(parameter);
  }

  /**
   * Whether the positions it reads follow from the sample's size alone (every kind but mad, whose
   * positions depend on the values): then a caller can find them first and fetch only those.
   */
  public boolean readsFixedPositions() {
    return kind != Kind.MAD;
  }

  @Override
  public int minObservations() {
    return 2;
  }

  /** Whether it has a weighted version ({@link #evaluate(WeightedSample)}): the quantiles and the extremes. */
  public boolean takesWeights() {
    return kind != Kind.TRIMMED_MEAN && kind != Kind.MAD;
  }

  /**
   * The statistic of a weighted sample: quantiles (median, quantile, iqr) by NumPy's rule for
   * weights, {@code numpy.quantile(x, p, weights=w, method="inverted_cdf")}; min and max of the
   * values of positive weight.
   *
   * @throws IllegalStateException for trimmed_mean and mad ({@link #takesWeights})
   */
  public double evaluate(WeightedSample s) {
    return switch (kind) {
      case MEDIAN -> s.quantile(0.5);
      case QUANTILE -> s.quantile(parameter);
      case IQR -> s.quantile(0.75) - s.quantile(0.25);
      case MIN -> s.min();
      case MAX -> s.max();
      default -> throw new IllegalStateException(label() + " takes no weights");
    };
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
      case MAD:
        return medianAbsoluteDeviation(s) / parameter;
      default:
        throw new AssertionError(kind);
    }
  }

  /**
   * The median of |x - median| over a sorted sample, as NumPy computes it: the deviations below the
   * median, {@code median - x}, ascend from the median downwards, those above, {@code x - median},
   * ascend upwards; the middle one (or the mean of the middle two) of the two runs merged is found
   * by bisection on how many come from the lower run.
   */
  static double medianAbsoluteDeviation(SortedSample s) {
    final int m = s.size();
    final double med = (m & 1) == 1 ? s.at(m >>> 1) : (s.at((m >>> 1) - 1) + s.at(m >>> 1)) / 2;
    // split: the first position whose value is >= med. Lower run: positions split-1 down to 0.
    int lo = 0;
    int hi = m;
    while (lo < hi) {
      final int mid = (lo + hi) >>> 1;
      if (s.at(mid) < med) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    final int split = lo;
    final double a = kthDeviation(s, med, split, (m - 1) >>> 1);
    return (m & 1) == 1 ? a : (a + kthDeviation(s, med, split, m >>> 1)) / 2;
  }

  /** The k-th smallest (from 0) deviation: lower run L_i = med - x(split-1-i), upper run U_j = med's x(split+j) - med. */
  private static double kthDeviation(SortedSample s, double med, int split, int k) {
    final int lower = split;
    final int upper = s.size() - split;
    // i = how many of the k+1 smallest come from the lower run.
    int lo = Math.max(0, k + 1 - upper);
    int hi = Math.min(k + 1, lower);
    while (lo < hi) {
      final int i = (lo + hi) >>> 1;
      final int j = k + 1 - i;
      // Take more from the lower run while its next one is below the upper run's last one taken.
      if (med - s.at(split - 1 - i) < s.at(split + j - 1) - med) {
        lo = i + 1;
      } else {
        hi = i;
      }
    }
    final int i = lo;
    final int j = k + 1 - i;
    final double fromLower = i > 0 ? med - s.at(split - i) : Double.NEGATIVE_INFINITY;
    final double fromUpper = j > 0 ? s.at(split + j - 1) - med : Double.NEGATIVE_INFINITY;
    return Math.max(fromLower, fromUpper);
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
