package org.parboot.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A folder on a file system of its own, for the faults a test cannot make otherwise: a tmpfs
 * mounted read-only, or so small it is full. Mounting needs root (CI runs as root); a test that
 * is not root gets a read-only folder by its permissions instead, and no full disk.
 */
final class SmallFileSystem implements AutoCloseable {
  private final Path dir;
  private final boolean mounted;

  private SmallFileSystem(Path dir, boolean mounted) {
    this.dir = dir;
    this.mounted = mounted;
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** A folder nobody may write in: a read-only tmpfs as root, else mode 0555. */
  static SmallFileSystem readOnly(Path dir) throws Exception {
    Files.createDirectories(dir);
    if (isRoot()) {
      mount(dir, "ro,size=64k");
      return new SmallFileSystem(dir, true);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    return new SmallFileSystem(dir, false);
  }

  /** A folder on a tmpfs of 64 KiB that is already full (root only; skipped otherwise). */
  static SmallFileSystem full(Path dir) throws Exception {
    assumeTrue(isRoot(), "a full file system needs a tmpfs mount, which needs root");
    Files.createDirectories(dir);
    mount(dir, "size=64k");
    final byte[] block = new byte[4096];
    try (var out = Files.newOutputStream(dir.resolve("filler"))) {
      while (true) {
        out.write(block);
      }
    } catch (IOException e) {
      // full now
    }
    return new SmallFileSystem(dir, true);
  }

  Path dir() {
    return dir;
  }

  private static void mount(Path dir, String options) throws Exception {
    final Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())
        .redirectErrorStream(true).start();
    final boolean ended = p.waitFor(30, TimeUnit.SECONDS);
    final String said = new String(p.getInputStream().readAllBytes());
    assumeTrue(ended && p.exitValue() == 0, "cannot mount a tmpfs here: " + said);
  }

  @Override
  public void close() throws Exception {
    if (mounted) {
      new ProcessBuilder("umount", "-l", dir.toString()).start().waitFor(30, TimeUnit.SECONDS);
    } else {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
