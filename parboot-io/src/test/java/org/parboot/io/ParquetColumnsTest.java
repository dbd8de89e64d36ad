package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;

/**
 * Parquet input, on files written by an independent writer (hyparquet-writer, see
 * parquet/make-fixtures.mjs beside the files): every number type, nulls, strings for groups,
 * filters and labels, several row groups and codecs, and column projection.
 */
class ParquetColumnsTest {
  private static final CsvOptions DROP = CsvOptions.defaults();
  private static final CsvOptions ERROR = new CsvOptions(',', MissingPolicy.ERROR, List.of());

  @TempDir
  Path dir;

  static Path fixture(String name) {
    try {
      return Path.of(ParquetColumnsTest.class.getResource("parquet/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void read_everyNumberTypeSnappy_theValuesWritten() {
    final Dataset d = ParquetColumns.read(fixture("types.parquet"),
        List.of("i32", "i64", "f32", "f64", "dec32", "dec64", "decfixed"), DROP);
    assertThat(d.column("i32")).containsExactly(1, -2, 3, 4, 5, 6);
    assertThat(d.column("i64")).containsExactly(10, 20, -30, 40, 9007199254740992.0, 60);
    assertThat(d.column("f32")).containsExactly(0.5, 1.25, -2.75, 3.5, 4.0, 5.5);
    assertThat(d.column("f64")).containsExactly(1.1, 2.2, 3.3, 4.4, 5.5, 6.6);
    assertThat(d.column("dec32")).containsExactly(12.34, -0.05, 100.0, 7.5, 0, 99999.99);
    assertThat(d.column("dec64")).containsExactly(1.001, 2.002, -3.003, 4.004, 5.005, 6.006);
    assertThat(d.column("decfixed")).containsExactly(1.0001, 2.0002, 3.0003, 4.0004, 5.0005, -6.0006);
    assertThat(d.droppedMissing()).isZero();
  }

  @Test
  void read_nullsUnderMissingDrop_dropsAndCountsTheRows() {
    final Dataset d = ParquetColumns.read(fixture("nulls.parquet"), List.of("x"), DROP);
    assertThat(d.column("x")).containsExactly(1.5, 3.5, 4.5, 6.5);
    assertThat(d.droppedMissing()).isEqualTo(2);
  }

  @Test
  void read_nullUnderMissingError_namesFileRowAndColumn() {
    final Path f = fixture("nulls.parquet");
    assertThatThrownBy(() -> ParquetColumns.read(f, List.of("x"), ERROR))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(f + ": row 2: column 'x': missing value null (--missing error); accepted: a number that is not null "
            + "or NaN, or --missing drop to drop rows with missing values");
  }

  @Test
  void readGrouped_stringColumn_groupsStrippedInOrderOfFirstAppearance() {
    final Map<String, Dataset> groups = ParquetColumns.readGrouped(fixture("types.parquet"), "city", List.of("i32"), DROP);
    assertThat(groups.keySet()).containsExactly("Seattle", "New York");
    assertThat(groups.get("Seattle").column("i32")).containsExactly(1, 3, 5);
    assertThat(groups.get("New York").column("i32")).containsExactly(-2, 4, 6);
  }

  @Test
  void read_whereOnStringColumn_keepsOnlyMatchingRows() {
    final CsvOptions seattle = new CsvOptions(',', MissingPolicy.DROP, List.of(RowFilter.parse("city=Seattle")));
    assertThat(ParquetColumns.read(fixture("types.parquet"), List.of("f64"), seattle).column("f64"))
        .containsExactly(1.1, 3.3, 5.5);
  }

  @Test
  void readWithLabels_nullStringCell_isTheEmptyLabel() {
    final Dataset d = ParquetColumns.readWithLabels(fixture("nulls.parquet"), List.of("x"), List.of("city"), DROP);
    // rows kept: 1.5 Seattle, 3.5 null, 4.5 New York, 6.5 New York
    assertThat(d.column("x")).containsExactly(1.5, 3.5, 4.5, 6.5);
    assertThat(d.column("city")).containsExactly(0, 1, 2, 2);
  }

  @Test
  void read_booleanColumnAsNumber_refusedNamingFileColumnTypeAndAccepted() {
    final Path f = fixture("types.parquet");
    assertThatThrownBy(() -> ParquetColumns.read(f, List.of("flag"), DROP))
        .hasMessage(f + ": column 'flag' is BOOLEAN; accepted for statistics: a number column (INT32, INT64, FLOAT, "
            + "DOUBLE or DECIMAL)");
  }

  @Test
  void read_stringColumnAsNumber_refusedNamingItsLogicalType() {
    final Path f = fixture("types.parquet");
    assertThatThrownBy(() -> ParquetColumns.read(f, List.of("city"), DROP))
        .hasMessageStartingWith(f + ": column 'city' is BYTE_ARRAY (")
        .hasMessageEndingWith("; accepted for statistics: a number column (INT32, INT64, FLOAT, DOUBLE or DECIMAL)");
  }

  @Test
  void readGrouped_numberColumnAsGroup_refusedAcceptingAStringColumn() {
    final Path f = fixture("types.parquet");
    assertThatThrownBy(() -> ParquetColumns.readGrouped(f, "i64", List.of("f64"), DROP))
        .hasMessage(f + ": group column 'i64' is INT64; accepted: a string column (BYTE_ARRAY, UTF-8)");
  }

  @Test
  void read_unknownColumn_listsTheFileColumnsWithoutADelimiterHint() {
    final Path f = fixture("nulls.parquet");
    assertThatThrownBy(() -> ParquetColumns.read(f, List.of("y"), DROP))
        .hasMessage(f + ": unknown column 'y'; available: x, city");
  }

  @Test
  void read_gzipFileOfThreeRowGroupsAndASnappyFile_everyRowInOrder() {
    final double[] first = ParquetColumns.read(fixture("part-1.parquet"), List.of("x"), DROP).column("x");
    final double[] second = ParquetColumns.read(fixture("part-2.parquet"), List.of("x"), DROP).column("x");
    assertThat(first).hasSize(2500);
    assertThat(second).hasSize(2500);
    for (int i = 0; i < 2500; i++) {
      assertThat(first[i]).isEqualTo(i * 0.5);
      assertThat(second[i]).isEqualTo((2500 + i) * 0.5);
    }
  }

  @Test
  void read_oneColumnBesideAnUnreadableOne_readsOnlyTheColumnAsked() {
    final Path f = fixture("projection.parquet");
    assertThat(ParquetColumns.read(f, List.of("x"), DROP).column("x")).containsExactly(1, 2, 3, 4);
    // the other column cannot be read at all, so the first read never touched it
    assertThatThrownBy(() -> ParquetColumns.read(f, List.of("unreadable"), DROP))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(f + ": cannot read the Parquet file (");
  }

  @Test
  void read_notAParquetFile_oneLineNamingTheFile() throws Exception {
    final Path f = dir.resolve("broken.parquet");
    Files.write(f, new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 0, 'P', 'A', 'R', '1'});
    assertThatThrownBy(() -> ParquetColumns.read(f, List.of("x"), DROP))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(f + ": cannot read the Parquet file (")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void decimal_unscaledAndScale_correctlyRoundedDouble() {
    assertThat(ParquetColumns.decimal(1234, 2)).isEqualTo(12.34);
    assertThat(ParquetColumns.decimal(-5, 2)).isEqualTo(-0.05);
    assertThat(ParquetColumns.decimal(Long.MAX_VALUE, 30)).isEqualTo(9.223372036854775807e-12);
    assertThat(ParquetColumns.decimal(123456789012345678L, 3)).isEqualTo(123456789012345.678);
  }

  @Test
  void dataFiles_parquetWithoutExtension_toldByItsFirstBytes() throws Exception {
    final Path copy = dir.resolve("no-extension");
    Files.copy(fixture("nulls.parquet"), copy);
    assertThat(DataFiles.isParquet(copy)).isTrue();
    assertThat(DataFiles.read(copy, List.of("x"), DROP).column("x")).containsExactly(1.5, 3.5, 4.5, 6.5);
  }
}
