package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;
import org.parboot.testing.Fixtures;

/**
 * Each scheme's bootstrap standard error against an independent computation that does not share
 * parboot's index streams: closed forms (iid; moving- and circular-block, Künsch 1989; stationary,
 * Politis and Romano 1994) and NumPy Monte Carlo with 200,000 resamples (poisson, balanced), all
 * made by {@code src/test/resources/reference/block_bootstrap.py} on an AR(1) series (phi = 0.5,
 * n = 240) with block length 10.
 *
 * <p>parboot runs 20,000 resamples: the relative Monte Carlo error of a standard error is then
 * about 1/sqrt(2B) = 0.5% for the mean, about 1% for the median, so 3% and 5% are 6 and 5 sigma.
 */
class SchemeReferenceTest {

  private static final double[] SERIES = Fixtures.rows("block_length_series.csv").stream()
      .filter(r -> r.get(0).equals("ar1_phi0.5_n240")).findFirst().orElseThrow()
      .subList(1, 241).stream().mapToDouble(Double::parseDouble).toArray();

  static Stream<List<String>> references() {
    return Fixtures.rows("block_bootstrap.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void standardError_arOneSeries_matchesReference(List<String> row) {
    final int length = Integer.parseInt(row.get(1));
    final Scheme scheme = Scheme.of(row.get(0), length > 0 ? BlockLength.of(length) : BlockLength.auto());
    final Statistic stat = row.get(2).equals("mean") ? MomentStatistic.mean("x") : OrderStatistic.median("x");
    final BootstrapOptions.Builder options = BootstrapOptions.builder().resamples(20_000).seed(2026)
        .executor(ExecutorKind.FORKJOIN).scheme(scheme);
    final BootstrapResult r = Bootstrap.run(Dataset.of("x", SERIES), List.of(stat), options.build());
    final double tolerance = row.get(2).equals("mean") ? 3 : 5;
    assertThat(r.statistics().get(0).standardError()).as(row.get(0) + " " + row.get(4))
        .isCloseTo(Double.parseDouble(row.get(3)), withinPercentage(tolerance));
    assertThat(r.statistics().get(0).nonFinite()).isZero();
  }
}
