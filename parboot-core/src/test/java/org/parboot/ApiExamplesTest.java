package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;
import org.parboot.exec.RunControl;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;

/** The usage examples of the javadoc, compiled and run: if an example stops compiling, so does this. */
class ApiExamplesTest {

  @Test
  void bootstrapClassExample_runsAndGivesAnIntervalAroundTheMean() {
    // --- as in the javadoc of Bootstrap ---
    Dataset data = Dataset.of("x", 2.1, 3.4, 1.9, 5.6, 4.4, 3.8, 2.7);
    BootstrapResult result = Bootstrap.run(data,
        List.of(MomentStatistic.mean("x"), OrderStatistic.median("x")),
        BootstrapOptions.builder().resamples(9999).seed(1).build());
    Interval ci = result.statistics().get(0).intervals().get(0); // BCa, 95%
    // ---
    assertThat(ci.method()).isEqualTo(IntervalMethod.BCA);
    assertThat(ci.level()).isEqualTo(0.95);
    assertThat(ci.low()).isLessThan(result.statistics().get(0).observed()).isGreaterThan(1.9);
    assertThat(ci.high()).isGreaterThan(result.statistics().get(0).observed()).isLessThan(5.6);
  }

  @Test
  void optionsExample_buildsWhatItSays() {
    // --- as in the javadoc of BootstrapOptions ---
    BootstrapOptions options = BootstrapOptions.builder()
        .resamples(9999)
        .seed(42)
        .executor(ExecutorKind.FORKJOIN)
        .threads(8)
        .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA)
        .level(0.95)
        .scheme(new Scheme.Stationary(BlockLength.auto()))
        .build();
    // ---
    assertThat(options.intervals().methods()).containsExactly(IntervalMethod.PERCENTILE, IntervalMethod.BCA);
    assertThat(options.scheme()).isEqualTo(new Scheme.Stationary(BlockLength.auto()));
    assertThat(options.scheme().blockLength()).isInstanceOf(BlockLength.Auto.class);
    assertThat(options.seedGiven()).isTrue();
    assertThat(options.execution().threads()).isEqualTo(8);
  }

  @Test
  void runControlExample_timeoutEndsTheRunAsTimedOut() {
    Dataset data = Dataset.of("x", new java.util.Random(3).doubles(200_000).toArray());
    // --- as in the javadoc of RunControl ---
    RunControl control = RunControl.withTimeout(Duration.ofMillis(50));
    // ---
    try {
      Bootstrap.run(data, List.of(MomentStatistic.mean("x")),
          BootstrapOptions.builder().resamples(1_000_000).seed(1).build(), control);
      throw new AssertionError("the run should have timed out");
    } catch (CancelledException e) {
      assertThat(e.timedOut()).isTrue();
    }
  }
}
