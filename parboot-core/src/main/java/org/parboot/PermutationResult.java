package org.parboot;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.parboot.ci.Alternative;

/**
 * The result of a permutation test ({@link PermutationTest}): its settings, and one {@link Test}
 * per statistic.
 *
 * @param source where the data came from, and which samples (e.g. {@code weather.csv: Seattle - New York})
 * @param n the observations permuted (both samples' rows; the pairs of a paired test)
 * @param type the permutation type
 * @param options the options it ran with (the seed actually used; its resamples are the
 *     permutations computed)
 * @param distinct how many distinct permutations there are
 * @param exact whether every distinct permutation was computed (there were at most the resamples
 *     asked for); otherwise they were drawn at random
 * @param samples what was permuted, in words (e.g. {@code Seattle (n = 1461) and New York (n = 1461) pooled})
 * @param kernel how the permutations were drawn and evaluated
 * @param elapsed wall time
 * @param tests one per statistic, in the order asked
 * @param warnings non-finite values, tests that cannot reach a small p-value
 */
public record PermutationResult(String source, long n, PermutationType type, BootstrapOptions options,
    BigInteger distinct, boolean exact, String samples, String kernel, Duration elapsed, List<Test> tests,
    List<String> warnings) {

  public PermutationResult {
    tests = List.copyOf(tests);
    warnings = List.copyOf(warnings);
  }

  /** The permutations the null distribution holds: every distinct one (exact), or the resamples asked for. */
  public int permutations() {
    return options.resamples();
  }

  /** The alternative hypothesis the p-values are for. */
  public Alternative alternative() {
    return options.intervals().alternative();
  }

  /** The test of the statistic with this label. */
  public Test test(String label) {
    return tests.stream().filter(t -> t.label().equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no statistic " + label + " in "
            + tests.stream().map(Test::label).toList()));
  }

  /**
   * One statistic's test.
   *
   * @param label the statistic's label
   * @param observed its value on the data as observed
   * @param pValue SciPy's p-value ({@link PermutationTest#pValue}); NaN when the observed value or
   *     (under the nan policy propagate) a permuted value is not finite
   * @param pValueError its Monte Carlo standard error, √(p(1 − p)/N) over the N permutations
   *     drawn; 0 for an exact test
   * @param used the permutations whose value is finite, which the p-value counts
   * @param nullDistribution the statistic on every permutation (permutation p at index p)
   */
  public record Test(String label, double observed, double pValue, double pValueError, int used,
      double[] nullDistribution) {

    public Test {
      nullDistribution = nullDistribution.clone(); // the record keeps its own
    }

    /** A copy of the null distribution. */
    @Override
    public double[] nullDistribution() {
      return nullDistribution.clone();
    }

    /** The null distribution's value at permutation {@code p}, without a copy. */
    public double nullValue(int p) {
      return nullDistribution[p];
    }
  }
}
