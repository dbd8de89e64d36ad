package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing lost, nothing overwritten: what {@code parboot run} does with output paths that are not
 * plain new files (devices, FIFOs, links, its own inputs, folders, places it may not write), and
 * that every location is checked before the work, so a bad one costs no run and changes nothing.
 */
class OutputSafetyTest {
  /** The file output options, and the folder one. */
  private static final List<String> FILE_OPTIONS = List.of("--output", "--replicates");

  @TempDir
  Path dir;

  private Path small() throws IOException {
    return Files.writeString(dir.resolve("small.csv"), "x\n1\n2\n3\n4\n5\n6\n7\n");
  }

  private CliRun run(String... more) throws IOException {
    final List<String> args = new ArrayList<>(List.of("run", small().toString(), "-c", "x", "-B", "200", "--seed", "1",
        "-q"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private List<String> names(Path d) throws IOException {
    try (Stream<Path> files = Files.list(d)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--output", "--replicates"})
  void run_outputToDevNull_discardedAndDeviceKept(String option) throws IOException {
    final Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull), "no /dev/null");
    final CliRun r = run(option, devNull.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(names(Path.of("/dev"))).noneMatch(n -> n.startsWith(".parboot-"));
  }

  @Test
  void run_outputToFullDevice_exit2OneLineNoSpace() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full");
    final CliRun r = run("--output", "/dev/full");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).isEqualTo("parboot: --output '/dev/full': cannot write (No space left on device)\n");
    assertThat(Files.isRegularFile(Path.of("/dev/full"), LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void run_outputToFifo_theReaderGetsTheResults() throws Exception {
    final Path fifo = dir.resolve("results.fifo");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
    final CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    final CliRun r = run("--format", "csv", "--output", fifo.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(reader.get(30, TimeUnit.SECONDS)).startsWith("n,seed,stat,columns,observed");
    assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void run_outputIsALink_itsTargetReplacedAndTheLinkKept() throws IOException {
    final Path real = Files.writeString(dir.resolve("real.json"), "old");
    final Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
    final CliRun r = run("--format", "json", "--output", link.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).startsWith("{");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--output", "--replicates"})
  void run_outputIsTheInput_refusedUpFrontInputIntact(String option) throws IOException {
    final Path in = small();
    final String before = Files.readString(in);
    for (String spelling : List.of(in.toString(), dir.resolve("./small.csv").toString(),
        Files.createSymbolicLink(dir.resolve("alias-" + option.substring(2) + ".csv"), in).toString())) {
      final CliRun r = CliRun.of("run", in.toString(), "-c", "x", "-B", "200", "--seed", "1", "-q", option, spelling);
      assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).startsWith("parboot: " + option + " '").contains("would overwrite the input '" + in);
      assertThat(r.out()).isEmpty();
      assertThat(Files.readString(in)).isEqualTo(before);
    }
  }

  @Test
  void run_twoOutputsOneFile_refusedNamingBoth() throws IOException {
    final CliRun r = run("--output", dir.resolve("o.csv").toString(), "--replicates", dir.resolve("./o.csv").toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--output '").contains("and --replicates '").contains("are the same file");
    assertThat(names(dir)).containsExactly("small.csv");
  }

  @Test
  void run_badLocations_eachOneLineNamingOptionPathAndReasonNothingLeft() throws IOException {
    Files.createDirectories(dir.resolve("folder"));
    Files.writeString(dir.resolve("plain"), "x");
    final String folder = dir.resolve("folder").toString();
    final String underFile = dir.resolve("plain/out.csv").toString();
    for (String option : FILE_OPTIONS) {
      assertOneLine(run(option, folder), option + " '" + folder + "': is a directory");
      assertOneLine(run(option, underFile), option + " '" + underFile + "': '" + dir.resolve("plain") + "' is not a folder");
      assertOneLine(run(option, ""), option + ": the path is empty");
      final String tooLong = dir.resolve("n".repeat(300)).toString();
      assertOneLine(run(option, tooLong), "File name too long");
    }
    assertOneLine(run("--report", dir.resolve("plain").toString()), "--report '" + dir.resolve("plain") + "': is not a folder");
    assertOneLine(run("--report", dir.resolve("plain/sub").toString()), "is not a folder");
    assertThat(names(dir)).containsExactly("folder", "plain", "small.csv");
    assertThat(names(dir.resolve("folder"))).isEmpty();
  }

  @Test
  void run_legal250CharacterName_written() throws IOException {
    final Path target = dir.resolve("r".repeat(246) + ".csv");
    final CliRun r = run("--replicates", target.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(target)).hasSize(202); // the fingerprint, the header, 200 resamples
  }

  @Test
  void run_readOnlyFolder_everyOutputRefusedBeforeTheRun() throws Exception {
    try (SmallFileSystem ro = SmallFileSystem.readOnly(dir.resolve("ro"))) {
      for (String option : FILE_OPTIONS) {
        assertOneLine(run(option, ro.dir().resolve("out.csv").toString()), option + " '" + ro.dir().resolve("out.csv")
            + "': cannot create a file in '" + ro.dir() + "'");
      }
      assertOneLine(run("--report", ro.dir().resolve("report").toString()), "--report '");
      assertThat(names(ro.dir())).isEmpty();
    }
  }

  @Test
  void run_fullDisk_exit2OneLineNoTemporaryFile() throws Exception {
    try (SmallFileSystem full = SmallFileSystem.full(dir.resolve("full"))) {
      for (String option : FILE_OPTIONS) {
        final CliRun r = run("-B", "20000", option, full.dir().resolve("out.csv").toString());
        assertOneLine(r, option + " '" + full.dir().resolve("out.csv") + "': ");
        assertThat(r.err()).contains("No space left on device");
      }
      final CliRun r = run("--report", full.dir().resolve("report").toString());
      assertOneLine(r, "No space left on device");
      assertThat(names(full.dir())).containsExactly("filler");
    }
  }

  @Test
  void run_replacingAPrivateFile_keepsItsPermissions() throws IOException {
    final Path out = Files.writeString(dir.resolve("private.json"), "old");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
    final CliRun r = run("--format", "json", "--output", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
    assertThat(Files.readString(out)).startsWith("{");
  }

  @Test
  void run_badReportPath_refusedBeforeTheRunNoTablePrinted() throws IOException {
    Files.writeString(dir.resolve("taken"), "x");
    final CliRun r = run("--report", dir.resolve("taken").toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
  }

  private static void assertOneLine(CliRun r, String contains) {
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("parboot: ").contains(contains).doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }
}
