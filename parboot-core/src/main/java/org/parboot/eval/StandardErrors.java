package org.parboot.eval;

import org.parboot.data.Dataset;
import org.parboot.rng.ResampleStreams;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;

/**
 * The standard errors the studentized (bootstrap-t) interval divides by: {@code se*_b} of every
 * resample and {@code se} of the observed value.
 *
 * <h2>Analytic standard errors</h2>
 * For these statistics {@code se} of a sample of m values (the resample's rows, or the data's),
 * from its mean x̄ and central moments {@code m2 = Σ(x - x̄)²/m}, {@code m4 = Σ(x - x̄)⁴/m}:
 * <ul>
 *   <li>{@code mean}: {@code s / √m}, s the standard deviation with ddof = 1;</li>
 *   <li>{@code mean_diff(x,y)}: the same, of the row differences x - y;</li>
 *   <li>{@code var(ddof)}: the delta method, {@code m/(m - ddof) · √((m4 - m2²)/m)};</li>
 *   <li>{@code std(ddof)}: {@code se(var(ddof)) / (2 std(ddof))}.</li>
 * </ul>
 * The observed value's {@code se} is the same formula on the full data (as R boot.ci's
 * {@code "stud"} with the variance returned by the statistic).
 *
 * <h2>Nested bootstrap for the others</h2>
 * Every other statistic gets {@code se*_b} = the standard deviation (ddof = 1, NaN and infinite
 * values left out) of J inner resamples of resample b (J = {@code --inner-resamples}, default
 * 50), and {@code se} = the outer bootstrap standard error (the nested estimate of the full data
 * with B resamples instead of J). Inner resample j of outer resample b draws n positions of
 * resample b's rows uniformly with replacement, by {@link ResampleStreams#fillIndices} from the
 * stream state {@link org.parboot.rng.Seeds#inner Seeds.inner(seed, b, j)}; so it too is a pure function of
 * (seed, b, j), and results are bit-identical across executors and thread counts.
 */
public final class StandardErrors {
  /** True if the statistic has an analytic standard error (see the class documentation). */
  public static boolean hasAnalytic(Statistic s) {
    return s instanceof MomentStatistic m && switch (m.kind()) {
      case MEAN, MEAN_DIFF, VAR, STD -> true;
      default -> false;
    };
  }

  /**
   * The analytic standard error of {@code s} on rows {@code idx[0, len)} of {@code data}. Copies the
   * columns it reads on every call; a run calls
   * {@link #analytic(Statistic, EvaluationPlan, int[], int)}, which reads its plan's copies.
   *
   * @throws IllegalArgumentException if it has none ({@link #hasAnalytic})
   */
  public static double analytic(Statistic s, Dataset data, int[] idx, int len) {
    final MomentStatistic m = withAnalytic(s);
    final double[] x = data.column(m.columns().get(0));
    final double[] y = m.kind() == MomentStatistic.Kind.MEAN_DIFF ? data.column(m.columns().get(1)) : null;
    return analytic(m, x, y, idx, len);
  }

  /**
   * The analytic standard error of {@code s}, one of the plan's statistics, on rows
   * {@code idx[0, len)} of the plan's data; allocation-free.
   *
   * @throws IllegalArgumentException if it has none ({@link #hasAnalytic}), or the plan does not
   *     read its columns
   */
  public static double analytic(Statistic s, EvaluationPlan plan, int[] idx, int len) {
    final MomentStatistic m = withAnalytic(s);
    final double[] x = plan.centredColumn(m.columns().get(0));
    final double[] y = m.kind() == MomentStatistic.Kind.MEAN_DIFF ? plan.centredColumn(m.columns().get(1)) : null;
    return analytic(m, x, y, idx, len);
  }

  private static MomentStatistic withAnalytic(Statistic s) {
    if (!(s instanceof MomentStatistic m) || !hasAnalytic(s)) {
      throw new IllegalArgumentException("no analytic standard error for " + s.label());
    }
    return m;
  }

  /** The standard error of m on {@code x[idx]} (or of {@code x[idx] - y[idx]} when y is not null). */
  private static double analytic(MomentStatistic m, double[] x, double[] y, int[] idx, int len) {
    double sum = 0;
    for (int i = 0; i < len; i++) {
      sum += value(x, y, idx[i]);
    }
    final double mean = sum / len;
    double s2 = 0;
    double s4 = 0;
    for (int i = 0; i < len; i++) {
      final double d = value(x, y, idx[i]) - mean;
      final double d2 = d * d;
      s2 += d2;
      s4 += d2 * d2;
    }
    final double m2 = s2 / len;
    final double m4 = s4 / len;
    final double seVar = len - m.ddof() > 0 ? len / (double) (len - m.ddof()) * Math.sqrt((m4 - m2 * m2) / len) : Double.NaN;
    return switch (m.kind()) {
      case MEAN, MEAN_DIFF -> Math.sqrt(s2 / (len - 1)) / Math.sqrt(len);
      case VAR -> seVar;
      case STD -> seVar / (2 * Math.sqrt(m2 * len / (len - m.ddof())));
      default -> throw new IllegalArgumentException("no analytic standard error for " + m.label());
    };
  }

  private static double value(double[] x, double[] y, int i) {
    return y == null ? x[i] : x[i] - y[i];
  }

  /** The standard deviation (ddof = 1) of the finite values of {@code v}; NaN with fewer than 2. */
  public static double finiteSd(double[] v) {
    int m = 0;
    double sum = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        m++;
        sum += x;
      }
    }
    if (m < 2) {
      return Double.NaN;
    }
    final double mean = sum / m;
    double ss = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        ss += (x - mean) * (x - mean);
      }
    }
    return Math.sqrt(ss / (m - 1));
  }
}
