package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code --engine} and {@code --master} without the Spark module on the class path (the runs with
 * it are parboot-spark's SparkCommandLineTest): every misuse is one line and exit 2.
 */
class EngineOptionTest {

  private static void assertOneLine(CliRun r, String expected) {
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("parboot: ").contains(expected).doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownEngine_listsTheEngines() {
    assertOneLine(CliRun.of("run", "--engine", "flink", "-B", "10"), "--engine 'flink' is not accepted; accepted: local, spark");
  }

  @Test
  void master_withoutSpark_isRefused() {
    assertOneLine(CliRun.of("run", "--master", "local[2]", "-B", "10"), "--master 'local[2]' needs --engine spark");
  }

  @Test
  void spark_withStrata_isRefusedNamingBoth() {
    assertOneLine(CliRun.of("run", "--engine", "spark", "--strata", "location", "-B", "10"),
        "--engine spark cannot be combined with --strata");
  }

  @Test
  void method_withoutSpark_isRefused() {
    assertOneLine(CliRun.of("run", "--method", "blb", "-B", "10"), "--method and the --blb options need --engine spark");
  }

  @Test
  void unknownMethod_listsTheMethods() {
    assertOneLine(CliRun.of("run", "--engine", "spark", "--method", "jackknife", "-B", "10"),
        "--method 'jackknife' is not accepted; accepted: poisson, blb");
  }

  @Test
  void blbOption_withoutBlb_isRefused() {
    assertOneLine(CliRun.of("run", "--engine", "spark", "--blb-subsets", "5", "-B", "10"),
        "--blb-subsets needs --method blb");
  }

  @Test
  void blb_withGroupBy_isRefused() {
    assertOneLine(CliRun.of("run", "--engine", "spark", "--method", "blb", "--group-by", "location"),
        "--method blb cannot be combined with --group-by");
  }

  @Test
  void spark_notOnTheClassPath_saysHowToGetIt() {
    assertOneLine(CliRun.of("run", "--engine", "spark", "-B", "10", "--seed", "1"),
        "--engine spark is not on the class path: it comes with parboot-spark");
  }

  @Test
  void local_isTheDefault_andNamedInTheTable() {
    final CliRun r = CliRun.of("run", "--engine", "local", "-B", "100", "--seed", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("executor = ");
  }
}
