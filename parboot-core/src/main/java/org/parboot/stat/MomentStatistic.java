package org.parboot.stat;

import java.util.List;
import java.util.Objects;

/**
 * Statistics that follow from power sums: one fused pass per resample serves all of them.
 *
 * <p>The engine centres every column on its full-data mean {@code c} (two-pass), and accumulates
 * {@code s_k = sum (x_i - c)^k} for k up to 4 (and {@code s_xy} for pairs) over the resample. From
 * these, with {@code d = s_1 / m} for a sample of size m, the central moments are
 * {@code M2 = s2/m - d^2}, {@code M3 = s3/m - 3 d s2/m + 2 d^3} and
 * {@code M4 = s4/m - 4 d s3/m + 6 d^2 s2/m - 3 d^4}. Centring first keeps this exact to a few ulps
 * for data such as {@code 1e9 + N(0, 1)}, where raw power sums lose every digit.
 *
 * <p>Definitions follow NumPy and SciPy:
 * <ul>
 *   <li>{@code mean}; {@code var(ddof)} = M2 m / (m - ddof) and {@code std(ddof)} its root
 *       (default ddof = 1; NumPy's default is 0);</li>
 *   <li>{@code cv(ddof)} = std(ddof) / mean, the coefficient of variation
 *       ({@code scipy.stats.variation}; the command line's default ddof is 1), and
 *       {@code sem(ddof)} = std(ddof) / sqrt(m), the standard error of the mean
 *       ({@code scipy.stats.sem}, default ddof 1);</li>
 *   <li>{@code skew(bias)}: g1 = M3 / M2^1.5 when bias is true (SciPy's default), else the
 *       adjusted G1 = g1 sqrt(m (m-1)) / (m-2) (parboot's default, needs m >= 3);</li>
 *   <li>{@code kurt(bias)}: excess kurtosis g2 = M4 / M2^2 - 3, or the adjusted
 *       G2 = ((m^2 - 1) M4/M2^2 - 3 (m-1)^2) / ((m-2)(m-3)) (default, needs m >= 4);</li>
 *   <li>{@code geomean} = exp(mean(log x)) ({@code scipy.stats.gmean}) and {@code hmean} =
 *       1 / mean(1 / x) ({@code scipy.stats.hmean}): the mean of the column's logarithms or
 *       reciprocals, which the engine takes as the column's values (positive data only);</li>
 *   <li>{@code prop(x > c)}: the share of rows meeting a {@link Condition}, the mean of its 0/1
 *       indicator;</li>
 *   <li>pairs of columns resampled as rows: {@code cov(x, y, ddof)} (default ddof = 1, as
 *       {@code numpy.cov}), {@code corr(x, y)} (Pearson, clipped to [-1, 1]),
 *       {@code ratio(x, y)} = mean(x) / mean(y), {@code mean_diff(x, y)} = mean(x - y).</li>
 * </ul>
 * A sample whose variance is zero (to rounding, as SciPy decides it) has skew, kurt and corr NaN
 * and var and std exactly 0.
 *
 * @param kind which statistic
 * @param columns one column, or two for the paired kinds
 * @param ddof delta degrees of freedom of var, std and cov (ignored by the others)
 * @param bias for skew and kurt: true for the plain moment ratios, false for the adjusted ones
 * @param condition for prop, the condition whose share of rows it is; null for the others
 */
