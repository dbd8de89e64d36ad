package org.parboot.io;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.parboot.InvalidInputException;
import org.parboot.Messages;

/**
 * The text of a CSV stream: decompressed when its first bytes say gzip or Zstandard, then decoded
 * as strict UTF-8 (a malformed byte is reported, never replaced).
 *
 * <p>Why these two: gzip is in the JDK, and Zstandard's decoder (zstd-jni) is needed for Parquet
 * files anyway, so neither adds a library for CSV alone. bzip2 and xz would each need a library
 * (Commons Compress) that only this would use; such files, zip archives and Parquet files are
 * refused with a message that says what the file is and what is accepted.
 */
final class CsvText {
  /** What a compressed or misplaced file is told it may be instead. */
  static final String ACCEPTED = "UTF-8 CSV text, plain or compressed with gzip (.gz) or zstd (.zst)";

  private CsvText() {}

  /**
   * The decoded text of {@code in}; closing the reader closes {@code in}.
   *
   * @param shown the source as messages show it (escaped)
   * @throws InvalidInputException for a format that is not CSV text or not read here
   * @throws IOException if the stream cannot be read
   */
  static Reader reader(InputStream in, String shown) throws IOException {
    final BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(FileKind.HEAD);
    final byte[] head = new byte[FileKind.HEAD];
    final FileKind kind = FileKind.of(head, buffered.readNBytes(head, 0, FileKind.HEAD));
    buffered.reset();
    final InputStream bytes = switch (kind) {
      case TEXT -> buffered;
      case GZIP -> new GZIPInputStream(buffered, 1 << 16);
      case ZSTD -> new BufferedInputStream(new ZstdInputStream(buffered), 1 << 16);
      case PARQUET -> throw new InvalidInputException(shown + ": is a Parquet file, which is read from a file path "
          + "(parboot run FILE.parquet; in Java, DataFiles or ParquetColumns); accepted here: " + ACCEPTED);
      case BZIP2, XZ, ZIP -> throw new InvalidInputException(shown + ": is " + kind.description()
          + ", which parboot does not read; accepted: " + ACCEPTED + ", or Parquet (decompress it first, e.g. with "
          + switch (kind) {
            case BZIP2 -> "bunzip2";
            case XZ -> "unxz";
            default -> "unzip";
          } + ")");
    };
    return new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** {@link #reader} for a source name that is not escaped yet. */
  static Reader readerOf(InputStream in, String sourceName) throws IOException {
    return reader(in, Messages.escape(sourceName));
  }
}
