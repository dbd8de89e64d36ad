package org.parboot.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.parboot.testing.Fixtures;

/**
 * Politis-White / Patton-Politis-White automatic block lengths against the independent NumPy
 * implementation in {@code src/test/resources/reference/block_length.py} (written to follow
 * {@code arch.bootstrap.optimal_block_length}, arch 7.x), on AR(1) series with fixed NumPy seeds,
 * white noise, and the Seattle and New York series of the bundled weather data (1,461 days).
 */
class OptimalBlockLengthTest {

  private static final Map<String, double[]> SERIES = Fixtures.rows("block_length_series.csv").stream()
      .collect(Collectors.toMap(r -> r.get(0), r -> r.subList(1, r.size()).stream().mapToDouble(Double::parseDouble).toArray()));

  static Stream<List<String>> references() {
    return Fixtures.rows("block_length.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void of_referenceSeries_matchesNumPy(List<String> row) {
    final double[] x = SERIES.get(row.get(0));
    assertThat(x).hasSize(Integer.parseInt(row.get(1)));
    final OptimalBlockLength opt = OptimalBlockLength.of(x);
    // Only summation order differs (NumPy's pairwise dot vs a loop): 1e-9 is far below any rounding that matters.
    assertThat(opt.stationary()).isCloseTo(Double.parseDouble(row.get(2)), withinPercentage(1e-7));
    assertThat(opt.circular()).isCloseTo(Double.parseDouble(row.get(3)), withinPercentage(1e-7));
  }

  @Test
  void of_ratio_isTheCubeRootOfTheConstants() {
    // D_SB / D_CB = 2 / (4/3): b_CB / b_SB = 1.5^(1/3) whenever neither is capped.
    final OptimalBlockLength opt = OptimalBlockLength.of(SERIES.get("ar1_phi0.5_n240"));
    assertThat(opt.circular() / opt.stationary()).isCloseTo(Math.cbrt(1.5), withinPercentage(1e-10));
  }

  @Test
  void of_tooShort_refused() {
    assertThatThrownBy(() -> OptimalBlockLength.of(new double[OptimalBlockLength.MIN_OBSERVATIONS - 1]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16");
  }

  @Test
  void of_constantSeries_isNaN() {
    assertThat(OptimalBlockLength.of(new double[40]).stationary()).isNaN();
  }
}