public record MomentStatistic(Kind kind, List<String> columns, int ddof, boolean bias, Condition condition)
    implements Statistic, java.io.Serializable {

  /** The moment statistics. */
  public enum Kind {
    MEAN("mean", 1, 1), VAR("var", 1, 2), STD("std", 1, 2), SKEW("skew", 1, 3), KURT("kurt", 1, 4),
    CV("cv", 1, 2), SEM("sem", 1, 2), GEOMEAN("geomean", 1, 1), HMEAN("hmean", 1, 1), PROP("prop", 1, 1),
    COV("cov", 2, 2), CORR("corr", 2, 2), RATIO("ratio", 2, 1), MEAN_DIFF("mean_diff", 2, 1);

    private final String spelling;
    private final int arity;
    private final int order;

    Kind(String spelling, int arity, int order) {
      this.spelling = spelling;
      this.arity = arity;
      this.order = order;
    }

    /** The name on the command line. */
    public String spelling() {
      return spelling;
    }

    /** How many columns it takes. */
    public int arity() {
      return arity;
    }

    /** The highest power sum it needs. */
    public int order() {
      return order;
    }
  }

  /** How a column's values enter the sums: as they are, or transformed once when the plan is made. */
  public enum Values {
    /** x itself. */
    RAW,
    /** log x (geomean); the data must be positive. */
    LOG,
    /** 1 / x (hmean); the data must be positive. */
    RECIPROCAL,
    /** 1 where the condition holds, else 0 (prop). */
    INDICATOR;

    /** The value a data value {@code x} enters the sums as ({@code condition}: INDICATOR's). */
    public double apply(double x, Condition condition) {
      return switch (this) {
        case RAW -> x;
        case LOG -> Math.log(x);
        case RECIPROCAL -> 1 / x;
        case INDICATOR -> condition.test(x) ? 1 : 0;
      };
    }
  }

  /** The comparisons of a {@link Condition}. */
  public enum Comparison {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    /** How it is written. */
    public String symbol() {
      return symbol;
    }

    /** The comparison written {@code symbol}, or null. */
    public static Comparison of(String symbol) {
      for (Comparison c : values()) {
        if (c.symbol.equals(symbol)) {
          return c;
        }
      }
      return null;
    }
  }

  /**
   * A condition on a number, {@code x op value}: IEEE comparisons, so a NaN meets none but
   * {@code !=}.
   *
   * @param comparison the comparison
   * @param value the number compared with, finite
   */
  public record Condition(Comparison comparison, double value) implements java.io.Serializable {
    /** {@code != 0}: the share of a 0/1 column's ones, as a {@link TextCondition}'s column is read. */
    public static final Condition NONZERO = new Condition(Comparison.NE, 0);

    public Condition {
      Objects.requireNonNull(comparison, "comparison");
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a condition compares with a finite number, got " + value);
      }
    }

    /** Whether {@code x} meets it. */
    public boolean test(double x) {
      return switch (comparison) {
        case LT -> x < value;
        case LE -> x <= value;
        case GT -> x > value;
        case GE -> x >= value;
        case EQ -> x == value;
        case NE -> x != value;
      };
    }

    /** {@code column op value}, the number without a needless {@code .0}. */
    public String spelling(String column) {
      final String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
          : Double.toString(value);
      return column + " " + comparison.symbol + " " + v;
    }
  }

  /** A statistic without a condition (every kind but prop). */
  public MomentStatistic(Kind kind, List<String> columns, int ddof, boolean bias) {
    this(kind, columns, ddof, bias, null);
  }

  public MomentStatistic {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.PROP) != (condition != null)) {
      throw new IllegalArgumentException(kind == Kind.PROP ? "prop needs a condition" : kind.spelling + " takes no condition");
    }
    columns = List.copyOf(columns);
    if (columns.size() != kind.arity) {
      throw new IllegalArgumentException(kind.spelling + " takes " + kind.arity + " column(s), got " + columns);
    }
    if (ddof < 0) {
      throw new IllegalArgumentException("ddof must be >= 0, got " + ddof);
    }
  }

  public static MomentStatistic mean(String column) {
    return new MomentStatistic(Kind.MEAN, List.of(column), 0, false);
  }

  public static MomentStatistic var(String column, int ddof) {
    return new MomentStatistic(Kind.VAR, List.of(column), ddof, false);
  }

  public static MomentStatistic std(String column, int ddof) {
    return new MomentStatistic(Kind.STD, List.of(column), ddof, false);
  }

  /** The coefficient of variation, std(ddof) / mean ({@code scipy.stats.variation}). */
  public static MomentStatistic cv(String column, int ddof) {
    return new MomentStatistic(Kind.CV, List.of(column), ddof, false);
  }

  /** The standard error of the mean, std(ddof) / sqrt(n) ({@code scipy.stats.sem}). */
  public static MomentStatistic sem(String column, int ddof) {
    return new MomentStatistic(Kind.SEM, List.of(column), ddof, false);
  }

  /** The geometric mean, exp(mean(log x)) ({@code scipy.stats.gmean}); positive data only. */
  public static MomentStatistic geomean(String column) {
    return new MomentStatistic(Kind.GEOMEAN, List.of(column), 0, false);
  }

  /** The harmonic mean, 1 / mean(1 / x) ({@code scipy.stats.hmean}); positive data only. */
  public static MomentStatistic hmean(String column) {
    return new MomentStatistic(Kind.HMEAN, List.of(column), 0, false);
  }

  /** The share of rows whose {@code column} meets {@code condition}. */
  public static MomentStatistic prop(String column, Condition condition) {
    return new MomentStatistic(Kind.PROP, List.of(column), 0, false, condition);
  }

  /**
   * The share of rows whose text column meets {@code condition}: {@code prop(location ==
   * 'Seattle')}, read from the 0/1 column {@link TextCondition#columnName()}.
   */
  public static MomentStatistic prop(TextCondition condition) {
    return new MomentStatistic(Kind.PROP, List.of(condition.columnName()), 0, false, Condition.NONZERO);
  }

  /** The text condition this prop reads the 0/1 column of, or null. */
  private TextCondition textCondition() {
    return kind == Kind.PROP && Condition.NONZERO.equals(condition) ? TextCondition.parse(columns.get(0)) : null;
  }

  /** How the column's values enter the sums. */
  public Values values() {
    return switch (kind) {
      case GEOMEAN -> Values.LOG;
      case HMEAN -> Values.RECIPROCAL;
      case PROP -> Values.INDICATOR;
      default -> Values.RAW;
    };
  }

  /** Whether it takes the value {@code x}: geomean and hmean take positive values only, the others any. */
  public boolean takes(double x) {
    return kind != Kind.GEOMEAN && kind != Kind.HMEAN || x > 0;
  }

  public static MomentStatistic skew(String column, boolean bias) {
    return new MomentStatistic(Kind.SKEW, List.of(column), 0, bias);
  }

  public static MomentStatistic kurt(String column, boolean bias) {
    return new MomentStatistic(Kind.KURT, List.of(column), 0, bias);
  }

  public static MomentStatistic cov(String x, String y, int ddof) {
    return new MomentStatistic(Kind.COV, List.of(x, y), ddof, false);
  }

  public static MomentStatistic corr(String x, String y) {
    return new MomentStatistic(Kind.CORR, List.of(x, y), 0, false);
  }

  public static MomentStatistic ratio(String x, String y) {
    return new MomentStatistic(Kind.RATIO, List.of(x, y), 0, false);
  }

  public static MomentStatistic meanDiff(String x, String y) {
    return new MomentStatistic(Kind.MEAN_DIFF, List.of(x, y), 0, false);
  }

  @Override
  public String name() {
    return switch (kind) {
      case VAR, STD, CV, SEM -> kind.spelling + "(ddof=" + ddof + ")";
      case SKEW, KURT -> kind.spelling + "(bias=" + bias + ")";
      case COV -> "cov(ddof=" + ddof + ")";
      case PROP -> textCondition() != null ? label() : "prop(" + condition.spelling("x").substring(2) + ")";
      default -> kind.spelling;
    };
  }

  @Override
  public String label() {
    return switch (kind) {
      case VAR, STD, CV, SEM -> kind.spelling + "(" + columns.get(0) + ", ddof=" + ddof + ")";
      case SKEW, KURT -> kind.spelling + "(" + columns.get(0) + ", bias=" + bias + ")";
      case COV -> "cov(" + columns.get(0) + ", " + columns.get(1) + ", ddof=" + ddof + ")";
      case PROP -> "prop(" + (textCondition() != null ? columns.get(0) : condition.spelling(columns.get(0))) + ")";
      default -> kind.spelling + "(" + String.join(", ", columns) + ")";
    };
  }

  @Override
  public int minObservations() {
    return switch (kind) {
      case SKEW -> bias ? 2 : 3;
      case KURT -> bias ? 2 : 4;
      case VAR, STD, CV, SEM, COV -> Math.max(2, ddof + 1);
      default -> 2;
    };
  }

  /**
   * The mean of {@code values}, refined by a second pass (the mean plus the mean of the residuals),
   * so it is right to the last bits; NaN for no values. The centre of every moment column, and the
   * mean of a bootstrap distribution.
   */
  public static double refinedMean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    final double mean = s / values.length;
    double r = 0;
    for (double v : values) {
      r += v - mean;
    }
    return mean + r / values.length;
  }

  /**
   * The statistic of one column from its centred power sums.
   *
   * @param m the sample size: the number of rows, or with weights the sum of the weights (every
   *     formula takes the weights as frequencies: integer weights give the statistic of the data
   *     with each row repeated as often as its weight)
   * @param centre the centre c the sums were taken about
   * @param s1 sum of (x - c)
   * @param s2 sum of (x - c)^2
   * @param s3 sum of (x - c)^3 (may be 0 when the kind's order is below 3)
   * @param s4 sum of (x - c)^4 (may be 0 when the kind's order is below 4)
   */
  public double fromSums(double m, double centre, double s1, double s2, double s3, double s4) {
    final double d = s1 / m;
    switch (kind) {
      case MEAN, PROP:
        return centre + d;
      case GEOMEAN:
        return Math.exp(centre + d);
      case HMEAN:
        return 1 / (centre + d);
      default:
        break;
    }
    final double q2 = s2 / m;
    double m2 = q2 - d * d;
    final boolean zero = isZeroVariance(m2, q2, centre + d);
    if (zero || m2 < 0) {
      m2 = 0;
    }
    switch (kind) {
      case VAR:
        return m - ddof > 0 ? m2 * m / (m - ddof) : Double.NaN;
      case STD:
        return m - ddof > 0 ? Math.sqrt(m2 * m / (m - ddof)) : Double.NaN;
      case CV:
        return m - ddof > 0 ? Math.sqrt(m2 * m / (m - ddof)) / (centre + d) : Double.NaN;
      case SEM:
        return m - ddof > 0 ? Math.sqrt(m2 * m / (m - ddof)) / Math.sqrt(m) : Double.NaN;
      case SKEW: {
        if (zero) {
          return Double.NaN;
        }
        final double m3 = s3 / m - 3 * d * q2 + 2 * d * d * d;
        final double g1 = m3 / (m2 * Math.sqrt(m2));
        return bias ? g1 : g1 * Math.sqrt((double) m * (m - 1)) / (m - 2);
      }
      case KURT: {
        if (zero) {
          return Double.NaN;
        }
        final double d2 = d * d;
        final double m4 = s4 / m - 4 * d * (s3 / m) + 6 * d2 * q2 - 3 * d2 * d2;
        final double r = m4 / (m2 * m2);
        if (bias) {
          return r - 3;
        }
        return (((double) m * m - 1) * r - 3.0 * (m - 1) * (m - 1)) / ((double) (m - 2) * (m - 3));
      }
      default:
        throw new IllegalStateException(kind + " takes two columns");
    }
  }

  /**
   * The statistic of a pair of columns from their centred sums (see {@link #fromSums}); {@code sxy}
   * is the sum of (x - cx)(y - cy). The squared sums are unused by ratio and mean_diff.
   */
  public double fromPairSums(double m, double cx, double sx, double sxx, double cy, double sy, double syy, double sxy) {
    final double dx = sx / m;
    final double dy = sy / m;
    switch (kind) {
      case RATIO:
        return (cx + dx) / (cy + dy);
      case MEAN_DIFF:
        return (cx - cy) + (dx - dy);
      case COV:
        return m - ddof > 0 ? (sxy / m - dx * dy) * m / (m - ddof) : Double.NaN;
      case CORR: {
        final double qx = sxx / m;
        final double qy = syy / m;
        final double vx = qx - dx * dx;
        final double vy = qy - dy * dy;
        if (isZeroVariance(vx, qx, cx + dx) || isZeroVariance(vy, qy, cy + dy)) {
          return Double.NaN;
        }
        final double r = (sxy / m - dx * dy) / Math.sqrt(vx * vy);
        return Math.max(-1.0, Math.min(1.0, r));
      }
      default:
        throw new IllegalStateException(kind + " takes one column");
    }
  }

  /**
   * Whether a one-pass second central moment is zero to rounding. SciPy's rule is
   * {@code m2 <= (1e-15 * mean)^2}; the one-pass form also carries a rounding error of a few ulps
   * of the mean square about the centre, so anything below 1e-14 of it is zero too.
   */
  static boolean isZeroVariance(double m2, double meanSquareAboutCentre, double mean) {
    final double r = 1e-15 * mean;
    return m2 <= r * r || m2 <= 1e-14 * meanSquareAboutCentre;
  }
}
