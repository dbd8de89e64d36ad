package org.parboot.ci;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.parboot.InvalidInputException;

/**
 * Bootstrap confidence interval methods. With {@code alpha = (1 - level) / 2} and {@code q(p)} the
 * p-quantile of the replicates by linear interpolation ({@link Distribution#quantile}):
 *
 * <ul>
 *   <li>{@link #PERCENTILE}: {@code [q(alpha), q(1 - alpha)]} (SciPy {@code method='percentile'});</li>
 *   <li>{@link #BASIC}: {@code [2 t - q(1 - alpha), 2 t - q(alpha)]}, t the observed value (SciPy
 *       {@code 'basic'}, R boot.ci {@code "basic"});</li>
 *   <li>{@link #NORMAL}: R boot.ci's bias-corrected normal interval,
 *       {@code t - bias -/+ se z(1 - alpha)} with bias = mean(replicates) - t and se their standard
 *       deviation (ddof = 1);</li>
 *   <li>{@link #BCA}: bias-corrected and accelerated (Efron 1987), as SciPy: {@code z0 =
 *       Phi^-1(share of replicates below t, ties counting half)} (a tie is a replicate within
 *       {@link Distribution#TIE_ULPS} ulps of t at the distribution's scale, where SciPy counts
 *       exact ties only: a replicate
 *       equal to t in exact arithmetic can differ from it in the last bits, because a resample's
 *       sums run in draw order; see {@link Distribution#shareBelow}), acceleration {@code a =
 *       sum U^3 / (6 (sum U^2)^1.5)} with {@code U_i = mean(jackknife) - jackknife_i}, and
 *       endpoints {@code q(Phi(z0 + (z0 + z) / (1 - a (z0 + z))))} for z = -/+ z(1 - alpha); for
 *       several samples the acceleration is {@link #acceleration(List) SciPy's multi-sample one};</li>
 *   <li>{@link #STUDENTIZED}: bootstrap-t (Efron and Tibshirani 1993, ch. 12; R boot.ci
 *       {@code "stud"}): {@code t*_b = (theta*_b - t) / se*_b} and
 *       {@code [t - se q_t(1 - alpha), t - se q_t(alpha)]}, q_t the quantiles of the t*_b (linear
 *       interpolation, t*_b that are NaN or infinite left out), {@code se*_b} and {@code se} from
 *       {@link IntervalInputs} (the engine's choice is documented on
 *       {@code org.parboot.eval.StandardErrors}). R's boot.ci interpolates quantiles on the normal
 *       scale instead, which differs in the order of 1/B.</li>
 * </ul>
 *
 * <p>Degenerate cases, never an exception: when every replicate is equal, every method gives the
 * point interval [v, v] and a warning. When BCa's z0 or acceleration is undefined (all jackknife
 * values equal, or the observed value outside all replicates), BCa's endpoints are NaN (null in
 * the output) and a warning says why, as SciPy does.
 */
