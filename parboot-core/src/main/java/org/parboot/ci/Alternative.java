package org.parboot.ci;

import java.util.Locale;
import org.parboot.InvalidSettingException;

/**
 * Which interval: two-sided, or one-sided as SciPy's {@code alternative} has it. A one-sided
 * interval at level L keeps one endpoint of the two-sided interval at level {@code 2L - 1} (the
 * same method on the same replicates) and opens the other: {@code less} gives {@code (-inf, high]},
 * {@code greater} gives {@code [low, inf)}. So the upper bound of a 95% {@code less} interval is
 * the upper bound of the 90% two-sided one, for every method.
 */
public enum Alternative {
  TWO_SIDED("two-sided"), LESS("less"), GREATER("greater");

  /** The default, as SciPy's. */
  public static final Alternative DEFAULT = TWO_SIDED;

  private final String spelling;

  Alternative(String spelling) {
    this.spelling = spelling;
  }

  /** The command line's and SciPy's spelling. */
  public String spelling() {
    return spelling;
  }

  /**
   * The alternative spelt {@code text} (case-insensitive).
   *
   * @throws InvalidSettingException naming the setting and the spellings
   */
  public static Alternative parse(String text) {
    final String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Alternative a : values()) {
      if (a.spelling.equals(t)) {
        return a;
      }
    }
    throw new InvalidSettingException("alternative", org.parboot.Messages.quote(String.valueOf(text)),
        "is not an alternative", "two-sided, less, greater");
  }

  /** The level of the two-sided interval whose endpoint a one-sided interval at {@code level} keeps. */
  public double twoSidedLevel(double level) {
    return this == TWO_SIDED ? level : 2 * level - 1;
  }

  /** The interval at {@code level} from the two-sided interval at {@link #twoSidedLevel(double)}. */
  public Interval of(Interval twoSided, double level) {
    return switch (this) {
      case TWO_SIDED -> twoSided;
      case LESS -> new Interval(twoSided.method(), level, Double.NEGATIVE_INFINITY, twoSided.high(), this, Double.NaN,
          twoSided.highError());
      case GREATER -> new Interval(twoSided.method(), level, twoSided.low(), Double.POSITIVE_INFINITY, this,
          twoSided.lowError(), Double.NaN);
    };
  }

  /** The interval of {@code method} at {@code level} on the distribution, two-sided or one-sided. */
  public Interval interval(IntervalMethod method, Distribution d, double level, IntervalInputs in,
      java.util.List<String> warnings) {
    return of(method.interval(d, twoSidedLevel(level), in, warnings), level);
  }

  /**
   * The p-value of {@code H0: theta = theta0} against this alternative by inverting {@code method}'s
   * intervals: the smallest alpha at which the interval at level 1 - alpha excludes
   * {@code theta0}. With u the one-sided level at which the method's upper bound is
   * {@code theta0} ({@link IntervalMethod#levelAt}): {@code less} (H1: theta &lt; theta0, rejected
   * when the upper bound falls below theta0) gives {@code 1 - u}, {@code greater} gives {@code u},
   * {@code two-sided} twice the smaller, at most 1. NaN where the method's interval is undefined.
   */
  public double pValue(IntervalMethod method, Distribution d, double theta0, IntervalInputs in) {
    final double u = method.levelAt(d, theta0, in);
    return pValue(1 - u, u);
  }

  /**
   * This alternative's p-value from the two one-sided ones (of H1: theta &lt; theta0 and of
   * H1: theta &gt; theta0): one of them, or for {@code two-sided} twice the smaller, at most 1. The
   * one rule of the bootstrap's inverted intervals and of the permutation tests (SciPy's).
   */
  public double pValue(double less, double greater) {
    return switch (this) {
      case LESS -> less;
      case GREATER -> greater;
      case TWO_SIDED -> Math.min(1, 2 * Math.min(less, greater));
    };
  }
}
