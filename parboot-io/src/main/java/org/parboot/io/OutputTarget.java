package org.parboot.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How one output path is written; the one place that decides it.
 *
 * <ul>
 *   <li>A symbolic link is followed to the file it names (the link stays; its target is what gets
 *       replaced).</li>
 *   <li>A path that does not exist yet, or a regular file, is written to a temporary file in the
 *       same directory ({@code .parboot-<8 hex>.tmp}: short, whatever the target's name, so a legal
 *       255-byte name still works), forced to disk and renamed onto the target. A file that is
 *       replaced keeps its permissions (and, where the process may set them, its owner and
 *       group).</li>
 *   <li>Anything else that exists (a character device such as {@code /dev/null}, a FIFO, a
 *       socket) and every path reached through {@code /proc} (such as {@code /dev/stdout}) is
 *       written in place, as {@code tee} and {@code sort -o} do: renaming onto it would replace the
 *       device or pipe with a regular file.</li>
 *   <li>A directory is refused.</li>
 * </ul>
 */
final class OutputTarget {
  private static final int MAX_LINKS = 40;
  private static final String TEMP_PREFIX = ".parboot-";
  private static final String TEMP_SUFFIX = ".tmp";

  /** How the target is written. */
  enum Kind {
    /** A new path or a regular file: temporary file, then rename. */
    REPLACE,
    /** A device, FIFO or {@code /proc} link: opened and written in place. */
    IN_PLACE
  }

  private final Path given;
  private final Path real;
  private final Kind kind;

  private OutputTarget(Path given, Path real, Kind kind) {
    this.given = given;
    this.real = real;
    this.kind = kind;
  }

  /**
   * The target for {@code given}, links followed.
   *
   * @throws IOException if the path is a directory or its links cannot be followed
   */
  static OutputTarget of(Path given) throws IOException {
    Path p = given.toAbsolutePath().normalize();
    boolean throughProc = p.startsWith("/proc");
    for (int i = 0; Files.isSymbolicLink(p); i++) {
      if (i == MAX_LINKS) {
        throw new FileSystemException(given.toString(), null, "too many levels of symbolic links");
      }
      final Path link = Files.readSymbolicLink(p);
      p = p.getParent().resolve(link).normalize();
      throughProc |= p.startsWith("/proc");
    }
    if (Files.isDirectory(p)) {
      throw new FileSystemException(given.toString(), null, "is a directory");
    }
    final boolean exists = Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    final boolean inPlace = throughProc || (exists && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
    // A /proc link (/dev/stdout -> /proc/self/fd/1) is opened by its own name: the kernel resolves it.
    return new OutputTarget(given, throughProc ? given : p, inPlace ? Kind.IN_PLACE : Kind.REPLACE);
  }

  Path given() {
    return given;
  }

  /** The file that is written: the given path with its links followed. */
  Path real() {
    return real;
  }

  Kind kind() {
    return kind;
  }

  /** The directory the target is in (or would be created in). */
  Path directory() {
    return real.toAbsolutePath().getParent();
  }

  /** A stream body, for text and bytes alike. */
  @FunctionalInterface
  interface StreamBody {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Creates an empty temporary file beside the target (creating missing directories, which are
   * added to {@code createdDirs}, outermost first) with the attributes of the file it will
   * replace, and returns its path. Only for {@link Kind#REPLACE}.
   */
  Path createTemp(List<Path> createdDirs) throws IOException {
    final Path dir = directory();
    createDirectories(dir, createdDirs);
    final Path temp = dir.resolve(TEMP_PREFIX + String.format("%08x", ThreadLocalRandom.current().nextInt())
        + TEMP_SUFFIX);
    Files.createFile(temp);
    try {
      keepAttributesOf(real, temp);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }

  /** Writes the content into a temporary file made by {@link #createTemp} and forces it to disk. */
  static void fill(Path temp, StreamBody body) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      final OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      write(body, nonClosing(out));
      out.flush();
      channel.force(true);
    }
  }

  /** Runs the body; an {@link java.io.UncheckedIOException} from it (a CSV writer's) is the I/O error it wraps. */
  private static void write(StreamBody body, OutputStream out) throws IOException {
    try {
      body.write(out);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Renames a staged temporary file onto the target. */
  void commit(Path temp) throws IOException {
    try {
      Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes the content straight into the target (a device, FIFO or {@code /proc} link). */
  void writeInPlace(StreamBody body) throws IOException {
    try (OutputStream raw = Files.newOutputStream(real, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
      write(body, nonClosing(out));
      out.flush();
    }
  }

  /** Is {@code name} a temporary file name of this class? */
  static boolean isTemporaryName(String name) {
    return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
  }

  private static void createDirectories(Path dir, List<Path> created) throws IOException {
    final List<Path> missing = new ArrayList<>();
    for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
      missing.add(0, d);
    }
    for (Path d : missing) {
      Files.createDirectory(d);
      created.add(d);
    }
  }

  /** Gives {@code temp} the permissions, owner and group of {@code existing}, if that is a regular file. */
  private static void keepAttributesOf(Path existing, Path temp) throws IOException {
    if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    final PosixFileAttributeView from = Files.getFileAttributeView(existing, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    final PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (from == null || to == null) {
      return; // not a POSIX file system: the new file gets the defaults
    }
    final PosixFileAttributes a = from.readAttributes();
    try {
      to.setOwner(a.owner());
      to.setGroup(a.group());
    } catch (IOException e) {
      // only a privileged process may give a file away; the permissions below still apply
    }
    to.setPermissions(a.permissions());
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  @Override
  public String toString() {
    return given.toString();
  }
}
