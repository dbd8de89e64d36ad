package org.parboot.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a data file holds, told from its first bytes (its magic number), never from its name: the
 * one place that knows the magic numbers. Text (CSV) is anything without one of them.
 */
enum FileKind {
  /** Parquet: {@code PAR1}. */
  PARQUET("Parquet", new int[] {'P', 'A', 'R', '1'}),
  /** gzip (RFC 1952): {@code 1f 8b}; read by the JDK's {@link java.util.zip.GZIPInputStream}. */
  GZIP("gzip-compressed", new int[] {0x1f, 0x8b}),
  /** Zstandard (RFC 8878): {@code 28 b5 2f fd}; read by zstd-jni, which Parquet's Zstd needs anyway. */
  ZSTD("zstd-compressed", new int[] {0x28, 0xb5, 0x2f, 0xfd}),
  /** bzip2: {@code BZh}; not read (see {@link CsvText}). */
  BZIP2("bzip2-compressed", new int[] {'B', 'Z', 'h'}),
  /** xz: {@code fd 37 7a 58 5a 00}; not read. */
  XZ("xz-compressed", new int[] {0xfd, '7', 'z', 'X', 'Z', 0}),
  /** A zip archive: {@code PK 03 04}; not read. */
  ZIP("a zip archive", new int[] {'P', 'K', 3, 4}),
  /** Anything else: text, read as CSV. */
  TEXT("text", new int[0]);

  /** The most bytes a magic number has. */
  static final int HEAD = 6;

  private final String description;
  private final int[] magic;

  FileKind(String description, int[] magic) {
    this.description = description;
    this.magic = magic;
  }

  /** How messages name it: "gzip-compressed", "Parquet", ... */
  String description() {
    return description;
  }

  /** The kind of data that starts with {@code head[0 .. length)}. */
  static FileKind of(byte[] head, int length) {
    for (FileKind k : values()) {
      if (k.magic.length > 0 && k.magic.length <= length && k.matches(head)) {
        return k;
      }
    }
    return TEXT;
  }

  private boolean matches(byte[] head) {
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** The kind of the file's data (an unreadable or missing file is left to the reader to report). */
  static FileKind of(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      final byte[] head = new byte[HEAD];
      return of(head, in.readNBytes(head, 0, HEAD));
    } catch (IOException | UnsupportedOperationException e) {
      return TEXT;
    }
  }
}
