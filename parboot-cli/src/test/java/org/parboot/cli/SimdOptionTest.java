package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code --simd}: parsed and named in errors as the flag; a run large enough for SIMD under
 * {@code auto}, in a JVM without the Vector API (these tests' JVM, as the launcher starts a plain
 * {@code parboot run}), says that {@code --simd always} would be faster, and only then. The bundled
 * data has 2,922 rows: 91,900 resamples are just over 2^28 draws, 91,800 just under.
 */
class SimdOptionTest {

  @Test
  void autoLargeRunWithoutTheVectorApi_notesThatAlwaysWouldBeFaster_resultsAsWithNever() {
    final CliRun auto = CliRun.of("run", "--seed", "1", "-B", "91900", "--ci", "percentile");
    assertThat(auto.code()).as(auto.err()).isZero();
    assertThat(auto.err()).contains("2.7e+08 draws: --simd always would draw and sum on SIMD lanes");
    final CliRun never = CliRun.of("run", "--seed", "1", "-B", "91900", "--ci", "percentile", "--simd", "never");
    assertThat(never.err()).doesNotContain("--simd always");
    // The same results (the first line ends with the run's time).
    assertThat(never.out().lines().skip(1).toList()).isEqualTo(auto.out().lines().skip(1).toList());
  }

  @Test
  void autoBelowTheThresholdOrQuiet_noNote() {
    assertThat(CliRun.of("run", "--seed", "1", "-B", "91800", "--ci", "percentile").err()).doesNotContain("--simd");
    assertThat(CliRun.of("run", "--seed", "1", "-B", "91900", "--ci", "percentile", "-q").err()).isEmpty();
  }

  @Test
  void badMode_oneLineNamingTheFlagAndWhatIsAccepted() {
    final CliRun r = CliRun.of("run", "--seed", "1", "--simd", "sometimes");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("parboot: --simd 'sometimes' is unknown; accepted: auto, always, never\n");
  }
}
