package org.parboot.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.StatisticResult;
import org.parboot.data.Dataset;
import org.parboot.stat.MomentStatistic;
import org.parboot.spec.StatisticSpec;
import org.parboot.testing.Fixtures;

/**
 * BCa's bias correction counts replicates tied with the observed value as half below, also when
 * rounding has moved a tie by a few ulps ({@link Distribution#shareBelow}).
 *
 * <p>The reference is the exact ideal bootstrap (B = infinity) of the mean of
 * x = 0.1, 0.2, 0.3, 0.4, 0.7 at level 0.8. 8.48 % of the resamples have mean exactly 0.34, the
 * observed value; counted as ties, z0 = 0.0546 and the upper endpoint is 0.48. Counting half of
 * them as below (parboot's replicates of them come out as 0.33999999999999997 or 0.34 depending on
 * the draw order) moves the upper endpoint to 0.50. Script (Python 3, NumPy 2.4, SciPy 1.17):
 *
 * <pre>{@code
 * from fractions import Fraction
 * from itertools import combinations_with_replacement
 * from collections import Counter
 * from math import factorial
 * import numpy as np
 * from scipy import stats
 * from scipy.special import ndtr, ndtri
 *
 * x = [Fraction(v) for v in ("0.1", "0.2", "0.3", "0.4", "0.7")]
 * n = len(x)
 * t0 = sum(x) / n
 * dist = Counter()                       # exact mean -> exact probability
 * for draw in combinations_with_replacement(range(n), n):      # the 126 compositions
 *     c = Counter(draw)
 *     p = Fraction(factorial(n), n ** n)
 *     for k in c.values():
 *         p /= factorial(k)
 *     dist[sum(x[i] * k for i, k in c.items()) / n] += p
 * below = sum(p for v, p in dist.items() if v < t0)
 * tie = dist[t0]
 * z0 = ndtri(float(below + tie / 2))
 * jk = [(sum(x) - xi) / (n - 1) for xi in x]
 * u = [sum(jk) / n - j for j in jk]
 * a = float(sum(v ** 3 for v in u)) / (6 * float(sum(v ** 2 for v in u)) ** 1.5)
 * level = 0.8
 * alpha = (1 - level) / 2
 * def adj(z):
 *     return ndtr(z0 + (z0 + z) / (1 - a * (z0 + z)))
 * a1, a2 = adj(ndtri(alpha)), adj(ndtri(1 - alpha))
 * def quantile(q):                       # inverse CDF: the large-B limit of the interpolated quantile
 *     cum = Fraction(0)
 *     for v in sorted(dist):
 *         cum += dist[v]
 *         if cum >= Fraction(q):
 *             return v
 * print(below, tie, z0, a, a1, a2, float(quantile(a1)), float(quantile(a2)))
 * xs = np.array([0.1, 0.2, 0.3, 0.4, 0.7])
 * for seed in (1, 2, 3):
 *     print(stats.bootstrap((xs,), np.mean, confidence_level=level, method="BCa", n_resamples=200_000,
 *                           random_state=np.random.default_rng(seed)).confidence_interval)
 * }</pre>
 *
 * prints P(mean &lt; 0.34) = 1498/3125, P(mean = 0.34) = 53/625, z0 = 0.05457130496715117,
 * a = 0.05163292696994976, BCa levels 0.1358169290083019 and 0.9318485372349112, and the exact
 * interval [0.24, 0.48]; the exact CDF is 0.913280 at 0.46, 0.938880 at 0.48 and 0.958080 at
 * 0.50, so the level 0.93185 falls on 0.48 with a margin of 7 Monte Carlo standard errors at
 * B = 200,000. {@code scipy.stats.bootstrap} gives (0.24, 0.48) for seeds 1, 2 and 3.
 */
class BcaTiesTest {

  private static final Dataset ATOM = Dataset.of("x", 0.1, 0.2, 0.3, 0.4, 0.7);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void bca_meanWithAtomAtObservedValue_exactIdealBootstrapInterval(long seed) {
    final Interval ci = Bootstrap.run(ATOM, List.of(MomentStatistic.mean("x")), BootstrapOptions.builder()
        .resamples(200_000).seed(seed).level(0.8).intervals(IntervalMethod.BCA).build())
        .statistics().get(0).intervals().get(0);

    assertThat(ci.low()).as("low").isCloseTo(0.24, within(1e-12));
    assertThat(ci.high()).as("high").isCloseTo(0.48, within(1e-12));
  }

  @Test
  void shareBelow_replicateWithinTieUlpsOfScore_countsHalf() {
    final double u = Math.ulp(1.0);
    // Sorted: -1, 0.9, 1 - 9u, 1 - 8u; the middle half's largest magnitude is 1, so ties are within 8u of 1.
    final Distribution d = new Distribution(new double[] {1 - 8 * u, -1, 1 - 9 * u, 0.9}, 1.0);

    assertThat(d.shareBelow(1.0)).isEqualTo((3 + 0.5) / 4);
  }

  @Test
  void shareBelow_scoreNearZero_tieScaleIsTheReplicatesSpread() {
    // A mean of data of scale 1 that is 0 in exact arithmetic comes out as a few 1e-17.
    final Distribution d = new Distribution(new double[] {-0.5, -1.3877787807814457e-17, -2.7755575615628914e-17, 0.5},
        0.0);

    assertThat(d.shareBelow(0.0)).isEqualTo((1 + 2 * 0.5) / 4);
  }

  @Test
  void shareBelow_largeOffset_tiesWithinTieUlpsOfTheOffset() {
    final double t = 1e9 + 0.3;
    final double u = Math.ulp(t);
    final Distribution d = new Distribution(new double[] {t - 9 * u, t - u, t - u, t + 8 * u, t + 9 * u}, t);

    // t - 9u below; t - u, t - u and t + 8u ties; t + 9u above.
    assertThat(d.shareBelow(t)).isEqualTo((1 + 3 * 0.5) / 5);
  }

  @Test
  void shareBelow_notFiniteScore_exactComparison() {
    final Distribution d = new Distribution(new double[] {1, 2, 3}, 2);

    assertThat(d.shareBelow(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(d.shareBelow(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mean", "std", "median", "skew"})
  void shareBelow_continuousDataNoReplicateNearObserved_sameAsExactCount(String spec) {
    final Dataset data = Fixtures.dataset("skewed");
    final StatisticResult s = Bootstrap.run(data,
        StatisticSpec.parse(spec, data.columnNames()), BootstrapOptions.builder().resamples(9999)
            .seed(11).build()).statistics().get(0);
    final double t = s.observed();
    int below = 0;
    int belowOrEqual = 0;
    for (double r : s.replicates()) {
      below += r < t ? 1 : 0;
      belowOrEqual += r <= t ? 1 : 0;
      assertThat(r == t || Math.abs(r - t) > 1e3 * Distribution.TIE_ULPS * Math.ulp(t)).as("replicate %s near %s", r, t)
          .isTrue();
    }

    assertThat(new Distribution(s.replicates(), t).shareBelow(t)).isEqualTo((below + belowOrEqual) / (2.0 * 9999));
  }
}
