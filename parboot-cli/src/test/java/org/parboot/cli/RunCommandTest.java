package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.exec.ExecutorKind;

class RunCommandTest {

  @TempDir
  Path dir;

  @Test
  void run_bundledDataDefaults_printsTableWithSeededResult() {
    final CliRun r = CliRun.of("run", "--seed", "7", "--resamples", "500", "--stat", "mean", "--stat", "std(ddof=0)");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("mean(temp_max)").contains("std(temp_max, ddof=0)").contains("seed = 7");
    assertThat(r.err()).doesNotContain("drawn at random");
  }

  @Test
  void run_withoutSeed_printsTheDrawnSeedSoTheRunCanBeRepeated() {
    final CliRun r = CliRun.of("run", "--resamples", "200", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    final long seed = json(r.out()).get("seed").getAsLong();
    assertThat(r.err()).contains("--seed " + seed);
    final CliRun again = CliRun.of("run", "--resamples", "200", "--format", "json", "--seed", Long.toString(seed));
    assertThat(group(again.out()).get("statistics")).isEqualTo(group(r.out()).get("statistics"));
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void run_sameSeed_givesIdenticalJsonStatisticsOnEveryExecutor(ExecutorKind kind) {
    final String[] common = {"run", "--seed", "11", "--resamples", "400", "--format", "json", "--ci", "all",
        "--where", "location=Seattle", "--stat", "mean", "--stat", "median", "--stat", "corr(temp_max,temp_min)"};
    final CliRun serial = CliRun.of(concat(common, "--executor", "serial"));
    final CliRun other = CliRun.of(concat(common, "--executor", kind.spelling(), "--threads", "3"));
    assertThat(other.code()).as(other.err()).isZero();
    assertThat(group(other.out()).get("statistics")).isEqualTo(group(serial.out()).get("statistics"));
    assertThat(json(other.out()).get("executor").getAsString()).isEqualTo(kind.spelling());
  }

  @Test
  void run_jsonFormat_hasTheDocumentedShape() {
    final CliRun r = CliRun.of("run", "--seed", "3", "--resamples", "300", "--format", "json", "--ci", "percentile,bca",
        "--level", "0.9", "--where", "location=Seattle");
    assertThat(r.code()).as(r.err()).isZero();
    final JsonObject j = json(r.out());
    assertThat(j.get("format_version").getAsInt()).isEqualTo(1);
    assertThat(j.get("resamples").getAsInt()).isEqualTo(300);
    final JsonObject g = group(r.out());
    assertThat(g.get("n").getAsInt()).isEqualTo(1461);
    assertThat(g.get("rng").getAsString()).isEqualTo("splitmix64-lemire32");
    final JsonObject stat = g.getAsJsonArray("statistics").get(0).getAsJsonObject();
    assertThat(stat.get("stat").getAsString()).isEqualTo("mean");
    assertThat(stat.getAsJsonArray("intervals")).hasSize(2);
    final JsonObject bca = stat.getAsJsonArray("intervals").get(1).getAsJsonObject();
    assertThat(bca.get("method").getAsString()).isEqualTo("bca");
    assertThat(bca.get("level").getAsDouble()).isEqualTo(0.9);
    assertThat(bca.get("low").getAsDouble()).isLessThan(stat.get("observed").getAsDouble());
  }

  @Test
  void run_outputAndReplicates_writeFilesAndKeepStdoutEmpty() throws IOException {
    final Path out = dir.resolve("sub/result.csv");
    final Path reps = dir.resolve("reps.csv");
    final CliRun r = CliRun.of("run", "--seed", "5", "--resamples", "250", "--format", "csv", "--output", out.toString(),
        "--replicates", reps.toString(), "--stat", "mean", "--stat", "max");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).startsWith("n,seed,stat,");
    final List<String> lines = Files.readAllLines(reps);
    assertThat(lines).hasSize(252); // the fingerprint, the header, 250 resamples
    assertThat(lines.get(0)).startsWith("# parboot replicates {");
    assertThat(lines.get(1)).isEqualTo("mean(temp_max),max(temp_max)");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sub", "reps.csv");
    }
  }

