package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parboot.InvalidInputException;

/** {@link StagedOutputs} and {@link OutputTarget}: all or none, in place where a rename would do harm. */
class StagedOutputsTest {
  @TempDir
  Path dir;

  private List<String> names(Path d) throws IOException {
    try (Stream<Path> files = Files.list(d)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void commit_severalFiles_nothingVisibleBeforeThenAllAfter() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "old a");
    try (StagedOutputs out = new StagedOutputs()) {
      out.checkFile("--output", dir.resolve("a.txt"));
      out.checkDirectory("--report", dir.resolve("report"), n -> n.endsWith(".png"));
      out.writeString(dir.resolve("a.txt"), "new a");
      out.writeBytes(dir.resolve("report/x.png"), new byte[] {1, 2});
      assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("old a");
      assertThat(Files.exists(dir.resolve("report/x.png"))).isFalse();
      out.commit();
    }
    assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("new a");
    assertThat(Files.readAllBytes(dir.resolve("report/x.png"))).containsExactly(1, 2);
    assertThat(names(dir)).containsExactly("a.txt", "report");
    assertThat(names(dir.resolve("report"))).containsExactly("x.png");
  }

  @Test
  void abort_afterStaging_oldFilesIntactNoTemporaryFileNoCreatedFolder() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "old a");
    try (StagedOutputs out = new StagedOutputs()) {
      out.checkFile("--output", dir.resolve("a.txt"));
      out.checkDirectory("--report", dir.resolve("new/deeper"), n -> true);
      out.writeString(dir.resolve("a.txt"), "new a");
      out.writeString(dir.resolve("new/deeper/report.html"), "<html>");
      assertThat(names(dir)).anyMatch(OutputTarget::isTemporaryName);
    } // closed without a commit
    assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("old a");
    assertThat(names(dir)).containsExactly("a.txt");
  }

  @Test
  void stage_afterAbort_refusedAndCreatesNothing() {
    final StagedOutputs out = new StagedOutputs();
    out.abort();
    assertThatThrownBy(() -> out.writeString(dir.resolve("late.txt"), "x")).isInstanceOf(IllegalStateException.class);
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void temporaryName_shortWhateverTheTarget_so255ByteNamesWork() throws IOException {
    final Path target = dir.resolve("n".repeat(250) + ".csv");
    try (StagedOutputs out = new StagedOutputs()) {
      out.checkFile("--output", target);
      out.writeString(target, "x\n");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.length() <= 254)
            .anyMatch(n -> OutputTarget.isTemporaryName(n) && n.length() < 25);
      }
      out.commit();
    }
    assertThat(Files.readString(target)).isEqualTo("x\n");
  }

  @Test
  void checkFile_nameLongerThanTheFileSystemTakes_refusedBeforeAnyWork() {
    final Path target = dir.resolve("n".repeat(300));
    assertThatThrownBy(() -> new StagedOutputs().checkFile("--replicates", target))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("--replicates '")
        .hasMessageContaining("File name too long");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void checkFile_badLocations_oneLineNamingOptionPathAndReason() throws IOException {
    Files.createDirectories(dir.resolve("folder"));
    Files.writeString(dir.resolve("plain"), "x");
    final StagedOutputs out = new StagedOutputs();
    assertThatThrownBy(() -> out.checkFile("--output", Path.of(""))).hasMessage(
        "--output: the path is empty; accepted: a file path");
    assertThatThrownBy(() -> out.checkFile("--output", dir.resolve("folder"))).hasMessageStartingWith("--output '")
        .hasMessageContaining("folder': is a directory; accepted: a file path");
    assertThatThrownBy(() -> out.checkFile("--output", dir.resolve("plain/sub/out.csv")))
        .hasMessageContaining("plain' is not a folder");
    assertThatThrownBy(() -> out.checkDirectory("--report", dir.resolve("plain"), n -> true))
        .hasMessageContaining("plain': is not a folder");
    assertThat(names(dir)).containsExactly("folder", "plain");
  }

  @Test
  void refuseInputs_outputIsAnInputByAnotherSpelling_refusedNamingBoth() throws IOException {
    final Path input = Files.writeString(dir.resolve("in.csv"), "x\n1\n");
    Files.createSymbolicLink(dir.resolve("link.csv"), input);
    for (Path spelling : List.of(dir.resolve("./in.csv"), dir.resolve("link.csv"), dir.resolve("sub/../in.csv"))) {
      final StagedOutputs out = new StagedOutputs();
      out.checkFile("--replicates", spelling);
      assertThatThrownBy(() -> out.refuseInputs(List.of(input))).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("--replicates '").hasMessageContaining("would overwrite the input '" + input);
    }
    final StagedOutputs report = new StagedOutputs();
    report.checkDirectory("--report", dir, n -> n.endsWith(".csv"));
    assertThatThrownBy(() -> report.refuseInputs(List.of(input))).hasMessageContaining("would overwrite the input");
    assertThat(Files.readString(input)).isEqualTo("x\n1\n");
  }

  @Test
  void refuseInputs_twoOutputsOneFile_refusedNamingBoth() {
    final StagedOutputs out = new StagedOutputs();
    out.checkFile("--output", dir.resolve("o.csv"));
    out.checkFile("--replicates", dir.resolve("./o.csv"));
    assertThatThrownBy(() -> out.refuseInputs(List.of())).hasMessageContaining("--output '")
        .hasMessageContaining("and --replicates '").hasMessageContaining("are the same file");
    final StagedOutputs inReport = new StagedOutputs();
    inReport.checkFile("--output", dir.resolve("report.html"));
    inReport.checkDirectory("--report", dir, n -> n.equals("report.html"));
    assertThatThrownBy(() -> inReport.refuseInputs(List.of())).hasMessageContaining("are the same");
  }

  @Test
  void commit_replacingAFile_keepsItsPermissions() throws IOException {
    final Path f = Files.writeString(dir.resolve("private.json"), "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    AtomicFiles.write(f, w -> w.write("new"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    assertThat(Files.readString(f)).isEqualTo("new");
  }

  @Test
  void commit_symbolicLink_targetReplacedAndLinkKept() throws IOException {
    final Path target = Files.writeString(dir.resolve("real.txt"), "old");
    final Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
    AtomicFiles.write(link, w -> w.write("new"));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real.txt"));
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(names(dir)).containsExactly("link.txt", "real.txt");
  }

  @Test
  void commit_characterDevice_writtenInPlaceNotReplaced() throws IOException {
    final Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull, LinkOption.NOFOLLOW_LINKS), "no /dev/null here");
    assertThat(OutputTarget.of(devNull).kind()).isEqualTo(OutputTarget.Kind.IN_PLACE);
    AtomicFiles.write(devNull, w -> w.write("discarded"));
    assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.isSymbolicLink(Path.of("/dev/stdout")) ? OutputTarget.of(Path.of("/dev/stdout")).kind()
        : OutputTarget.Kind.IN_PLACE).isEqualTo(OutputTarget.Kind.IN_PLACE);
  }

  @Test
  void commit_fifo_readerGetsTheContentAndTheFifoStays() throws Exception {
    final Path fifo = dir.resolve("results.fifo");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo here");
    final CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (StagedOutputs out = new StagedOutputs()) {
      out.checkFile("--output", fifo);
      out.writeString(fifo, "to the reader\n");
      out.commit();
    }
    assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("to the reader\n");
    assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(names(dir)).containsExactly("results.fifo");
  }

  @Test
  void commit_fullDevice_oneLineNamingOptionAndReason() {
    final Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "no /dev/full here");
    try (StagedOutputs out = new StagedOutputs()) {
      out.checkFile("--output", full);
      out.writeString(full, "x".repeat(100_000));
      assertThatThrownBy(out::commit).isInstanceOf(InvalidInputException.class)
          .hasMessage("--output '/dev/full': cannot write (No space left on device)");
    }
  }
}
