package org.parboot.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.parboot.InvalidInputException;
import org.parboot.Messages;

/**
 * The FILE arguments of a command, globs expanded. An argument that names an existing file, or
 * has none of the glob characters {@code * ? [ {}, is taken as it is (a missing file is reported
 * when it is read). Otherwise it is a glob: the part before the first path component with a glob
 * character is the directory (the working directory if none), and the rest is matched with
 * {@code FileSystem.getPathMatcher("glob:" + rest)} against the paths below that directory,
 * relative to it ({@code *} stays within one directory, {@code **} crosses them, and {@code **}{@code /}
 * also matches no directory at all, as in shells and Python: {@code sub/**}{@code /*.csv} matches
 * {@code sub/a.csv} and {@code sub/x/y/a.csv}). Matches are
 * regular files, sorted by path; a glob that matches nothing is an error naming it. A file
 * named twice is read once.
 */
final class InputFiles {
  /** The FILE argument {@code -}: standard input ({@code ./-} names a file called "-"). */
  static final Path STDIN = Path.of("-");
  /** Standard input's name in messages and results. */
  static final String STDIN_NAME = "stdin";

  private InputFiles() {}

  /** True for {@link #STDIN}. */
  static boolean isStdin(Path p) {
    return STDIN.equals(p);
  }

  /** The input's name in messages and results: the path as given, or {@value #STDIN_NAME}. */
  static String name(Path p) {
    return isStdin(p) ? STDIN_NAME : p.toString();
  }

  /**
   * Reads the command's standard input as CSV text with {@code read}: decompressed if it is gzip
   * or zstd data, decoded as strict UTF-8 (a malformed byte is reported, not replaced). It is read once: a second {@code -} is refused by {@link #expand}.
   */
  static <T> T readStdin(Stdin stdin, java.util.function.Function<java.io.Reader, T> read) {
    return read.apply(org.parboot.io.CsvColumns.textOf(stdin.stream().get(), STDIN_NAME));
  }

  /**
   * Reads a data file with {@code read}. Hardwood, which reads Parquet, logs through
   * java.util.logging at INFO (which codec, whether SIMD is used): a command line keeps its
   * standard error for its own one-line messages, so only its warnings and errors are let through.
   */
  static <T> T read(Path file, java.util.function.Supplier<T> read) {
    if (org.parboot.io.DataFiles.isParquet(file)) {
      HardwoodLog.quiet();
    }
    return read.get();
  }

  /** Loaded only for a Parquet file: java.util.logging costs start-up time. */
  private static final class HardwoodLog {
    /** Held, so that the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("dev.hardwood");

    static void quiet() {
      LOG.setLevel(java.util.logging.Level.WARNING);
    }
  }

  static List<Path> expand(List<String> args) {
    final Set<Path> out = new LinkedHashSet<>();
    for (String arg : args) {
      if (arg.equals("-")) {
        out.add(STDIN);
      } else if (!isGlob(arg) || Files.exists(Path.of(arg))) {
        out.add(Path.of(arg));
      } else {
        out.addAll(glob(arg));
      }
    }
    return new ArrayList<>(out);
  }

  static boolean isGlob(String arg) {
    return arg.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static List<Path> glob(String arg) {
    final String[] parts = arg.split("/", -1);
    int plain = 0;
    while (plain < parts.length && !isGlob(parts[plain])) {
      plain++;
    }
    final int first = plain;
    final String dirText = String.join("/", java.util.Arrays.copyOfRange(parts, 0, first));
    final Path dir = first == 0 ? Path.of(".") : Path.of(dirText.isEmpty() ? "/" : dirText);
    final String pattern = String.join("/", java.util.Arrays.copyOfRange(parts, first, parts.length));
    final List<PathMatcher> matchers = new ArrayList<>();
    try {
      for (String variant : zeroOrMoreFolders(pattern)) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + variant));
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("FILE " + Messages.quote(arg) + " is not a valid glob (" + Messages.escape(e.getMessage())
          + "); accepted: a file name, or a glob such as 'data/*.csv'");
    }
    final int depth = pattern.contains("**") ? Integer.MAX_VALUE : parts.length - first;
    final List<Path> found;
    try (Stream<Path> walk = Files.walk(dir, depth)) {
      found = walk.filter(Files::isRegularFile)
          .filter(p -> matchers.stream().anyMatch(m -> m.matches(dir.relativize(p))))
          .map(p -> first == 0 ? dir.relativize(p) : p).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      final IOException cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new InvalidInputException("FILE " + Messages.quote(arg) + ": cannot list " + Messages.quote(dir.toString())
          + " (" + Messages.reason(cause) + ")");
    }
    if (found.isEmpty()) {
      throw new InvalidInputException("FILE " + Messages.quote(arg) + " matches no file; accepted: an existing file, or a glob "
          + "that matches at least one file");
    }
    return found;
  }

  /**
   * The pattern with each {@code **}{@code /} either kept or dropped, every combination: Java's
   * glob needs at least one folder for {@code **}{@code /}, shells and Python none.
   */
  static List<String> zeroOrMoreFolders(String pattern) {
    final List<String> out = new ArrayList<>(List.of(pattern));
    final int at = pattern.indexOf("**/");
    if (at >= 0) {
      final String head = pattern.substring(0, at);
      for (String tail : zeroOrMoreFolders(pattern.substring(at + 3))) {
        out.add(head + "**/" + tail);
        out.add(head + tail);
      }
      out.remove(0);
    }
    return List.copyOf(new LinkedHashSet<>(out));
  }
}
