package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard input and output as Unix filters use them: data piped in is read (no FILE, or
 * {@code -}); the bundled data only when nothing is piped in; a write error on standard output is
 * one line and a non-zero exit, except a reader that closed the pipe; {@code --output /dev/stdout}
 * prints.
 */
class StandardStreamsTest {
  private static final String PAIRS = "x,y\n1,2\n2,4.5\n3,5\n4,8.5\n5,9\n6,13\n";

  @TempDir
  Path dir;

  @TempDir
  Path tmp;

  private static CliRun withStdin(String data, String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final InputStream in = new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8));
    final int code = Main.execute(args, Stdin.of(in), new PrintWriter(out, true), new PrintWriter(err, true), false);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Test
  void run_noFileAndDataPipedIn_readsStandardInput() {
    final CliRun r = withStdin(PAIRS, "run", "--stat", "corr(x,y)", "--seed", "1", "-B", "200", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"input\": \"stdin\"").contains("\"n\": 6");
    assertThat(r.err()).doesNotContain("bundled");
  }

  @Test
  void run_dashAmongFiles_readsStandardInputThere() throws IOException {
    final Path file = Files.writeString(dir.resolve("more.csv"), PAIRS);
    final CliRun r = withStdin(PAIRS, "run", "-", file.toString(), "--column", "x", "--seed", "1", "-B", "200",
        "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> l.startsWith("stdin,"))).hasSize(1);
    assertThat(r.out().lines().filter(l -> l.startsWith("more.csv,"))).hasSize(1);
  }

  @Test
  void run_badPipedData_errorNamesStdinAndTheLine() {
    final CliRun r = withStdin("x\n1\nabc\n", "run", "--column", "x", "-B", "100");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).startsWith("parboot: stdin:3: ").contains("'abc'");
  }

  @Test
  void run_noFileAndATerminal_bundledDataSaidOnStderr() {
    final CliRun r = CliRun.of("run", "--seed", "1", "-B", "200");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("using the bundled weather data");
    assertThat(r.out()).contains("mean(temp_max)");
  }

  @Test
  void stdinKind_launcherProperty_decides() {
    final String old = System.getProperty("parboot.stdin");
    try {
      System.setProperty("parboot.stdin", "data");
      assertThat(Stdin.detect()).isEqualTo(Stdin.Kind.DATA);
      System.setProperty("parboot.stdin", "null");
      assertThat(Stdin.detect()).isEqualTo(Stdin.Kind.NONE);
      System.setProperty("parboot.stdin", "terminal");
      assertThat(Stdin.detect()).isEqualTo(Stdin.Kind.TERMINAL);
    } finally {
      if (old == null) {
        System.clearProperty("parboot.stdin");
      } else {
        System.setProperty("parboot.stdin", old);
      }
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void process_dataPipedIn_readAsUnixFiltersDo() throws Exception {
    final Process p = new ProcessBuilder(Child.command(tmp, List.of(), "run", "--stat", "mean", "--column", "y",
        "--seed", "1", "-B", "200", "--format", "json")).directory(dir.toFile()).start();
    try (var in = p.getOutputStream()) {
      in.write(PAIRS.getBytes(StandardCharsets.UTF_8));
    }
    final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes())).isZero();
    assertThat(out).contains("\"input\": \"stdin\"").contains("\"observed\": 7.0");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void process_stdinDevNull_bundledData() throws Exception {
    final Process p = new ProcessBuilder(Child.command(tmp, List.of(), "run", "--seed", "1", "-B", "200"))
        .directory(dir.toFile()).redirectInput(new File("/dev/null")).start();
    final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).contains("mean(temp_max)");
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("bundled weather data");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void process_stdoutFullDevice_oneLineAndNonZeroExit() throws Exception {
    assumeTrue(new File("/dev/full").exists(), "no /dev/full");
    final Process p = new ProcessBuilder(Child.command(tmp, List.of(), "run", "--seed", "1", "-B", "200", "-q"))
        .directory(dir.toFile()).redirectInput(new File("/dev/null")).redirectOutput(new File("/dev/full")).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("parboot: cannot write standard output: No space left on device\n");
    assertThat(p.exitValue()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void process_readerClosesThePipe_quietAndSuccess() throws Exception {
    for (List<String> args : List.of(List.of("run", "--seed", "1", "-B", "200", "-q"),
        List.of("run", "--seed", "1", "-B", "200", "-q", "--replicates", "/dev/stdout"))) {
      final Process p = new ProcessBuilder(Child.command(tmp, List.of(), args.toArray(String[]::new)))
          .directory(dir.toFile()).redirectInput(new File("/dev/null")).start();
      p.getInputStream().close(); // as `| head -0` does: the reader is gone before anything is written
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(err).as("%s", args).isEmpty();
      assertThat(p.exitValue()).as("%s", args).isZero();
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void process_outputDevStdout_printsToStandardOutput() throws Exception {
    final Process p = new ProcessBuilder(Child.command(tmp, List.of(), "run", "--seed", "1", "-B", "200", "-q",
        "--format", "csv", "--output", "/dev/stdout")).directory(dir.toFile()).redirectInput(new File("/dev/null"))
        .start();
    final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).startsWith("n,seed,stat,columns,observed");
    assertThat(Files.isRegularFile(Path.of("/dev/stdout"))).isFalse();
  }
}
