package org.parboot.io;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a
 * half-written file: the content goes to a hidden temporary file in the target's directory
 * ({@code .parboot-<8 hex>.tmp}), is forced to disk, and is then renamed onto the target. On any
 * failure the temporary file is deleted and the target is left as it was.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("out/result.json"), w -> w.write(json));
 * }</pre>
 *
 * <p>The target's parent directories are created if missing. A symbolic link is followed (its
 * target is replaced, the link stays); a file that is replaced keeps its permissions; a device,
 * FIFO or {@code /proc} path such as {@code /dev/stdout} is written in place, never replaced
 * (see {@link OutputTarget}). To write several files of a command all or none, use
 * {@link StagedOutputs}.
 */
public final class AtomicFiles {

  /** Writes the content to a buffered UTF-8 writer; closing it is allowed but not needed. */
  @FunctionalInterface
  public interface WriterBody {
    void write(Writer w) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes UTF-8 text to {@code target} atomically. */
  public static void write(Path target, WriterBody body) throws IOException {
    writeStream(target, text(body));
  }

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    writeStream(target, out -> out.write(bytes));
  }

  /** The text body as a stream body: UTF-8, flushed, the stream left open. */
  static OutputTarget.StreamBody text(WriterBody body) {
    return out -> {
      // close() only flushes: the stream underneath must stay open to be forced and renamed
      final Writer w = new FilterWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
      body.write(w);
      w.flush();
    };
  }

  private static void writeStream(Path target, OutputTarget.StreamBody body) throws IOException {
    final OutputTarget t = OutputTarget.of(target);
    if (t.kind() == OutputTarget.Kind.IN_PLACE) {
      t.writeInPlace(body);
      return;
    }
    final Path temp = t.createTemp(new ArrayList<>());
    boolean moved = false;
    try {
      OutputTarget.fill(temp, body);
      t.commit(temp);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
