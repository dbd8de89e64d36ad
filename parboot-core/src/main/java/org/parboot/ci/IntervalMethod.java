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
 *       Phi^-1(share of replicates below t, ties counting half)}, acceleration {@code a =
 *       sum U^3 / (6 (sum U^2)^1.5)} with {@code U_i = mean(jackknife) - jackknife_i}, and
 *       endpoints {@code q(Phi(z0 + (z0 + z) / (1 - a (z0 + z))))} for z = -/+ z(1 - alpha).</li>
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
    Interval compute(Distribution d, double level, double[] jackknife, List<String> warnings) {
      final double alpha = (1 - level) / 2;
      return new Interval(this, level, d.quantile(alpha), d.quantile(1 - alpha));
    }
  },
  BASIC {
    @Override
    Interval compute(Distribution d, double level, double[] jackknife, List<String> warnings) {
      final double alpha = (1 - level) / 2;
      final double t = d.observed();
      return new Interval(this, level, 2 * t - d.quantile(1 - alpha), 2 * t - d.quantile(alpha));
    }
  },
  NORMAL {
    @Override
    Interval compute(Distribution d, double level, double[] jackknife, List<String> warnings) {
      final double z = STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
      final double centre = d.observed() - d.bias();
      final double half = d.standardError() * z;
      return new Interval(this, level, centre - half, centre + half);
    }
  },
  BCA {
    @Override
    boolean needsJackknife() {
      return true;
    }

    @Override
    Interval compute(Distribution d, double level, double[] jackknife, List<String> warnings) {
      final double alpha = (1 - level) / 2;
      if (!Double.isFinite(d.observed())) {
        warnings.add("BCa: needs a finite observed value; BCa endpoints are null");
        return new Interval(this, level, Double.NaN, Double.NaN);
      }
      final double z0 = STANDARD_NORMAL.inverseCumulativeProbability(d.shareBelow(d.observed()));
      final double a = acceleration(jackknife);
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
      return new Interval(this, level, d.quantile(a1), d.quantile(a2));
    }
  };

  static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** The default method, as SciPy's. */
  public static final IntervalMethod DEFAULT = BCA;

  /** Whether the method reads the jackknife values. */
  boolean needsJackknife() {
    return false;
  }

  abstract Interval compute(Distribution d, double level, double[] jackknife, List<String> warnings);

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
    if (d.size() == 0) {
      return new Interval(this, level, Double.NaN, Double.NaN);
    }
    if (d.degenerate()) {
      final double v = d.sorted()[0];
      return new Interval(this, level, v, v);
    }
    return compute(d, level, jackknife, warnings);
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
    throw new InvalidInputException("unknown --ci method '" + text + "'; accepted: " + accepted() + ", all");
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
