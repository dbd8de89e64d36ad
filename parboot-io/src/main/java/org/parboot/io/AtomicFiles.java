package org.parboot.io;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a
 * half-written file: the content goes to a hidden temporary file in the target's directory,
 * is forced to disk, and is then renamed onto the target ({@code ATOMIC_MOVE}, or a plain
 * replacing move where the file system cannot rename atomically). On any failure the temporary
 * file is deleted and the target is left as it was.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("out/result.json"), w -> w.write(json));
 * }</pre>
 *
 * <p>The target's parent directories are created if missing. The new file gets the default
 * permissions for new files, not those of the file it replaces.
 */
public final class AtomicFiles {

  /** Writes the content to a buffered UTF-8 writer; closing it is allowed but not needed. */
  @FunctionalInterface
  public interface WriterBody {
    void write(Writer w) throws IOException;
  }

  private interface StreamBody {
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes UTF-8 text to {@code target} atomically. */
  public static void write(Path target, WriterBody body) throws IOException {
    writeStream(target, out -> {
      // close() only flushes: the channel underneath must stay open to be forced and renamed
      final Writer w = new FilterWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
      body.write(w);
      w.flush();
    });
  }

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    writeStream(target, out -> out.write(bytes));
  }

  private static void writeStream(Path target, StreamBody body) throws IOException {
    final Path absolute = target.toAbsolutePath();
    final Path dir = absolute.getParent();
    Files.createDirectories(dir);
    final Path temp = dir.resolve("." + absolute.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        final OutputStream out = Channels.newOutputStream(channel);
        body.write(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
