package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.exec.ExecutorKind;

/**
 * The real thing, in a child JVM: {@code parboot run} on every executor (more threads than cores)
 * stopped by SIGINT ({@code kill -INT}) or by {@code --timeout} exits 130 or 124 within 2 s, with
 * one line on standard error, and leaves no output file and no temporary file behind. The child
 * starts with SIGINT at its default disposition ({@link Child}). Linux only (it sends the signal
 * with {@code kill}).
 */
@EnabledOnOs(OS.LINUX)
class SignalProcessTest {

  private static final Duration STOP_WITHIN = Duration.ofSeconds(2);

  @TempDir
  Path dir;

  @TempDir
  Path tmp;

  /** Waits until the run announces its seed: the data is loaded and resampling starts. */
  private static void awaitResampling(Child child) throws InterruptedException {
    child.await("resampling", () -> child.errSoFar().stream().anyMatch(l -> l.contains("drawn at random")));
  }

  private String[] longRun(ExecutorKind kind, String... more) throws IOException {
    final List<String> args = new ArrayList<>(List.of("run", TimeoutAndNanPolicyTest.bigColumn(dir).toString(),
        "--column", "x", "--stat", "median", "-B", "1000000", "--executor", kind.spelling(), "--threads", "3",
        "--simd", "never", "--format", "json", "--output", dir.resolve("out.json").toString(), "--replicates",
        dir.resolve("reps.csv").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private void assertNothingWritten() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("files left in the output directory")
          .containsExactly("big.csv");
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void sigint_duringRun_exit130WithinTwoSecondsOneLineNoFiles(ExecutorKind kind) throws Exception {
    final Child child = Child.start(dir, tmp, longRun(kind));
    awaitResampling(child);
    final long signalled = child.signal("INT");

    final Duration took = child.awaitExit(signalled);
    assertThat(child.process().exitValue()).as("%s", child.errSoFar()).isEqualTo(Main.EXIT_INTERRUPTED);
    assertThat(took).isLessThan(STOP_WITHIN);
    final List<String> err = child.errLines();
    assertThat(err).hasSize(2);
    assertThat(err.get(1)).isEqualTo("parboot: interrupted");
    assertNothingWritten();
    assertThat(tmp.toFile().list()).as("the child's temporary folder").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void timeout_duringRun_exit124WithinTwoSecondsOneLineNoFiles(ExecutorKind kind) throws Exception {
    final Child child = Child.start(dir, tmp, longRun(kind, "--timeout", "1s"));
    awaitResampling(child);
    final long resampling = System.nanoTime();

    final Duration took = child.awaitExit(resampling);
    assertThat(child.process().exitValue()).as("%s", child.errSoFar()).isEqualTo(Main.EXIT_TIMEOUT);
    // The limit counts from the command's start, before the load: the deadline is at most 1 s from here.
    assertThat(took).isLessThan(Duration.ofSeconds(1).plus(STOP_WITHIN));
    final List<String> err = child.errLines();
    assertThat(err).hasSize(2);
    assertThat(err.get(1)).isEqualTo("parboot: stopped: the time limit passed");
    assertNothingWritten();
    assertThat(tmp.toFile().list()).as("the child's temporary folder").isEmpty();
  }
}
