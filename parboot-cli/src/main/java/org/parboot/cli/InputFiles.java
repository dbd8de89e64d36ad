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

/**
 * The FILE arguments of a command, globs expanded. An argument that names an existing file, or
 * has none of the glob characters {@code * ? [ {}, is taken as it is (a missing file is reported
 * when it is read). Otherwise it is a glob: the part before the first path component with a glob
 * character is the directory (the working directory if none), and the rest is matched with
 * {@code FileSystem.getPathMatcher("glob:" + rest)} against the paths below that directory,
 * relative to it ({@code *} stays within one directory, {@code **} crosses them). Matches are
 * regular files, sorted by path; a glob that matches nothing is an error naming it. A file
 * named twice is read once.
 */
final class InputFiles {
  private InputFiles() {}

  static List<Path> expand(List<String> args) {
    final Set<Path> out = new LinkedHashSet<>();
    for (String arg : args) {
      if (!isGlob(arg) || Files.exists(Path.of(arg))) {
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
    final PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("FILE '" + arg + "' is not a valid glob (" + e.getMessage()
          + "); accepted: a file name, or a glob such as 'data/*.csv'");
    }
    final int depth = pattern.contains("**") ? Integer.MAX_VALUE : parts.length - first;
    final List<Path> found;
    try (Stream<Path> walk = Files.walk(dir, depth)) {
      found = walk.filter(Files::isRegularFile).filter(p -> matcher.matches(dir.relativize(p)))
          .map(p -> first == 0 ? dir.relativize(p) : p).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InvalidInputException("FILE '" + arg + "': cannot list " + dir + " (" + e.getMessage() + ")");
    }
    if (found.isEmpty()) {
      throw new InvalidInputException("FILE '" + arg + "' matches no file; accepted: an existing file, or a glob "
          + "that matches at least one file");
    }
    return found;
  }
}
