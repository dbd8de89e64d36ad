package org.parboot.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.parboot.InvalidInputException;
import org.parboot.Messages;

/**
 * A command's output files, written all or none. The life of one command:
 *
 * <ol>
 *   <li><b>Check</b>, before any work: {@link #checkFile} and {@link #checkDirectory} for every
 *       output location the command will write, and {@link #refuseInputs} with its inputs. A location
 *       that cannot be written (an empty path, a directory where a file is wanted, a parent that is
 *       a file, a folder the process may not write in, a name the file system refuses) or an output
 *       that is the same file as an input or as another output is refused then, with one line
 *       naming the option, the path and the reason.</li>
 *   <li><b>Stage</b>: {@link #write} and {@link #writeBytes} write each file to a temporary file
 *       beside its target (see {@link OutputTarget}); nothing visible changes. A device, FIFO or
 *       {@code /proc} target is remembered and written at commit instead.</li>
 *   <li><b>Commit</b>: {@link #commit} renames every staged file onto its target, in the order
 *       they were staged, then writes the in-place targets (a reader that closes its pipe or FIFO
 *       early is not an error: it has what it wanted, as with {@code | head}).</li>
 *   <li><b>Abort</b> ({@link #abort}, also {@link #close}): every temporary file is removed, and
 *       so is every directory the staging created (if it is still empty), so a command that fails
 *       or is stopped before its commit leaves every output as it was.</li>
 * </ol>
 *
 * <p>Thread safety: every method may be called from any thread; {@link #abort} may race with a
 * staging write (a stop request on another thread): once aborted, no new temporary file is
 * created and the staging write fails.
 */
public final class StagedOutputs implements OutputSink, AutoCloseable {
  private static final String PROBE_PREFIX = ".parboot-probe-";

  /** A checked location: a file, or a directory of files with the names a predicate accepts. */
  private record Location(String option, Path given, OutputTarget target, Predicate<String> names) {
    boolean isDirectory() {
      return names != null;
    }
  }

  /** A staged file: its temporary file, or its body when it is written in place. */
  private record Staged(Location where, OutputTarget target, Path temp, OutputTarget.StreamBody inPlace) {}

  private final List<Location> locations = new ArrayList<>();
  private final Map<Path, Staged> staged = new LinkedHashMap<>();
  private final List<Path> createdDirs = new ArrayList<>();
  private boolean aborted;
  private boolean committed;

  /**
   * Checks that {@code path} can be written as the file output of {@code option}.
   *
   * @throws InvalidInputException naming the option, the path and what is wrong
   */
  public synchronized void checkFile(String option, Path path) {
    locations.add(check(option, path, null));
  }

  /**
   * Checks that {@code dir} can hold the files of {@code option} (a report, say), which are
   * written into it with the names {@code names} accepts; the directory is created at staging
   * if missing.
   *
   * @throws InvalidInputException naming the option, the path and what is wrong
   */
  public synchronized void checkDirectory(String option, Path dir, Predicate<String> names) {
    locations.add(check(option, dir, names));
  }

  /**
   * Refuses, before any work, an output that would overwrite one of the {@code inputs} (the same
   * file, whatever the spelling: links and {@code ./} count) and two outputs that are the same
   * file.
   *
   * @throws InvalidInputException naming both
   */
  public synchronized void refuseInputs(Collection<Path> inputs) {
    for (Location out : locations) {
      for (Path in : inputs) {
        if (writes(out, in)) {
          throw new InvalidInputException(out.option() + " " + show(out.given()) + " would overwrite the input "
              + show(in) + "; accepted: an output path that is not an input");
        }
      }
    }
    for (int i = 0; i < locations.size(); i++) {
      for (int j = i + 1; j < locations.size(); j++) {
        final Location a = locations.get(i);
        final Location b = locations.get(j);
        if (sameLocation(a, b)) {
          throw new InvalidInputException(a.option() + " " + show(a.given()) + " and " + b.option() + " "
              + show(b.given()) + " are the same " + (a.isDirectory() ? "folder" : "file")
              + "; accepted: a different path for each output");
        }
      }
    }
  }

  @Override
  public void write(Path file, AtomicFiles.WriterBody body) {
    stage(file, AtomicFiles.text(body));
  }

  @Override
  public void writeBytes(Path file, byte[] bytes) {
    stage(file, out -> out.write(bytes));
  }

