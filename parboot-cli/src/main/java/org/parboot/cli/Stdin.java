package org.parboot.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What standard input is, which decides what {@code parboot run} with no FILE reads: data piped
 * or redirected into it is read, as Unix filters do; a terminal (or {@code /dev/null}, or no
 * standard input at all) means "no data given", and the bundled weather data is used instead.
 * {@code -} as a FILE always reads standard input.
 *
 * <p>The launcher says which it is ({@code -Dparboot.stdin=terminal|null|data}, from the shell's
 * {@code [ -t 0 ]}); a JVM started otherwise looks at {@code /proc/self/fd/0} (Linux) and, where
 * that does not exist, takes standard input for a terminal.
 *
 * @param kind what standard input is
 * @param stream opens it (once)
 */
record Stdin(Kind kind, Supplier<InputStream> stream) {

  /** What standard input is. */
  enum Kind {
    /** A terminal: nobody is piping data in. */
    TERMINAL,
    /** {@code /dev/null} or closed: no data. */
    NONE,
    /** A pipe, a redirected file, a socket: data. */
    DATA;

    /** True when a run with no FILE reads standard input. */
    boolean hasData() {
      return this == DATA;
    }
  }

  /** A standard input with nothing to read, as a terminal: the bundled data is the default. */
  static Stdin terminal() {
    return new Stdin(Kind.TERMINAL, InputStream::nullInputStream);
  }

  /** Data given as a stream (for tests and embedding). */
  static Stdin of(InputStream in) {
    return new Stdin(Kind.DATA, () -> in);
  }

  /**
   * This process's standard input. It is read through a file channel, so that an interrupt (a
   * stop request) ends a blocked read.
   */
  static Stdin ofProcess() {
    return new Stdin(detect(), () -> Channels.newInputStream(new FileInputStream(FileDescriptor.in).getChannel()));
  }

  static Kind detect() {
    final String said = System.getProperty("parboot.stdin");
    if (said != null) {
      return switch (said.strip().toLowerCase(Locale.ROOT)) {
        case "data" -> Kind.DATA;
        case "null" -> Kind.NONE;
        default -> Kind.TERMINAL;
      };
    }
    final Path fd0 = Path.of("/proc/self/fd/0");
    try {
      if (!Files.isDirectory(fd0.getParent())) {
        return Kind.TERMINAL; // no /proc: assume an interactive user
      }
      if (!Files.exists(fd0, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return Kind.NONE; // standard input is closed
      }
      final String target = Files.readSymbolicLink(fd0).toString();
      if (target.equals("/dev/null")) {
        return Kind.NONE;
      }
      if (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.startsWith("/dev/console")) {
        return Kind.TERMINAL;
      }
      return Kind.DATA;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Kind.TERMINAL;
    }
  }
}
