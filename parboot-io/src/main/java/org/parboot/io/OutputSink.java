package org.parboot.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where output files go. {@link #immediate()} writes each file at once (atomically, through
 * {@link AtomicFiles}); a {@link StagedOutputs} keeps every file of a command aside until the
 * command commits them all, so an interrupted or failed command changes no output.
 */
public interface OutputSink {

  /** Writes UTF-8 text to {@code file}. */
  void write(Path file, AtomicFiles.WriterBody body) throws IOException;

  /** Writes bytes to {@code file}. */
  void writeBytes(Path file, byte[] bytes) throws IOException;

  /** The sink that writes each file at once, as {@link AtomicFiles} does. */
  static OutputSink immediate() {
    return Immediate.INSTANCE;
  }

  /** {@link OutputSink#immediate()}. */
  enum Immediate implements OutputSink {
    INSTANCE;

    @Override
    public void write(Path file, AtomicFiles.WriterBody body) throws IOException {
      AtomicFiles.write(file, body);
    }

    @Override
    public void writeBytes(Path file, byte[] bytes) throws IOException {
      AtomicFiles.writeBytes(file, bytes);
    }
  }
}