public enum IntervalMethod {
  PERCENTILE {
    @Override
    Interval compute(Distribution d, double level, IntervalInputs in, List<String> warnings) {
      final double alpha = (1 - level) / 2;
      tails(this, d.size(), alpha, 1 - alpha, warnings);
      return Interval.of(this, level, d.quantile(alpha), d.quantile(1 - alpha), d.quantileError(alpha),
          d.quantileError(1 - alpha));
    }

    /** The upper bound at level L is the L quantile: u is the share of replicates below theta0. */
    @Override
    double levelAt(Distribution d, double theta0, IntervalInputs in) {
      return d.shareBelow(theta0);
    }
  },
  BASIC {
    @Override
    Interval compute(Distribution d, double level, IntervalInputs in, List<String> warnings) {
      final double alpha = (1 - level) / 2;
      final double t = d.observed();
      tails(this, d.size(), alpha, 1 - alpha, warnings);
      return Interval.of(this, level, 2 * t - d.quantile(1 - alpha), 2 * t - d.quantile(alpha),
          d.quantileError(1 - alpha), d.quantileError(alpha));
    }

    /** The upper bound at level L is 2 t - q(1 - L): u is the share of replicates above 2 t - theta0. */
    @Override
    double levelAt(Distribution d, double theta0, IntervalInputs in) {
      return 1 - d.shareBelow(2 * d.observed() - theta0);
    }
  },
  NORMAL {
    @Override
    Interval compute(Distribution d, double level, IntervalInputs in, List<String> warnings) {
      final double z = STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
      final double centre = d.observed() - d.bias();
      final double half = d.standardError() * z;
      // The bias and the standard error move with the seed, nearly independently.
      final double error = Math.hypot(d.biasError(), z * d.standardErrorError());
      return Interval.of(this, level, centre - half, centre + half, error, error);
    }

    /** The upper bound at level L is t - bias + se z_L: u = Φ((theta0 - t + bias) / se). */
    @Override
    double levelAt(Distribution d, double theta0, IntervalInputs in) {
      final double centre = d.observed() - d.bias();
      final double se = d.standardError();
      if (!(se > 0)) {
        return Double.isNaN(se) || Double.isNaN(centre) ? Double.NaN
            : theta0 > centre ? 1 : theta0 < centre ? 0 : 0.5;
      }
      return STANDARD_NORMAL.cumulativeProbability((theta0 - centre) / se);
    }
  },
  BCA {
    @Override
    boolean needsJackknife() {
      return true;
    }

    @Override
    Interval compute(Distribution d, double level, IntervalInputs in, List<String> warnings) {
      final double alpha = (1 - level) / 2;
      if (!Double.isFinite(d.observed())) {
        warnings.add("BCa: needs a finite observed value; BCa endpoints are null");
        return new Interval(this, level, Double.NaN, Double.NaN);
      }
      final double share = d.shareBelow(d.observed());
      final double z0 = STANDARD_NORMAL.inverseCumulativeProbability(share);
      final double a = in.acceleration();
      if (Double.isNaN(a)) {
        warnings.add("BCa: the acceleration is undefined (the jackknife values are all equal or not finite); "
            + "BCa endpoints are null");
        return new Interval(this, level, Double.NaN, Double.NaN);
      }
      if (!Double.isFinite(z0)) {
        warnings.add("BCa: the observed value is " + (z0 < 0 ? "below" : "above")
            + " every replicate, so the bias correction is infinite; BCa endpoints are null");
        return new Interval(this, level, Double.NaN, Double.NaN);
      }
      final double zl = STANDARD_NORMAL.inverseCumulativeProbability(alpha);
      final double zu = -zl;
      final double n1 = z0 + zl;
      final double n2 = z0 + zu;
      final double a1 = STANDARD_NORMAL.cumulativeProbability(z0 + n1 / (1 - a * n1));
      final double a2 = STANDARD_NORMAL.cumulativeProbability(z0 + n2 / (1 - a * n2));
      tails(this, d.size(), a1, a2, warnings);
      return Interval.of(this, level, d.quantile(a1), d.quantile(a2), bcaError(d, share, z0, n1, a, a1),
          bcaError(d, share, z0, n2, a, a2));
    }

    /**
     * The upper bound at level L is the quantile Φ(z0 + n/(1 - a n)) with n = z0 + z_L; it is theta0
     * where that equals the share p0 of replicates below theta0: with w = Φ⁻¹(p0) - z0,
     * n = w/(1 + a w) and u = Φ(n - z0). Where 1 + a w ≤ 0 no level reaches theta0 (BCa's map
     * turns back at its pole), and u is 0 or 1.
     */
    @Override
    double levelAt(Distribution d, double theta0, IntervalInputs in) {
      if (!Double.isFinite(d.observed())) {
        return Double.NaN;
      }
      final double z0 = STANDARD_NORMAL.inverseCumulativeProbability(d.shareBelow(d.observed()));
      final double a = in.acceleration();
      if (Double.isNaN(a) || !Double.isFinite(z0)) {
        return Double.NaN;
      }
      final double w = STANDARD_NORMAL.inverseCumulativeProbability(d.shareBelow(theta0)) - z0;
      if (a == 0) {
        return STANDARD_NORMAL.cumulativeProbability(w);
      }
      final double den = Double.isInfinite(w) ? Math.signum(a * w) : 1 + a * w;
      if (den <= 0) {
        return w < 0 ? 0 : 1;
      }
      final double n = Double.isInfinite(w) ? 1 / a : w / den;
      return STANDARD_NORMAL.cumulativeProbability(n - z0);
    }
  },
  STUDENTIZED {
    @Override
    boolean needsStandardErrors() {
      return true;
    }

    @Override
    Interval compute(Distribution d, double level, IntervalInputs in, List<String> warnings) {
      final double alpha = (1 - level) / 2;
      final double[] reps = d.replicates();
      final double[] se = in.replicateSeValues();
      final double se0 = in.observedSe();
      if (se == null || reps == null || se.length != reps.length) {
        warnings.add("studentized: no per-resample standard errors were computed; studentized endpoints are null");
        return new Interval(this, level, Double.NaN, Double.NaN);
      }
      final double[] t = new double[reps.length];
      for (int b = 0; b < reps.length; b++) {
        t[b] = (reps[b] - d.observed()) / se[b]; // 0/0 (a constant resample) is NaN and is left out below
      }
      final Distribution td = new Distribution(t, 0);
      if (td.omitted() > 0) {
        warnings.add("studentized: " + td.omitted() + " of " + t.length
            + " resamples have a zero or undefined standard error; their t values were left out");
      }
      if (td.size() == 0 || !Double.isFinite(se0)) {
        warnings.add("studentized: the standard error is undefined; studentized endpoints are null");
        return new Interval(this, level, Double.NaN, Double.NaN);
      }
      tails(this, td.size(), alpha, 1 - alpha, warnings);
      return Interval.of(this, level, d.observed() - se0 * td.quantile(1 - alpha), d.observed() - se0 * td.quantile(alpha),
          se0 * td.quantileError(1 - alpha), se0 * td.quantileError(alpha));
    }

    /** The upper bound at level L is t - se t*(1 - L): u is the share of t* above (t - theta0)/se. */
    @Override
    double levelAt(Distribution d, double theta0, IntervalInputs in) {
      final double[] reps = d.replicates();
      final double[] se = in.replicateSeValues();
      final double se0 = in.observedSe();
      if (se == null || reps == null || se.length != reps.length || !Double.isFinite(se0)) {
        return Double.NaN;
      }
      final double[] t = new double[reps.length];
      for (int b = 0; b < reps.length; b++) {
        t[b] = (reps[b] - d.observed()) / se[b];
      }
      final Distribution td = new Distribution(t, 0);
      return td.size() == 0 ? Double.NaN : 1 - td.shareBelow((d.observed() - theta0) / se0);
    }
  };

