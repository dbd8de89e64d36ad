package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * parboot run on Parquet files and compressed CSV, chosen by their first bytes: the Parquet
 * fixtures of parboot-io (written by an independent writer, see their make-fixtures.mjs).
 */
class DataFormatsTest {
  private static final Path PARQUET = Path.of("..", "parboot-io", "src", "test", "resources", "org", "parboot", "io", "parquet")
      .toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void run_parquetFileMedian_oneTableOnStdout() {
    final CliRun r = CliRun.of("run", PARQUET.resolve("types.parquet").toString(), "--column", "f64", "--stat", "median",
        "--seed", "1", "-B", "200", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).containsPattern("(?m)^median\\(f64\\) +3\\.85 ");
  }

  @Test
  void run_parquetGlobGroupedByAStringColumn_oneRowPerFileAndGroup() {
    final CliRun r = CliRun.of("run", PARQUET.resolve("part-*.parquet").toString(), "--column", "x", "--group-by", "site",
        "--seed", "1", "-B", "100", "-q", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(1).map(l -> l.split(",")[0] + "/" + l.split(",")[1] + "/" + l.split(",")[2]))
        .containsExactly("part-1.parquet/a/834", "part-1.parquet/b/1666", "part-2.parquet/b/1667", "part-2.parquet/a/833");
  }

  @Test
  void run_parquetCompareOnAStringColumn_differenceOfTheTwoCities() {
    final CliRun r = CliRun.of("run", PARQUET.resolve("types.parquet").toString(), "--column", "i32",
        "--compare", "city=Seattle,New York", "--seed", "1", "-B", "100", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    // Seattle 1, 3, 5 (mean 3); New York -2, 4, 6 (mean 8/3)
    assertThat(r.out()).containsPattern("mean\\(i32\\): Seattle - New York +0\\.333333 ");
  }

  @Test
  void run_parquetNullUnderMissingError_exitsTwoWithOneLineNamingFileRowAndColumn() {
    final Path f = PARQUET.resolve("nulls.parquet");
    final CliRun r = CliRun.of("run", f.toString(), "--column", "x", "--missing", "error", "-q");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("parboot: " + f + ": row 2: column 'x': missing value null (--missing error); accepted: "
        + "a number that is not null or NaN, or --missing drop to drop rows with missing values\n");
  }

  private static byte[] gzip(String text) throws IOException {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void run_gzipFileAndGzipOnStandardInput_readAsTheirCsv() throws IOException {
    final byte[] data = gzip("x\n1\n2\n3\n4\n");
    final Path f = dir.resolve("x.csv.gz");
    Files.write(f, data);
    final CliRun file = CliRun.of("run", f.toString(), "-c", "x", "--seed", "1", "-B", "100", "-q", "--format", "csv");
    assertThat(file.code()).as(file.err()).isZero();
    assertThat(file.out()).contains("\n4,1,mean,x,2.5,");

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int code = Main.execute(new String[] {"run", "-c", "x", "--seed", "1", "-B", "100", "-q", "--format", "csv"},
        Stdin.of(new ByteArrayInputStream(data)), new PrintWriter(out, true), new PrintWriter(err, true), false);
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo(file.out());
  }
}
