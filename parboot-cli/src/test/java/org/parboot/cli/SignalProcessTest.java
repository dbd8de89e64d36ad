package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * one line on standard error, and leaves no output file and no temporary file behind.
 *
 * <p>Linux only (it sends the signal with {@code kill}). A process whose SIGINT disposition is
 * "ignore" (a JVM started from a non-interactive background shell) passes that on to its
 * children, whose JVM then keeps ignoring it; the test is skipped, saying so, in that case.
 */
@EnabledOnOs(OS.LINUX)
class SignalProcessTest {

  private static final Duration STOP_WITHIN = Duration.ofSeconds(2);

  @TempDir
  Path dir;

  /** A started child with its standard error collected line by line. */
  private record Child(Process process, List<String> err) {
    static Child start(Path dir, String... args) throws IOException {
      final String java = ProcessHandle.current().info().command().orElse("java");
      final List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          Main.class.getName()));
      cmd.addAll(List.of(args));
      final Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      final List<String> err = Collections.synchronizedList(new ArrayList<>());
      Thread.ofPlatform().daemon().start(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            err.add(line);
          }
        } catch (IOException e) {
          // the child is gone
        }
      });
      return new Child(p, err);
    }

    /** Waits until the run announces its seed: the data is loaded and resampling starts. */
    void awaitResampling() throws InterruptedException {
      final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (err.stream().noneMatch(l -> l.contains("drawn at random")) && System.nanoTime() < end) {
        assertThat(process.isAlive()).as("child ended early: %s", err).isTrue();
        Thread.sleep(10);
      }
      assertThat(err).as("the run started").anyMatch(l -> l.contains("drawn at random"));
    }

    /** Waits for the exit (a hang fails after 30 s) and returns how long it took from {@code since}. */
    Duration awaitExit(long since) throws InterruptedException {
      final boolean ended = process.waitFor(30, TimeUnit.SECONDS);
      final Duration took = Duration.ofNanos(System.nanoTime() - since);
      if (!ended) {
        process.destroyForcibly();
      }
      assertThat(ended).as("the child exited").isTrue();
      return took;
    }

    /** Standard error once the reader has drained it. */
    List<String> errLines() throws InterruptedException {
      Thread.sleep(50);
      synchronized (err) {
        return List.copyOf(err);
      }
    }
  }

  private static boolean sigintIgnoredHere() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << (2 - 1))) != 0;
      }
    }
    return false;
  }

  private String[] longRun(ExecutorKind kind, String... more) throws IOException {
    final List<String> args = new ArrayList<>(List.of("run", TimeoutAndNanPolicyTest.bigColumn(dir).toString(),
        "--column", "x", "--stat", "median", "-B", "1000000", "--executor", kind.spelling(), "--threads", "3",
        "--format", "json", "--output", dir.resolve("out.json").toString(), "--replicates",
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
    assumeFalse(sigintIgnoredHere(), "SIGINT is ignored in this JVM (started from a non-interactive background "
        + "shell), so a child JVM would ignore it too");
    final Child child = Child.start(dir, longRun(kind));
    child.awaitResampling();
    Thread.sleep(200); // well inside the resampling phase
    final long signalled = System.nanoTime();
    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(child.process().pid())).start().waitFor()).isZero();

    final Duration took = child.awaitExit(signalled);
    assertThat(child.process().exitValue()).as("%s", child.err()).isEqualTo(Main.EXIT_INTERRUPTED);
    assertThat(took).isLessThan(STOP_WITHIN);
    final List<String> err = child.errLines();
    assertThat(err).hasSize(2);
    assertThat(err.get(1)).isEqualTo("parboot: interrupted");
    assertNothingWritten();
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void timeout_duringRun_exit124WithinTwoSecondsOneLineNoFiles(ExecutorKind kind) throws Exception {
    final Child child = Child.start(dir, longRun(kind, "--timeout", "1s"));
    child.awaitResampling();
    final long resampling = System.nanoTime();

    final Duration took = child.awaitExit(resampling);
    assertThat(child.process().exitValue()).as("%s", child.err()).isEqualTo(Main.EXIT_TIMEOUT);
    // The limit counts from the command's start, before the load: the deadline is at most 1 s from here.
    assertThat(took).isLessThan(Duration.ofSeconds(1).plus(STOP_WITHIN));
    final List<String> err = child.errLines();
    assertThat(err).hasSize(2);
    assertThat(err.get(1)).isEqualTo("parboot: stopped: the time limit passed");
    assertNothingWritten();
  }
}
