package org.parboot.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output, UTF-8, with its first write error kept: a {@link PrintWriter}
 * swallows errors, so {@code parboot run > /dev/full} would otherwise exit 0 with nothing written.
 * {@link #finish} reports the error as one line ({@code parboot: cannot write standard output: No
 * space left on device}) and a non-zero exit, except a closed pipe ({@code | head -1}): the
 * reader has all it wanted, so that stays quiet, as in other Unix tools.
 */
final class StandardOutput {
  private final Recording stream;
  private final PrintWriter writer;

  private StandardOutput(OutputStream out) {
    this.stream = new Recording(out);
    this.writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
  }

  /** File descriptor 1. */
  static StandardOutput ofProcess() {
    return new StandardOutput(new FileOutputStream(FileDescriptor.out));
  }

  /** Standard output onto any stream (for tests). */
  static StandardOutput of(OutputStream out) {
    return new StandardOutput(out);
  }

  PrintWriter writer() {
    return writer;
  }

  /**
   * Flushes, and returns the exit code: {@code code}, or {@link Main#EXIT_USAGE} with one line on
   * {@code err} if a write failed (unless it was a closed pipe, or the command had failed already).
   */
  int finish(int code, PrintWriter err) {
    writer.flush();
    final IOException e = stream.failure;
    if (e == null || org.parboot.io.StagedOutputs.isBrokenPipe(e)) {
      return code;
    }
    if (code == 0) {
      err.println("parboot: cannot write standard output: " + org.parboot.Messages.reason(e));
      err.flush();
      return Main.EXIT_USAGE;
    }
    return code;
  }

  /** Passes writes on, keeps the first failure, and drops later writes. */
  private static final class Recording extends OutputStream {
    private final OutputStream out;
    private volatile IOException failure;

    Recording(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        return;
      }
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      if (failure != null) {
        return;
      }
      try {
        out.flush();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }
}