  @Test
  void run_userFile_readsTheNamedColumn() throws IOException {
    final Path csv = dir.resolve("data.csv");
    Files.writeString(csv, "a;b\n1;10\n2;NA\n3;30\n4;40\n", StandardCharsets.UTF_8);
    final CliRun r = CliRun.of("run", csv.toString(), "--delimiter", ";", "--column", "b", "--seed", "1",
        "--resamples", "100", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    final JsonObject j = group(r.out());
    assertThat(j.get("n").getAsInt()).isEqualTo(3);
    assertThat(j.get("dropped_missing").getAsInt()).isEqualTo(1);
    assertThat(j.getAsJsonArray("statistics").get(0).getAsJsonObject().get("observed").getAsDouble())
        .isEqualTo(80.0 / 3);
  }

  static Stream<Arguments> badInput() throws IOException {
    return Stream.of(
        Arguments.of(List.of("--column", "nope"), "unknown column 'nope'", "temp_max"),
        Arguments.of(List.of("--stat", "mode"), "unknown statistic 'mode'", "accepted"),
        Arguments.of(List.of("--stat", "quantile(1.5)"), "quantile(1.5)", "[0, 1]"),
        Arguments.of(List.of("--resamples", "100000000000"), "--resamples 100000000000", "2 to"),
        Arguments.of(List.of("--resamples", "abc"), "--resamples", "abc"),
        Arguments.of(List.of("--level", "1.5"), "--level 1.5", "between 0 and 1"),
        Arguments.of(List.of("--threads", "0"), "--threads 0", "1 to"),
        Arguments.of(List.of("--executor", "gpu"), "--executor 'gpu'", "forkjoin"),
        Arguments.of(List.of("--ci", "studentised"), "--ci 'studentised' is unknown", "bca"),
        Arguments.of(List.of("--format", "xml"), "xml", "json"),
        Arguments.of(List.of("--missing", "ignore"), "ignore", "drop"),
        Arguments.of(List.of("--delimiter", "ab"), "--delimiter 'ab'", "one character"),
        Arguments.of(List.of("no-such-file.csv", "--column", "x"), "no-such-file.csv", "no-such-file.csv"),
        Arguments.of(List.of("--no-such-flag"), "--no-such-flag", "--help"),
        Arguments.of(List.of("--timeout", "5 minutes"), "--timeout", "250ms, 30s, 5m, 1h"),
        Arguments.of(List.of("--timeout", "0s"), "--timeout", "PT30S"),
        Arguments.of(List.of("--nan-policy", "ignore"), "--nan-policy 'ignore'", "propagate, omit, error"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void run_badInput_exitsTwoWithOneLineMessageAndNoStackTrace(List<String> args, String names, String accepted) {
    final CliRun r = CliRun.of(concat(new String[] {"run", "--resamples", "100"}, args.toArray(String[]::new)));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(names).contains(accepted).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.err().lines().filter(l -> l.startsWith("parboot: ")).count()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void run_nonNumericCell_namesFileLineColumnAndValue() throws IOException {
    final Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "x,y\n1,2\n3,abc\n");
    final CliRun r = CliRun.of("run", csv.toString(), "--column", "y", "--resamples", "100");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.csv").contains(":3").contains("'y'").contains("'abc'");
  }

  @Test
  void run_blockScheme_tableHeaderNamesSchemeAndBlockLength() {
    final CliRun r = CliRun.of("run", "--where", "location=Seattle", "--scheme", "circular-block", "--block-length", "7",
        "--seed", "1", "--resamples", "200");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow()).contains("scheme = circular-block(L=7)");
    assertThat(CliRun.of("run", "--seed", "1", "--resamples", "200").out()).doesNotContain("scheme =");
  }

  @Test
  void run_debug_addsTheStackTraceToErrors() {
    final CliRun r = CliRun.of("run", "--debug", "--column", "nope", "--resamples", "100");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown column").contains("\tat ");
  }

  @Test
  void noCommand_isAUsageError() {
    assertThat(CliRun.of().code()).isEqualTo(2);
    assertThat(CliRun.of("--help").code()).isZero();
    assertThat(CliRun.of("run", "--help").out()).contains("--resamples").contains("--stat");
  }

  static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  /** The one group of a single run's JSON. */
  private static JsonObject group(String text) {
    return json(text).getAsJsonArray("groups").get(0).getAsJsonObject();
  }

  static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
