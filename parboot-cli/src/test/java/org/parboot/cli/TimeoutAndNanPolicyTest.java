package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout} on every command (exit 124, one line, nothing written) and {@code --nan-policy} end to end. */
class TimeoutAndNanPolicyTest {

  @TempDir
  Path dir;

  /** A column long enough that a median over a million resamples runs for minutes. */
  static Path bigColumn(Path dir) throws IOException {
    final StringBuilder csv = new StringBuilder("x\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append(i * 7919 % 20_011).append('\n');
    }
    return Files.writeString(dir.resolve("big.csv"), csv);
  }

  @ParameterizedTest
  @CsvSource({"250ms, PT0.25S", "30s, PT30S", "5m, PT5M", "1h, PT1H", "1.5s, PT1.5S", "PT30S, PT30S", "pt2m, PT2M",
      "' 10 s ', PT10S"})
  void durations_acceptedForms(String text, String iso) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "s", "-1s", "0ms", "1d", "1,5s", "PT-3S", "P", "1e3s", "99999999999h"})
  void durations_rejected_namesAcceptedForms(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("accepted: a positive number with a unit ms, s, m or h");
  }

  @Test
  void run_timeoutPasses_exit124OneLineNoOutputFile() throws IOException {
    final Path out = dir.resolve("out.json");
    final long start = System.nanoTime();
    final CliRun r = CliRun.of("run", bigColumn(dir).toString(), "--column", "x", "--stat", "median", "-B", "1000000",
        "--seed", "1", "--timeout", "300ms", "--simd", "never", "--output", out.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(r.err().lines()).containsExactly("parboot: stopped: the time limit passed");
    assertThat(r.out()).isEmpty();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("big.csv");
    }
  }

  @Test
  void bench_timeoutCoversTheWholeCommand_exit124() throws IOException {
    final Path out = dir.resolve("bench.json");
    final CliRun r = CliRun.of("bench", bigColumn(dir).toString(), "--column", "x", "--stat", "median", "-B", "20000",
        "--seed", "1", "--runs", "50", "--executors", "serial,pool", "--threads", "2", "--timeout", "400ms",
        "--output", out.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_TIMEOUT);
    assertThat(r.err().lines()).containsExactly("parboot: stopped: the time limit passed");
    assertThat(out).doesNotExist();
  }

  @Test
  void demo_timeoutCoversTheWholeCommand_exit124NoReport() {
    final Path out = dir.resolve("demo");
    final CliRun r = CliRun.of("demo", "-B", "200000", "--runs", "20", "--timeout", "300ms", "--output", out.toString(),
        "--quiet");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_TIMEOUT);
    assertThat(r.err().lines()).containsExactly("parboot: stopped: the time limit passed");
    assertThat(out).doesNotExist();
  }

  @Test
  void run_timeoutPassesWhileTheCsvLoads_stopsTheLoadNothingWritten() throws IOException {
    final StringBuilder csv = new StringBuilder("x\n");
    for (int i = 0; i < 2_000_000; i++) {
      csv.append(i % 1013).append(".5\n");
    }
    final Path big = Files.writeString(dir.resolve("huge.csv"), csv);
    final Path out = Files.writeString(dir.resolve("out.json"), "old");
    // No --seed and not quiet: a run that got past the load would say which seed it drew.
    final CliRun r = CliRun.of("run", big.toString(), "--column", "x", "-B", "100", "--timeout", "100ms",
        "--format", "json", "--output", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_TIMEOUT);
    assertThat(r.err().lines()).as("stopped before the load ended").containsExactly(
        "parboot: stopped: the time limit passed");
    assertThat(Files.readString(out)).isEqualTo("old");
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
  void run_timeoutPassesWhileWritingToAFifoNobodyReads_exit124FifoKept(@TempDir Path tmp) throws Exception {
    final Path fifo = dir.resolve("reps.fifo");
    org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    final Child child = Child.start(dir, tmp, "run", "-B", "200", "--seed", "1", "-q", "--replicates",
        fifo.toString(), "--timeout", "1s");
    final long started = System.nanoTime();
    final Duration took = child.awaitExit(started);
    assertThat(child.process().exitValue()).as("%s", child.errSoFar()).isEqualTo(Main.EXIT_TIMEOUT);
    assertThat(child.errLines()).containsExactly("parboot: stopped: the time limit passed");
    assertThat(took).isLessThan(Duration.ofSeconds(1).plus(CommandScope.GRACE).plusMillis(1500));
    assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void run_timeoutNotReached_normalResult() {
    final CliRun r = CliRun.of("run", "-B", "200", "--seed", "1", "--timeout", "1h", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
  }

  /** Skewness of 3 rows is NaN on a resample that draws one row three times (1 in 9). */
  private CliRun skewOfThree(String policy) throws IOException {
    final Path csv = Files.writeString(dir.resolve("three.csv"), "x\n1\n2\n4\n");
    return CliRun.of("run", csv.toString(), "--column", "x", "--stat", "skew", "--stat", "mean", "-B", "900",
        "--seed", "2", "--ci", "percentile,normal", "--format", "json", "--nan-policy", policy);
  }

  private static JsonObject stat(CliRun r, int i) {
    return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("groups").get(0).getAsJsonObject()
        .getAsJsonArray("statistics").get(i).getAsJsonObject();
  }

  @Test
  void nanPolicy_omitDefault_countsAndGivesIntervals() throws IOException {
    final CliRun r = skewOfThree("omit");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JsonParser.parseString(r.out()).getAsJsonObject().get("nan_policy").getAsString()).isEqualTo("omit");
    assertThat(stat(r, 0).get("non_finite_replicates").getAsInt()).isBetween(50, 150);
    assertThat(stat(r, 0).getAsJsonArray("intervals").get(0).getAsJsonObject().get("low").isJsonNull()).isFalse();
    assertThat(r.err()).contains("replicates are NaN or infinite and were left out");
  }

  @Test
  void nanPolicy_propagate_nullIntervalsForThatStatisticOnly() throws IOException {
    final CliRun r = skewOfThree("propagate");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JsonParser.parseString(r.out()).getAsJsonObject().get("nan_policy").getAsString())
        .isEqualTo("propagate");
    assertThat(stat(r, 0).get("std_error").isJsonNull()).isTrue();
    stat(r, 0).getAsJsonArray("intervals").forEach(i -> assertThat(i.getAsJsonObject().get("low").isJsonNull()).isTrue());
    stat(r, 1).getAsJsonArray("intervals").forEach(i -> assertThat(i.getAsJsonObject().get("low").isJsonNull()).isFalse());
    assertThat(r.err()).contains("propagate");
  }

  @Test
  void nanPolicy_error_exit1OneLineNamingStatisticCountAndResample() throws IOException {
    final CliRun r = skewOfThree("error");
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).singleElement().asString()
        .startsWith("parboot: statistic skew(x, bias=false) is NaN or infinite on ").contains(" of 900 resamples (first: resample ");
  }
}
