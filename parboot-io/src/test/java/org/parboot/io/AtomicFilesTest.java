package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  private List<String> names() throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void write_missingParentDirectories_areCreated() throws IOException {
    final Path f = dir.resolve("a/b/out.txt");
    AtomicFiles.write(f, w -> w.write("héllo\n"));
    assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("héllo\n");
  }

  @Test
  void write_existingTarget_isReplaced() throws IOException {
    final Path f = dir.resolve("out.txt");
    Files.writeString(f, "old content that is longer");
    AtomicFiles.write(f, w -> w.write("new"));
    assertThat(Files.readString(f)).isEqualTo("new");
    assertThat(names()).containsExactly("out.txt");
  }

  @Test
  void write_bodyThrows_leavesOldTargetAndNoTempFile() throws IOException {
    final Path f = dir.resolve("out.txt");
    Files.writeString(f, "old");
    assertThatThrownBy(() -> AtomicFiles.write(f, w -> {
      w.write("partial ".repeat(100_000)); // more than the buffer: some reaches the temp file
      throw new IOException("disk full");
    })).isInstanceOf(IOException.class).hasMessage("disk full");
    assertThat(Files.readString(f)).isEqualTo("old");
    assertThat(names()).containsExactly("out.txt");
  }

  @Test
  void write_bodyThrowsUnchecked_leavesNoTempFile() {
    final Path f = dir.resolve("out.txt");
    assertThatThrownBy(() -> AtomicFiles.write(f, w -> {
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(Files.exists(f)).isFalse();
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void write_bodyClosesWriter_stillCompletes() throws IOException {
    final Path f = dir.resolve("out.txt");
    AtomicFiles.write(f, w -> {
      w.write("closed early");
      w.close();
    });
    assertThat(Files.readString(f)).isEqualTo("closed early");
  }

  @Test
  void write_targetIsDirectory_throwsAndLeavesNoTempFile() throws IOException {
    final Path target = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(target.resolve("inside"), "x");
    assertThatThrownBy(() -> AtomicFiles.write(target, w -> w.write("x"))).isInstanceOf(IOException.class);
    assertThat(names()).containsExactly("taken");
    assertThat(Files.readString(target.resolve("inside"))).isEqualTo("x");
  }

  @Test
  void writeBytes_relativeTarget_writesExactBytes() throws IOException {
    final byte[] bytes = {0, (byte) 0xff, 10, 13};
    final Path f = dir.resolve("bin.dat");
    AtomicFiles.writeBytes(f, bytes);
    assertThat(Files.readAllBytes(f)).containsExactly(bytes);
  }
}
