package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;

class CsvColumnsTest {
  private static final CsvOptions DROP = CsvOptions.defaults();
  private static final CsvOptions ERROR = new CsvOptions(',', MissingPolicy.ERROR, List.of());

  @TempDir
  Path dir;

  private Path file(String content) throws IOException {
    return file(content.getBytes(StandardCharsets.UTF_8));
  }

  private Path file(byte[] content) throws IOException {
    final Path f = dir.resolve("data.csv");
    Files.write(f, content);
    return f;
  }

  /** Comma-separated, rows with missing cells dropped, and these {@code column=value} filters. */
  private static CsvOptions where(String... filters) {
    return new CsvOptions(',', MissingPolicy.DROP, Stream.of(filters).map(RowFilter::parse).toList());
  }

  private static Dataset text(String csv, List<String> columns, CsvOptions options) {
    return CsvColumns.read(new StringReader(csv), "text.csv", columns, options);
  }

  @Test
  void read_plainFile_readsRequestedColumnsInGivenOrder() throws IOException {
    final Dataset d = CsvColumns.read(file("a,b,c\n1,2,3\n4,5,6\n"), List.of("c", "a"), DROP);
    assertThat(d.columnNames()).containsExactly("c", "a");
    assertThat(d.column("c")).containsExactly(3, 6);
    assertThat(d.column("a")).containsExactly(1, 4);
    assertThat(d.rows()).isEqualTo(2);
    assertThat(d.droppedMissing()).isZero();
    assertThat(d.source()).isEqualTo(dir.resolve("data.csv").toString());
  }

  @Test
  void read_quotedFieldWithDoubledQuotes_parses() {
    final Dataset d = text("name,x\n\"a \"\"quoted\"\", name\",\"1.5\"\n\"multi\nline\",2\n", List.of("x"), DROP);
    assertThat(d.column("x")).containsExactly(1.5, 2);
  }

  @Test
  void read_bomCrlfAndSemicolonFixture_parses() throws URISyntaxException {
    final Path fixture = Path.of(getClass().getResource("bom-crlf-semicolon.csv").toURI());
    assertThat(Files.exists(fixture)).isTrue();
    final Dataset d = CsvColumns.read(fixture, List.of("temp_max", "wind"),
        new CsvOptions(';', MissingPolicy.DROP, List.of()));
    assertThat(d.column("temp_max")).containsExactly(12.8, 10.6, 11.7);
    assertThat(d.column("wind")).containsExactly(4.7, 4.5, 2.3);
  }

  @Test
  void read_bomInReader_isSkipped() {
    final Dataset d = text("\uFEFFx,y\r\n1,2\r\n3,4\r\n", List.of("x"), DROP);
    assertThat(d.column("x")).containsExactly(1, 3);
  }

  /** The bytes PowerShell's {@code Export-Csv} writes: a UTF-8 byte order mark, then every field quoted. */
  private static final String POWERSHELL = "\uFEFF\"x\",\"y\"\r\n\"1\",\"2\"\r\n\"3\",\"4\"\r\n";

  @Test
  void read_bomThenQuotedHeaderInFile_findsColumns() throws IOException {
    final Path f = file(POWERSHELL);
    assertThat(Files.readAllBytes(f)).startsWith(0xEF, 0xBB, 0xBF, '"', 'x', '"');
    final Dataset d = CsvColumns.read(f, List.of("x", "y"), DROP);
    assertThat(d.column("x")).containsExactly(1, 3);
    assertThat(d.column("y")).containsExactly(2, 4);
  }

  @Test
  void read_bomThenQuotedHeaderInReader_findsColumns() {
    assertThat(text(POWERSHELL, List.of("x"), DROP).column("x")).containsExactly(1, 3);
  }

  @Test
  void readGroupedAndWithLabels_bomThenQuotedGroupColumn_findColumn() throws IOException {
    final String csv = "\uFEFF\"g\",\"x\"\nb,1\na,2\n";
    assertThat(CsvColumns.readGrouped(file(csv), "g", List.of("x"), DROP).keySet()).containsExactly("b", "a");
    assertThat(CsvColumns.readWithLabels(new StringReader(csv), "text.csv", List.of("x"), List.of("g"), DROP)
        .column("g")).containsExactly(0, 1);
  }

