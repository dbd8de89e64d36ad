package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parboot.InvalidInputException;

/** Compressed CSV: gzip and zstd read, told by their first bytes; other formats refused with what they are. */
class CompressedCsvTest {
  private static final String CSV = "x,g\n1.5,a\n2.5,b\n4,a\n";

  @TempDir
  Path dir;

  private interface Wrap {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] compress(String text, Wrap wrap) throws IOException {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = wrap.wrap(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private Path write(String name, byte[] content) throws IOException {
    final Path f = dir.resolve(name);
    Files.write(f, content);
    return f;
  }

  @Test
  void read_gzipCsv_theSameColumnsAsPlain() throws IOException {
    final Path f = write("data.csv.gz", compress(CSV, GZIPOutputStream::new));
    assertThat(CsvColumns.read(f, List.of("x"), CsvOptions.defaults()).column("x")).containsExactly(1.5, 2.5, 4);
  }

  @Test
  void read_zstdCsv_theSameColumnsAsPlain() throws IOException {
    final Path f = write("data.csv.zst", compress(CSV, ZstdOutputStream::new));
    assertThat(DataFiles.read(f, List.of("x"), CsvOptions.defaults()).column("x")).containsExactly(1.5, 2.5, 4);
  }

  @Test
  void readGrouped_gzipWithoutItsExtension_toldByItsFirstBytes() throws IOException {
    final Path f = write("data.csv", compress(CSV, GZIPOutputStream::new));
    assertThat(DataFiles.readGrouped(f, "g", List.of("x"), CsvOptions.defaults()).get("a").column("x"))
        .containsExactly(1.5, 4);
  }

  @Test
  void read_bzip2_refusedSayingWhatItIsAndWhatIsAccepted() throws IOException {
    final Path f = write("data.csv.bz2", "BZh91AY&SY".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> DataFiles.read(f, List.of("x"), CsvOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(f + ": is bzip2-compressed, which parboot does not read; accepted: UTF-8 CSV text, plain or "
            + "compressed with gzip (.gz) or zstd (.zst), or Parquet (decompress it first, e.g. with bunzip2)");
  }

  @Test
  void read_gzipOfLatin1Text_reportsNotUtf8NotTheCompression() throws IOException {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write("x\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    final Path f = write("latin1.csv.gz", bytes.toByteArray());
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("x"), CsvOptions.defaults()))
        .hasMessageContaining(": not UTF-8 text").hasMessageContaining("iconv");
  }

  @Test
  void read_truncatedGzip_oneLineNamingTheFile() throws IOException {
    final byte[] whole = compress(CSV.repeat(200), GZIPOutputStream::new);
    final Path f = write("cut.csv.gz", java.util.Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("x"), CsvOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(f + ": cannot read the file")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void csvColumns_parquetFile_refusedPointingToTheParquetReader() throws IOException {
    final Path f = write("data.csv", new byte[] {'P', 'A', 'R', '1', 1, 2, 3});
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("x"), CsvOptions.defaults()))
        .hasMessageStartingWith(f + ": is a Parquet file, which is read from a file path");
  }

  @Test
  void textOf_gzipStream_decompressedText() throws IOException {
    try (Reader r = CsvColumns.textOf(new ByteArrayInputStream(compress(CSV, GZIPOutputStream::new)), "stdin")) {
      assertThat(CsvColumns.read(r, "stdin", List.of("x"), CsvOptions.defaults()).column("x")).containsExactly(1.5, 2.5, 4);
    }
  }
}
