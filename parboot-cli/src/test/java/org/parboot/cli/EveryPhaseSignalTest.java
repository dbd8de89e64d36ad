package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A signal in any phase of a command, not only while it resamples: while the CSV loads, while the
 * replicates are written, while a report's charts are drawn, while the demo writes its folder.
 * Each time: the exit code of the signal (130 SIGINT, 143 SIGTERM, 129 SIGHUP) within 1.5 s, one
 * line on standard error, the outputs that existed before unchanged, and no temporary or partial
 * file in the output folder or the child's temporary folder. Each phase is found by what it does
 * (the handlers installed, a staged temporary file appearing), never by sleeping.
 */
@EnabledOnOs(OS.LINUX)
class EveryPhaseSignalTest {
  private static final Duration STOP_WITHIN = Duration.ofMillis(1500);

  @TempDir
  static Path shared;

  @TempDir
  Path dir;

  @TempDir
  Path tmp;

  /** Three million rows: loading takes about a second. */
  private static Path bigCsv;

  @BeforeAll
  static void writeBigCsv() throws IOException {
    bigCsv = shared.resolve("big.csv");
    try (Writer w = Files.newBufferedWriter(bigCsv)) {
      w.write("x,g\n");
      for (int i = 0; i < 3_000_000; i++) {
        w.write(Integer.toString(i * 7919 % 100_003));
        w.write(i % 2 == 0 ? ".25,a\n" : ".5,b\n");
      }
    }
  }

  private static int number(String signal) {
    return switch (signal) {
      case "INT" -> 2;
      case "TERM" -> 15;
      case "HUP" -> 1;
      default -> throw new IllegalArgumentException(signal);
    };
  }

  private static String message(String signal) {
    return switch (signal) {
      case "INT" -> "parboot: interrupted";
      case "TERM" -> "parboot: terminated (SIGTERM)";
      case "HUP" -> "parboot: hung up (SIGHUP)";
      default -> throw new IllegalArgumentException(signal);
    };
  }

  private boolean stagedFileIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith(".parboot-"));
    } catch (IOException e) {
      return false; // not created yet
    }
  }

  private List<String> namesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  private void assertStopped(Child child, String signal, long sent, List<String> before) throws Exception {
    final Duration took = child.awaitExit(sent);
    final List<String> err = child.errLines();
    assertThat(child.process().exitValue()).as("%s", err).isEqualTo(128 + number(signal));
    assertThat(took).as("exit after the signal").isLessThan(STOP_WITHIN);
    assertThat(err).containsExactly(message(signal));
    assertThat(namesIn(dir)).as("the output folder").isEqualTo(before);
    assertThat(Files.readString(dir.resolve("old.json"))).isEqualTo("old results");
    assertThat(namesIn(tmp)).as("the child's temporary folder").isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"INT", "TERM", "HUP"})
  void signal_whileTheCsvLoads_exitOfTheSignalNothingChanged(String signal) throws Exception {
    Files.writeString(dir.resolve("old.json"), "old results");
    final List<String> before = namesIn(dir);
    final Child child = Child.start(dir, tmp, "run", bigCsv.toString(), "-c", "x", "-B", "100", "--seed", "1", "-q",
        "--format", "json", "--output", "old.json", "--replicates", "reps.csv");
    child.await("the load", () -> child.isPartWayThrough(bigCsv));
    assertStopped(child, signal, child.signal(signal), before);
  }

  @ParameterizedTest
  @CsvSource({"INT", "TERM"})
  void signal_whileStandardInputIsAwaited_exitOfTheSignalNothingChanged(String signal) throws Exception {
    Files.writeString(dir.resolve("old.json"), "old results");
    final List<String> before = namesIn(dir);
    final Child child = Child.start(new ProcessBuilder(Child.command(tmp, List.of(), "run", "-", "-c", "x", "-B",
        "100", "--seed", "1", "-q", "--format", "json", "--output", "old.json")).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD));
    try (var stdin = child.process().getOutputStream()) {
      // More than a pipe holds: once this write returns, the child is reading its input.
      final byte[] rows = "1.5\n".repeat(100_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      stdin.write("x\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      stdin.write(rows);
      stdin.flush();
      assertStopped(child, signal, child.signal(signal), before); // the pipe stays open: the child waits for more
    }
  }

  @ParameterizedTest
  @CsvSource({"INT", "HUP"})
  void signal_whileTheReplicatesAreWritten_exitOfTheSignalNothingChanged(String signal) throws Exception {
    Files.writeString(dir.resolve("old.json"), "old results");
    Files.writeString(dir.resolve("small.csv"), "x\n1\n2\n3\n4\n5\n6\n7\n");
    final List<String> before = namesIn(dir);
    final Child child = Child.start(dir, tmp, "run", "small.csv", "-c", "x", "-B", "4000000", "--seed", "1", "-q",
        "--ci", "percentile", "--format", "json", "--output", "old.json", "--replicates", "reps.csv");
    child.await("a staged output", () -> stagedFileIn(dir));
    assertStopped(child, signal, child.signal(signal), before);
  }

  @ParameterizedTest
  @CsvSource({"TERM", "INT"})
  void signal_whileTheReportIsDrawn_exitOfTheSignalNothingChanged(String signal) throws Exception {
    Files.writeString(dir.resolve("old.json"), "old results");
    final List<String> before = namesIn(dir);
    final Child child = Child.start(dir, tmp, "run", "-B", "2000", "--seed", "1", "-q", "--ci", "percentile",
        "--stat", "mean", "--stat", "median", "--stat", "std", "--stat", "var", "--stat", "skew", "--stat", "kurt",
        "--stat", "min", "--stat", "max", "--format", "json", "--output", "old.json", "--report", "report");
    child.await("a staged chart", () -> stagedFileIn(dir.resolve("report")));
    assertStopped(child, signal, child.signal(signal), before);
  }

  @ParameterizedTest
  @CsvSource({"HUP"})
  void signal_whileTheDemoWritesItsFolder_exitOfTheSignalNoFolderLeft(String signal) throws Exception {
    Files.writeString(dir.resolve("old.json"), "old results");
    final List<String> before = namesIn(dir);
    final Child child = Child.start(dir, tmp, "demo", "--output", "demo", "-B", "2000", "--runs", "1", "-q");
    child.await("a staged demo file", () -> stagedFileIn(dir.resolve("demo")));
    assertStopped(child, signal, child.signal(signal), before);
  }
}