  static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** Fewer replicates than this beyond an endpoint make it rough (Efron and Tibshirani 1993, ch. 19). */
  static final int REPLICATES_BEYOND = 10;

  /**
   * The honest warnings about endpoints read as the quantiles {@code low} and {@code high} of
   * {@code size} replicates: an extreme order statistic used as an endpoint (the position before
   * the second or after the next-to-last: R's boot warns of the same), else fewer than
   * {@value #REPLICATES_BEYOND} replicates beyond an endpoint, with the B that would give that many.
   */
  static void tails(IntervalMethod m, int size, double low, double high, List<String> warnings) {
    if (size < 2 || Double.isNaN(low) || Double.isNaN(high)) {
      return;
    }
    final double tail = Math.min(low, 1 - high);
    if ((size - 1) * low < 1 || (size - 1) * high > size - 2) {
      warnings.add(m.spelling() + TAIL_EXTREME + " (the quantile at "
          + String.format(Locale.ROOT, "%.4g", tail < low ? high : low) + " of " + size
          + " replicates): the endpoint is unstable; raise the number of resamples (B) to at least "
          + enough(tail));
    } else if (tail * size < REPLICATES_BEYOND) {
      warnings.add(m.spelling() + ": only about " + String.format(Locale.ROOT, "%.1f", tail * size)
          + TAIL_THIN + " (of " + size + "); below " + REPLICATES_BEYOND
          + " the endpoint is rough: raise the number of resamples (B) to at least " + enough(tail));
    }
  }