  @Test
  void read_bomThenUnquotedHeaderInFile_findsColumns() throws IOException {
    assertThat(CsvColumns.read(file("\uFEFFx,y\n1,2\n"), List.of("x"), DROP).column("x")).containsExactly(1);
  }

  @Test
  void read_invalidUtf8FirstByte_hasDocumentedMessage() throws IOException {
    final Path f = file(new byte[] {(byte) 0xFF, 'x', '\n', '1', '\n'});
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("x"), DROP))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage(f + ": not UTF-8 text; accepted: UTF-8 (with or without a byte order mark); convert it, "
            + "e.g. iconv -f latin1 -t utf-8");
  }

  @Test
  void read_tabDelimiter_parses() {
    final Dataset d = text("x\ty\n1,5\t2\n", List.of("y"), new CsvOptions('\t', MissingPolicy.DROP, List.of()));
    assertThat(d.column("y")).containsExactly(2);
  }

  @Test
  void read_signsExponentsAndBlanks_parse() {
    final Dataset d = text("x\n 1.5 \n-3e-2\n+2E+3\n.5\n5.\n\t-0\t\n1e-320\n", List.of("x"), DROP);
    assertThat(d.column("x")).containsExactly(1.5, -0.03, 2000, 0.5, 5, -0.0, 1e-320);
  }

  @Test
  void read_headerNamesWithBlanks_areStripped() {
    assertThat(text(" x , y \n1,2\n", List.of("y"), DROP).column("y")).containsExactly(2);
  }

  @Test
  void read_otherColumns_areNotParsed() {
    final Dataset d = text("label,x,junk\nfoo,1,0x10\nbar,2,\n", List.of("x"), DROP);
    assertThat(d.column("x")).containsExactly(1, 2);
    assertThat(d.droppedMissing()).isZero();
  }

  @Test
  void read_blankLines_areSkipped() {
    assertThat(text("x\n1\n\n2\n\n", List.of("x"), DROP).column("x")).containsExactly(1, 2);
  }

  @Test
  void read_duplicateHeaderNotRequested_isFine() {
    assertThat(text("a,a,x\n1,2,3\n", List.of("x"), DROP).column("x")).containsExactly(3);
  }

  @Test
  void read_missingMarkersWithDrop_dropsAndCountsRows() {
    final Dataset d = text("x,y\n1,10\n,11\nNA,12\n NaN ,13\nnan,14\nnull,15\n2,\n3,16\n", List.of("x", "y"), DROP);
    assertThat(d.column("x")).containsExactly(1, 3);
    assertThat(d.column("y")).containsExactly(10, 16);
    assertThat(d.droppedMissing()).isEqualTo(6);
  }

  @Test
  void read_missingInUnrequestedColumn_keepsRow() {
    final Dataset d = text("x,y\n1,NA\n2,3\n", List.of("x"), DROP);
    assertThat(d.column("x")).containsExactly(1, 2);
    assertThat(d.droppedMissing()).isZero();
  }

  @Test
  void read_where_keepsOnlyRowsMatchingEveryFilter() {
    final String csv = "city,kind,x\nA,u,1\n A ,v,2\nB,u,3\nA,u,NA\nB,u,NA\n";
    final Dataset a = text(csv, List.of("x"), where("city=A"));
    assertThat(a.column("x")).containsExactly(1, 2);
    assertThat(a.droppedMissing()).isEqualTo(1); // B's missing row is filtered out first
    final Dataset au = text(csv, List.of("x"), where("city=A", "kind=u"));
    assertThat(au.column("x")).containsExactly(1);
  }

  @Test
  void read_whereWithErrorPolicy_ignoresMissingInFilteredOutRows() {
    final Dataset d = text("city,x\nA,1\nB,NA\n", List.of("x"),
        new CsvOptions(',', MissingPolicy.ERROR, List.of(new RowFilter("city", "A"))));
    assertThat(d.column("x")).containsExactly(1);
  }

  @Test
  void weather_seattleTempMax_has1461Rows() {
    // exactly the demo's call
    final Dataset d = BundledData.weather(List.of("temp_max"),
        new CsvOptions(',', MissingPolicy.DROP, List.of(new RowFilter("location", "Seattle"))));
    assertThat(d.rows()).isEqualTo(1461);
    assertThat(d.droppedMissing()).isZero();
    assertThat(d.source()).isEqualTo(BundledData.SOURCE);
    assertThat(d.column("temp_max")[0]).isEqualTo(12.8);
  }

  @Test
  void weather_allRowsTwoColumns_has2922Rows() {
    final Dataset d = BundledData.weather(List.of("temp_min", "temp_max"), CsvOptions.defaults());
    assertThat(d.rows()).isEqualTo(2922);
    assertThat(d.columnNames()).containsExactly("temp_min", "temp_max");
  }

  // ---- bad cells: the message names file, line, column and value ----

  static Stream<Arguments> badCells() {
    return Stream.of(
        Arguments.of("id,x\na,abc\n", 2, "abc", "is not a number"),
        Arguments.of("id,x\na,\"1,5\"\n", 2, "1,5", "is not a number"),
        Arguments.of("id,x\na,0x10\n", 2, "0x10", "is not a number"),
        Arguments.of("id,x\na,1d\n", 2, "1d", "is not a number"),
        Arguments.of("id,x\na,12f\n", 2, "12f", "is not a number"),
        Arguments.of("id,x\na,0x1p3\n", 2, "0x1p3", "is not a number"),
        Arguments.of("id,x\na,1e\n", 2, "1e", "is not a number"),
        Arguments.of("id,x\na,.\n", 2, ".", "is not a number"),
        Arguments.of("id,x\na,-\n", 2, "-", "is not a number"),
        Arguments.of("id,x\na,1.2.3\n", 2, "1.2.3", "is not a number"),
        Arguments.of("id,x\na,1 2\n", 2, "1 2", "is not a number"),
        Arguments.of("id,x\na,NA1\n", 2, "NA1", "is not a number"),
        Arguments.of("id,x\na,Infinity\n", 2, "Infinity", "non-finite value"),
        Arguments.of("id,x\na,-inf\n", 2, "-inf", "non-finite value"),
        Arguments.of("id,x\na,inf\n", 2, "inf", "non-finite value"),
        Arguments.of("id,x\na,1e999\n", 2, "1e999", "non-finite value"),
        Arguments.of("id,x\na,1\nb,2\r\nc,-1e999\n", 4, "-1e999", "non-finite value"),
        // a quoted line break: the bad record starts on physical line 4
        Arguments.of("id,x\n\"a\nb\",1\nc,abc\n", 4, "abc", "is not a number"));
  }

  @ParameterizedTest
  @MethodSource("badCells")
  void read_badCell_throwsNamingFileLineColumnValue(String csv, int line, String value, String reason) throws IOException {
    assertThatThrownBy(() -> CsvColumns.read(file(csv), List.of("x"), DROP))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("data.csv:" + line + ": ")
        .hasMessageContaining("column 'x'")
        .hasMessageContaining("'" + value + "'")
        .hasMessageContaining(reason)
        .hasMessageContaining("accepted: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void read_notANumber_hasDocumentedMessage() throws IOException {
    final Path f = file("temp_max\n1\nabc\n");
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("temp_max"), DROP)).hasMessage(f + ":3: column 'temp_max': "
        + "'abc' is not a number; accepted: a decimal number such as 12.5 or -3e-2, or a missing marker (empty, NA, NaN, nan, null)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "NA", " NaN ", "nan", "null"})
  void read_missingWithErrorPolicy_throwsNamingLineAndColumn(String marker) throws IOException {
    final Path f = file("id,x\na,1\nb," + marker + "\n");
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("x"), ERROR))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(f + ":3: column 'x': missing value '" + marker + "'")
        .hasMessageContaining("--missing drop");
  }

  @Test
  void read_cellWithLineBreak_isQuotedOnOneLine() {
    assertThatThrownBy(() -> text("x\n\"a\nb\"\n", List.of("x"), DROP))
        .hasMessageContaining("'a\\nb' is not a number")
        .hasMessageNotContaining("\n");
  }

  // ---- bad files: the message names the file (and the line where there is one) ----

  static Stream<Arguments> badFiles() {
    final byte[] latin1 = "x\n1\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    return Stream.of(
        Arguments.of("".getBytes(StandardCharsets.UTF_8), List.of("x"), "data.csv: the file is empty"),
        Arguments.of("\uFEFF\n".getBytes(StandardCharsets.UTF_8), List.of("x"), "data.csv: the file is empty"),
        Arguments.of(utf8("\uFEFF"), List.of("x"), "data.csv: the file is empty"),
        Arguments.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\n', (byte) 0xC3, '\n'}, List.of("x"),
            "data.csv: not UTF-8 text"),
        Arguments.of(utf8("\n\n"), List.of("x"), "data.csv: the file is empty"),
        Arguments.of(utf8("x,y\n"), List.of("x"), "data.csv: no data rows after the header on line 1"),
        Arguments.of(utf8("x,y\n1,2\n3\n"), List.of("x"), "data.csv:3: expected 2 fields, as in the header, found 1"),
        Arguments.of(utf8("x,y\n1,2,3\n"), List.of("x"), "data.csv:2: expected 2 fields, as in the header, found 3"),
        Arguments.of(utf8("x,y\n1,2\n"), List.of("z"), "data.csv: unknown column 'z'; available: x, y"),
        Arguments.of(utf8("x;y\n1;2\n"), List.of("x"), "the header has a single field"),
        Arguments.of(utf8("x,y,x\n1,2,3\n"), List.of("x"), "data.csv:1: column 'x' appears more than once in the header (fields 1 and 3)"),
        Arguments.of(utf8("x,y\n1,\"2\n"), List.of("x"), "data.csv:2: malformed CSV: Unclosed quoted field"),
        Arguments.of(utf8("x,y\n1,2\n\"3\"z,4\n"), List.of("x"), "data.csv:3: malformed CSV: Unexpected character after closing quote"),
        Arguments.of(latin1, List.of("x"), "data.csv: not UTF-8 text"),
        Arguments.of(utf8("x,y\n,1\nNA,2\n"), List.of("x"), "data.csv: every one of the 2 data rows has a missing value in x"));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void read_badFile_throwsNamingFile(byte[] content, List<String> columns, String expected) throws IOException {
    final Path f = file(content);
    assertThatThrownBy(() -> CsvColumns.read(f, columns, DROP))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining(expected)
        .hasMessageNotContaining("\n");
  }

  @Test
  void read_unknownWhereColumn_listsColumns() throws IOException {
    final Path f = file("x,y\n1,2\n");
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("x"),
        where("city=A")))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage(f + ": unknown --where column 'city'; available: x, y");
  }

  @Test
  void read_whereMatchesNothing_namesFilterAndValuesSeen() throws IOException {
    final Path f = file("city,x\nSeattle,1\nNew York,2\n");
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("x"),
        where("city=Seatle")))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage(f + ": no rows match --where city=Seatle (2 data rows; values of 'city' include 'Seattle', 'New York')");
  }

  @Test
  void read_columnRequestedTwice_throws() {
    assertThatThrownBy(() -> text("x\n1\n", List.of("x", "x"), DROP))
        .isExactlyInstanceOf(InvalidInputException.class).hasMessageContaining("'x' is requested twice");
  }

  @Test
  void read_missingFile_namesPath() {
    final Path f = dir.resolve("nope.csv");
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("x"), DROP))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage(f + ": cannot open the file (no such file or directory)");
  }

  @Test
  void read_directory_namesPath() {
    assertThatThrownBy(() -> CsvColumns.read(dir, List.of("x"), DROP))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage(dir + ": is a directory; accepted: a CSV file");
  }

  @Test
  void read_unreadableFile_namesPath() throws IOException {
    final Path f = file("x\n1\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f), "running as root: every file is readable");
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("x"), DROP))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage(f + ": cannot open the file (permission denied)");
  }
}
