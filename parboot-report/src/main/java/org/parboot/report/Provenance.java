package org.parboot.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a report came from, for its settings: the parboot that wrote it and the command line that
 * repeats it.
 *
 * @param version {@code parboot 0.1.0 (commit 94c90f6a5136)}, or empty when not known (a report
 *     written through the Java API)
 * @param commandLine the command line that repeats the run, as a shell reads it, or empty
 */
public record Provenance(String version, String commandLine) {

  /** No version or command line: a report written through the Java API. */
  public static Provenance unknown() {
    return new Provenance("", "");
  }

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,@%+-]+");

  /**
   * The provenance of a run of {@code parboot} with these arguments: the arguments quoted for a
   * POSIX shell, and {@code --seed SEED} added when the run drew its seed, so that the line repeats
   * it bit for bit.
   */
  public static Provenance of(String version, List<String> args, long seed, boolean seedGiven) {
    final StringBuilder line = new StringBuilder("parboot");
    for (String a : args) {
      line.append(' ').append(quote(a));
    }
    if (!seedGiven) {
      line.append(" --seed ").append(seed);
    }
    return new Provenance(version, line.toString());
  }

  /** An argument as a POSIX shell reads it: as it is when plain, else in single quotes. */
  static String quote(String arg) {
    return !arg.isEmpty() && PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