  /**
   * Whether a warning is one of {@link #tails}' (a thin tail), which an engine averaging many small
   * bootstraps (the Bag of Little Bootstraps) leaves out: its average is not that rough.
   */
  public static boolean isTailWarning(String warning) {
    return warning.contains(TAIL_EXTREME) || warning.contains(TAIL_THIN);
  }

  private static final String TAIL_EXTREME = ": extreme order statistics used as endpoints";
  private static final String TAIL_THIN = " replicates lie beyond an endpoint";

  /** The B that puts {@value #REPLICATES_BEYOND} replicates beyond a tail of this share (rounding noise aside). */
  private static long enough(double tail) {
    return (long) Math.ceil(REPLICATES_BEYOND / Math.max(tail, 1e-300) * (1 - 1e-9));
  }

  /**
   * The Monte Carlo standard error of a BCa endpoint, the quantile at the adjusted level
   * {@code a = Phi(z0 + n / (1 - acc n))}, {@code n = z0 + z_alpha}: both the quantile and z0
   * (through {@code p0}, the share of replicates below the observed value) are functions of the
   * replicates' empirical distribution F, so by the delta method the endpoint moves by
   * {@code (g' dF(theta) - dF(x_a)) / f(x_a)} with {@code g' = da / dp0}, whose variance is
   * {@code s^2 / B (g'^2 p0 (1 - p0) + a (1 - a) - 2 g' (min(p0, a) - p0 a))}, s the sparsity at a.
   */
  private static double bcaError(Distribution d, double p0, double z0, double n, double acc, double a) {
    final double denominator = 1 - acc * n;
    final double slope = STANDARD_NORMAL.density(z0 + n / denominator) * (1 + 1 / (denominator * denominator))
        / STANDARD_NORMAL.density(z0);
    final double m = d.size();
    final double s = d.sparsity(a);
    final double variance = s * s / m * (slope * slope * p0 * (1 - p0) + Math.max(a * (1 - a), 1 / m)
        - 2 * slope * (Math.min(p0, a) - p0 * a));
    return Math.sqrt(Math.max(0, variance));
  }

  /** The default method, as SciPy's. */
  public static final IntervalMethod DEFAULT = BCA;

  /** Whether the method reads the jackknife values. */
  boolean needsJackknife() {
    return false;
  }

  /** Whether the method reads per-resample standard errors ({@link IntervalInputs#replicateSe()}). */
  boolean needsStandardErrors() {
    return false;
  }

  abstract Interval compute(Distribution d, double level, IntervalInputs in, List<String> warnings);

  /**
   * The one-sided level u at which this method's upper bound is {@code theta0} (its interval's
   * inversion: the upper bound at level L is below theta0 exactly when L &lt; u); NaN where the
   * method is undefined. {@link Alternative#pValue} makes the p-value of it.
   */
  abstract double levelAt(Distribution d, double theta0, IntervalInputs in);

  /** The name on the command line. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The interval at {@code level}, or the point interval with a warning when the distribution is
   * degenerate.
   *
   * @param jackknife leave-one-out values of the statistic (read by BCA; may be null otherwise)
   * @param warnings where warnings go
   */
  public Interval interval(Distribution d, double level, double[] jackknife, List<String> warnings) {
    return interval(d, level, IntervalInputs.ofJackknife(jackknife), warnings);
  }