  /** Writes UTF-8 text to {@code file}, as {@link #write}. */
  public void writeString(Path file, String text) {
    writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Renames every staged file onto its target, in staging order, then writes the in-place ones:
   * {@link #commitFiles()} then {@link #commitInPlace()}. Call at most once, after the last
   * staging write.
   *
   * @throws InvalidInputException naming the option and path of a file that cannot be written
   */
  public void commit() {
    commitFiles();
    commitInPlace();
  }

  /**
   * Renames every staged file onto its target, in staging order (each rename takes
   * microseconds); no staging write is accepted afterwards.
   *
   * @throws InvalidInputException naming the option and path of a file that cannot be renamed
   */
  public synchronized void commitFiles() {
    if (aborted) {
      throw new IllegalStateException("the outputs were aborted");
    }
    committed = true;
    for (Staged s : staged.values()) {
      if (s.inPlace() == null) {
        try {
          s.target().commit(s.temp());
        } catch (IOException e) {
          throw cannotWrite(s.where(), s.target().given(), e);
        }
      }
    }
    createdDirs.clear();
  }

  /**
   * Writes the targets that are written in place (devices, FIFOs, {@code /proc} paths), after
   * {@link #commitFiles()}; this may block as long as a FIFO has no reader.
   *
   * @throws InvalidInputException naming the option and path of a target that cannot be written
   */
  public void commitInPlace() {
    final List<Staged> inPlace;
    synchronized (this) {
      if (!committed) {
        throw new IllegalStateException("commitFiles() comes first");
      }
      inPlace = staged.values().stream().filter(s -> s.inPlace() != null).toList();
    }
    for (Staged s : inPlace) {
      try {
        s.target().writeInPlace(s.inPlace());
      } catch (IOException e) {
        if (!isBrokenPipe(e)) {
          throw cannotWrite(s.where(), s.target().given(), e);
        }
        // the reader of the pipe or FIFO has closed it: it has all it wanted, as with `| head`
      }
    }
  }

  /**
   * Removes every temporary file and every directory staging created (if empty); idempotent.
   * After a commit, only what was not yet renamed is removed.
   */
  public synchronized void abort() {
    if (aborted) {
      return;
    }
    aborted = true;
    for (Staged s : staged.values()) {
      if (s.temp() != null) {
        try {
          Files.deleteIfExists(s.temp());
        } catch (IOException e) {
          // best effort: the file is hidden and named .parboot-*.tmp
        }
      }
    }
    for (int i = createdDirs.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(createdDirs.get(i));
      } catch (IOException e) {
        // not empty (something else wrote there) or gone: leave it
      }
    }
  }

  /** Aborts what was not committed. */
  @Override
  public void close() {
    abort();
  }

  private void stage(Path file, OutputTarget.StreamBody body) {
    final Location where = locationOf(file);
    final OutputTarget target;
    try {
      target = OutputTarget.of(file);
    } catch (IOException e) {
      throw cannotWrite(where, file, e);
    }
    if (target.kind() == OutputTarget.Kind.IN_PLACE) {
      synchronized (this) {
        refuseIfDone();
        staged.put(target.real(), new Staged(where, target, null, body));
      }
      return;
    }
    final List<Path> created = new ArrayList<>();
    final Path temp;
    synchronized (this) {
      // Create the directories and the empty temporary file under the lock, so that an abort on
      // another thread either sees them or makes this fail.
      refuseIfDone();
      try {
        temp = target.createTemp(created);
      } catch (IOException e) {
        throw cannotWrite(where, file, e);
      } finally {
        createdDirs.addAll(created);
      }
      final Staged old = staged.put(target.real(), new Staged(where, target, temp, null));
      if (old != null && old.temp() != null) {
        deleteQuietly(old.temp());
      }
    }
    try {
      OutputTarget.fill(temp, body);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw cannotWrite(where, file, e);
    }
  }

  private void refuseIfDone() {
    if (aborted) {
      throw new IllegalStateException("the outputs were aborted");
    }
    if (committed) {
      throw new IllegalStateException("the outputs were already committed");
    }
  }

  private synchronized Location locationOf(Path file) {
    final Path abs = file.toAbsolutePath().normalize();
    for (Location l : locations) {
      final Path at = l.given().toAbsolutePath().normalize();
      if (l.isDirectory() ? at.equals(abs.getParent()) : at.equals(abs)) {
        return l;
      }
    }
    return new Location("output", file, null, null);
  }

  private static Location check(String option, Path path, Predicate<String> names) {
    final boolean directory = names != null;
    if (path == null || path.toString().isEmpty()) {
      throw new InvalidInputException(option + ": the path is empty; accepted: a " + (directory ? "folder" : "file")
          + " path");
    }
    OutputTarget target = null;
    Path dir = path.toAbsolutePath().normalize();
    if (directory) {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new InvalidInputException(option + " " + show(path) + ": is not a folder; accepted: a folder path "
            + "(created if missing)");
      }
    } else {
      try {
        target = OutputTarget.of(path);
      } catch (IOException e) {
        throw refused(option, path, Messages.escape(Messages.reason(e)), "a file path");
      }
      if (target.kind() == OutputTarget.Kind.IN_PLACE) {
        if (!Files.isWritable(target.real())) {
          throw refused(option, path, "permission denied", "a file this process may write");
        }
        return new Location(option, path, target, null);
      }
      dir = target.directory();
    }
    // The nearest folder that exists is where the first file or folder will be made.
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw refused(option, path, show(existing == null ? dir : existing) + " is not a folder", "a path whose "
          + "parent folders are folders");
    }
    probe(option, path, existing, directory ? "x" : target.real().getFileName().toString());
    return new Location(option, path, target, names);
  }

  /**
   * Creates and removes a file in {@code dir} whose name is as long as {@code name} (in bytes),
   * which is what writing there will need: permission to create a file, a writable file system,
   * and a name the file system accepts.
   */
  private static void probe(String option, Path path, Path dir, String name) {
    final StringBuilder probeName = new StringBuilder(PROBE_PREFIX)
        .append(String.format("%08x", ThreadLocalRandom.current().nextInt()));
    final int wanted = name.getBytes(StandardCharsets.UTF_8).length;
    while (probeName.length() < wanted) {
      probeName.append('x');
    }
    final Path probe = dir.resolve(probeName.toString());
    try {
      Files.createFile(probe);
    } catch (IOException e) {
      throw refused(option, path, "cannot create a file in " + show(dir) + " (" + Messages.reason(e) + ")",
          "a path in a folder this process may write");
    } finally {
      deleteQuietly(probe);
    }
  }

  private static boolean writes(Location out, Path input) {
    if (!Files.exists(input)) {
      return false;
    }
    try {
      if (!out.isDirectory()) {
        return Files.exists(out.target().real(), LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(out.target().real(), input);
      }
      final Path dir = out.given();
      final Path parent = input.toAbsolutePath().getParent();
      return Files.isDirectory(dir) && parent != null && Files.isSameFile(dir, parent)
          && out.names().test(input.getFileName().toString());
    } catch (IOException e) {
      return false; // cannot be compared: it will fail where it is read or written, with its own message
    }
  }

  private static boolean sameLocation(Location a, Location b) {
    if (a.isDirectory() != b.isDirectory()) {
      final Location dir = a.isDirectory() ? a : b;
      final Location file = a.isDirectory() ? b : a;
      final Path parent = file.target().real().toAbsolutePath().getParent();
      return parent != null && samePath(parent, dir.given().toAbsolutePath().normalize())
          && dir.names().test(file.target().real().getFileName().toString());
    }
    final Path pa = a.isDirectory() ? a.given().toAbsolutePath().normalize() : a.target().real();
    final Path pb = b.isDirectory() ? b.given().toAbsolutePath().normalize() : b.target().real();
    return samePath(pa, pb);
  }

  private static boolean samePath(Path a, Path b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static InvalidInputException refused(String option, Path path, String why, String accepted) {
    return new InvalidInputException(option + " " + show(path) + ": " + why + "; accepted: " + accepted);
  }

  private static InvalidInputException cannotWrite(Location where, Path file, IOException e) {
    final String what = where.given().equals(file) ? show(file) : show(where.given()) + " (" + show(file) + ")";
    return new InvalidInputException(where.option() + " " + what + ": cannot write (" + Messages.escape(
        Messages.reason(e)) + ")", e);
  }

  /** The error a writer gets when the reader of its pipe is gone (EPIPE). */
  public static boolean isBrokenPipe(IOException e) {
    return String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("broken pipe");
  }

  private static String show(Path p) {
    return Messages.quote(String.valueOf(p));
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort
    }
  }
}
