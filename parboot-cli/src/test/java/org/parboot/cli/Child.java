package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
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
import java.util.function.BooleanSupplier;

/**
 * {@code parboot} in a child JVM, as a user runs it: signals reach it, its standard streams are
 * real files, pipes or devices. The child starts with SIGINT, SIGTERM and SIGHUP at their default
 * disposition ({@code env --default-signal}), as a terminal user's process has them: a background
 * job of a non-interactive shell (CI) would otherwise pass SIGINT on as ignored, and a JVM that
 * starts with SIGINT ignored keeps ignoring it. Its temporary folder ({@code java.io.tmpdir}) is
 * one of the test's, so a test can see that nothing was left there.
 */
final class Child {
  private final Process process;
  private final List<String> err;
  private final Thread errReader;

  private Child(Process process) {
    this.process = process;
    this.err = Collections.synchronizedList(new ArrayList<>());
    this.errReader = Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          err.add(line);
        }
      } catch (IOException e) {
        // the child is gone
      }
    });
  }

  /** The command line of a child {@code parboot} with these JVM options and arguments. */
  static List<String> command(Path tmp, List<String> jvm, String... args) {
    final String java = ProcessHandle.current().info().command().orElse("java");
    final List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/env"))) {
      cmd.addAll(List.of("/usr/bin/env", "--default-signal=INT,TERM,HUP"));
    }
    cmd.addAll(List.of(java, "-Xmx512m", "-XX:-UsePerfData", "-Djava.io.tmpdir=" + tmp, "-Djava.awt.headless=true"));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Starts {@code parboot args} in {@code dir}, standard input /dev/null, standard output discarded. */
  static Child start(Path dir, Path tmp, String... args) throws IOException {
    return start(new ProcessBuilder(command(tmp, List.of(), args)).directory(dir.toFile())
        .redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.DISCARD));
  }

  static Child start(ProcessBuilder builder) throws IOException {
    return new Child(builder.start());
  }

  Process process() {
    return process;
  }

  /** Waits (polling, up to 60 s) until {@code ready} holds; fails if the child ends first. */
  void await(String what, BooleanSupplier ready) throws InterruptedException {
    final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!ready.getAsBoolean()) {
      assertThat(process.isAlive()).as("the child ended before %s: %s", what, err).isTrue();
      assertThat(System.nanoTime()).as("waited 60 s for %s", what).isLessThan(end);
      Thread.sleep(5);
    }
  }

  /**
   * True while the child has {@code file} open and has read part of it, but not all: its
   * position in /proc/PID/fdinfo is past the start and before the end.
   */
  boolean isPartWayThrough(Path file) {
    final Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
    try (var entries = Files.list(fds)) {
      final long size = Files.size(file);
      final Path wanted = file.toAbsolutePath().normalize();
      for (Path fd : entries.toList()) {
        try {
          if (!Files.readSymbolicLink(fd).equals(wanted)) {
            continue;
          }
          for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "fdinfo",
              fd.getFileName().toString()))) {
            if (line.startsWith("pos:")) {
              final long pos = Long.parseLong(line.substring(4).strip());
              return pos > 0 && pos < size;
            }
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** True once the child handles {@code signal} itself (its SigCgt mask in /proc has the bit). */
  boolean catches(int signal) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("SigCgt:")) {
          return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << (signal - 1))) != 0;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** Sends a signal by name (INT, TERM, HUP) and returns the time it was sent. */
  long signal(String name) throws Exception {
    final long sent = System.nanoTime();
    assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor()).isZero();
    return sent;
  }

  /** Waits for the exit (a hang fails after 60 s) and returns how long it took from {@code since}. */
  Duration awaitExit(long since) throws InterruptedException {
    final boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    final Duration took = Duration.ofNanos(System.nanoTime() - since);
    if (!ended) {
      process.destroyForcibly();
    }
    assertThat(ended).as("the child exited").isTrue();
    return took;
  }

  /** Standard error, once the child has ended and the reader has drained it. */
  List<String> errLines() throws InterruptedException {
    errReader.join(TimeUnit.SECONDS.toMillis(30));
    synchronized (err) {
      return List.copyOf(err);
    }
  }

  /** Standard error so far. */
  List<String> errSoFar() {
    synchronized (err) {
      return List.copyOf(err);
    }
  }
}