  /**
   * The interval at {@code level} from the distribution and what else the method reads
   * (jackknife values for BCa, per-resample standard errors for studentized), or the point
   * interval when the distribution is degenerate.
   */
  public Interval interval(Distribution d, double level, IntervalInputs inputs, List<String> warnings) {
    if (d.size() == 0) {
      return new Interval(this, level, Double.NaN, Double.NaN);
    }
    if (d.degenerate()) {
      final double v = d.min();
      return Interval.of(this, level, v, v, 0, 0);
    }
    return compute(d, level, inputs, warnings);
  }

  /** True if any of the methods reads per-resample standard errors (studentized). */
  public static boolean anyNeedsStandardErrors(Set<IntervalMethod> methods) {
    return methods.stream().anyMatch(IntervalMethod::needsStandardErrors);
  }

  /**
   * BCa's acceleration for k independent samples, as SciPy's {@code _bca_interval}: with
   * {@code theta[j][i]} the statistic with row i of sample j left out, n_j its size and
   * {@code U_ji = (n_j - 1)(mean_i theta[j] - theta[j][i])},
   * {@code a = sum_j sum_i U_ji^3 / n_j^3 / (6 (sum_j sum_i U_ji^2 / n_j^2)^1.5)}; NaN when undefined.
   * For one sample it equals {@link #acceleration(double[])} up to rounding.
   */
  public static double acceleration(List<double[]> theta) {
    double num = 0;
    double den = 0;
    for (double[] t : theta) {
      final double n = t.length;
      double sum = 0;
      for (double v : t) {
        sum += v;
      }
      final double mean = sum / n;
      double u2 = 0;
      double u3 = 0;
      for (double v : t) {
        final double u = (n - 1) * (mean - v);
        u2 += u * u;
        u3 += u * u * u;
      }
      num += u3 / (n * n * n);
      den += u2 / (n * n);
    }
    final double a = num / (6 * den * Math.sqrt(den));
    return Double.isFinite(a) ? a : Double.NaN;
  }

  /** True if any of the methods reads the jackknife. */
  public static boolean anyNeedsJackknife(Set<IntervalMethod> methods) {
    return methods.stream().anyMatch(IntervalMethod::needsJackknife);
  }

  /**
   * BCa's acceleration from jackknife values: {@code sum U^3 / (6 (sum U^2)^1.5)}, U the
   * deviations of the jackknife mean from each value; NaN when undefined.
   */
  public static double acceleration(double[] jackknife) {
    final int n = jackknife.length;
    double sum = 0;
    for (double v : jackknife) {
      sum += v;
    }
    final double mean = sum / n;
    double u2 = 0;
    double u3 = 0;
    for (double v : jackknife) {
      final double u = mean - v;
      u2 += u * u;
      u3 += u * u * u;
    }
    final double a = u3 / (6 * u2 * Math.sqrt(u2));
    return Double.isFinite(a) ? a : Double.NaN;
  }

  /** Parses a comma-separated list, e.g. {@code percentile,bca}; {@code all} means every method. */
  public static Set<IntervalMethod> parseList(String text) {
    final Set<IntervalMethod> out = new LinkedHashSet<>();
    for (String part : text.split(",", -1)) {
      final String p = part.strip().toLowerCase(Locale.ROOT);
      if (p.equals("all")) {
        out.addAll(Arrays.asList(values()));
        continue;
      }
      out.add(parse(p));
    }
    return out;
  }

  /** Parses one name. */
  public static IntervalMethod parse(String text) {
    for (IntervalMethod m : values()) {
      if (m.spelling().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new org.parboot.InvalidSettingException("intervals", org.parboot.Messages.quote(text), "is unknown", accepted() + ", all");
  }

  /** The accepted names, comma-separated. */
  public static String accepted() {
    return Arrays.stream(values()).map(IntervalMethod::spelling).collect(Collectors.joining(", "));
  }

  /** All methods, in declaration order. */
  public static List<IntervalMethod> all() {
    return new ArrayList<>(Arrays.asList(values()));
  }
}
