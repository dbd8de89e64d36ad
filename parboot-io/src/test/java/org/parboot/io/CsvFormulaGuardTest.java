package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
import org.parboot.batch.BatchResult;
import org.parboot.batch.GroupJob;
import org.parboot.batch.GroupedBootstrap;
import org.parboot.data.Dataset;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;

/**
 * CSV output opened in a spreadsheet: text cells that would run as formulas get a leading
 * {@code '} ({@link CsvFormulaGuard#ON}, the default), numbers never change, and
 * {@link CsvFormulaGuard#OFF} writes the cells as they are.
 */
class CsvFormulaGuardTest {
  private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"click\")";
  private static final BootstrapOptions OPTIONS = BootstrapOptions.builder().seed(5).resamples(40).threads(1).build();

  @TempDir
  Path dir;

  static Stream<Arguments> cells() {
    return Stream.of(
        Arguments.of("=1+1", "'=1+1"),
        Arguments.of(HYPERLINK, "'" + HYPERLINK),
        Arguments.of("+1+2", "'+1+2"),
        Arguments.of("-x", "'-x"),
        Arguments.of("@SUM(A1)", "'@SUM(A1)"),
        Arguments.of("\tcmd", "'\tcmd"),
        Arguments.of("\rcmd", "'\rcmd"),
        Arguments.of("-", "'-"),
        Arguments.of("-inf", "'-inf"),
        Arguments.of("-1.5", "-1.5"),
        Arguments.of("-3e-2", "-3e-2"),
        Arguments.of("+2", "+2"),
        Arguments.of("-5", "-5"),
        Arguments.of("-.5", "-.5"),
        Arguments.of("a=1", "a=1"),
        Arguments.of(" =1", " =1"),
        Arguments.of("", ""));
  }

  @ParameterizedTest
  @MethodSource("cells")
  void cell_guardOn_quotesFormulaStartsButNotNumbers(String text, String written) {
    assertThat(CsvFormulaGuard.ON.cell(text)).isEqualTo(written);
  }

  @ParameterizedTest
  @MethodSource("cells")
  void cell_guardOff_writesAsIs(String text, String ignored) {
    assertThat(CsvFormulaGuard.OFF.cell(text)).isSameAs(text);
  }

  @Test
  void parse_spellings_caseInsensitive() {
    assertThat(CsvFormulaGuard.parse(" OFF ")).isEqualTo(CsvFormulaGuard.OFF);
    assertThat(CsvFormulaGuard.parse("on")).isEqualTo(CsvFormulaGuard.ON);
    assertThat(CsvFormulaGuard.ON.spelling()).isEqualTo("on");
    assertThatThrownBy(() -> CsvFormulaGuard.parse("yes")).isInstanceOf(InvalidInputException.class)
        .hasMessage("unknown --csv-formula-guard 'yes'; accepted: on, off");
  }

  /** Groups named like formulas (and one named -5, a number), over a column named -x with negative values. */
  private static BatchResult batch() {
    final String csv = "g,-x\n"
        + "\"" + HYPERLINK.replace("\"", "\"\"") + "\",-1.5\n+1+2,-2\n@SUM(A1),-3\n-5,-4\n"
        + "\"" + HYPERLINK.replace("\"", "\"\"") + "\",-2.5\n+1+2,-3\n@SUM(A1),-4\n-5,-5\n";
    final Map<String, Dataset> groups = CsvColumns.readGrouped(new StringReader(csv), "in.csv", "g", List.of("-x"),
        CsvOptions.defaults());
    assertThat(groups.keySet()).containsExactly(HYPERLINK, "+1+2", "@SUM(A1)", "-5");
    final List<GroupJob> jobs = groups.entrySet().stream().map(e -> new GroupJob("in.csv", e.getKey(), e.getValue()))
        .toList();
    return GroupedBootstrap.run(jobs, List.of(MomentStatistic.mean("-x")), OPTIONS);
  }

  private static List<CsvRecord> parse(String csv) {
    return CsvReader.builder().ofCsvRecord(csv).stream().toList();
  }

  @Test
  void formatBatchCsv_default_formulaLikeGroupsAndColumnQuoted_numbersUnchanged() {
    final BatchResult batch = batch();
    final List<CsvRecord> rows = parse(ResultFormatter.format(batch, OutputFormat.CSV));
    assertThat(rows.stream().skip(1).map(r -> r.getField(1)).distinct())
        .containsExactly("'" + HYPERLINK, "'+1+2", "'@SUM(A1)", "-5");
    assertThat(rows.stream().skip(1).map(r -> r.getField(5))).containsOnly("'-x");
    final double observed = batch.groups().get(0).result().statistics().get(0).observed();
    assertThat(observed).isEqualTo(-2.0);
    assertThat(rows.get(1).getField(6)).isEqualTo("-2.0");
    assertThat(rows.stream().skip(1).flatMap(r -> Stream.of(r.getField(6), r.getField(7), r.getField(11))))
        .allMatch(cell -> !cell.startsWith("'"));
  }

  @Test
  void formatBatchCsv_guardOff_cellsAsTheyAre() {
    final List<CsvRecord> rows = parse(ResultFormatter.format(batch(), OutputFormat.CSV, CsvFormulaGuard.OFF));
    assertThat(rows.stream().skip(1).map(r -> r.getField(1)).distinct())
        .containsExactly(HYPERLINK, "+1+2", "@SUM(A1)", "-5");
    assertThat(rows.stream().skip(1).map(r -> r.getField(5))).containsOnly("-x");
  }

  @Test
  void formatCsv_default_columnNamedLikeFormulaQuoted_negativeNumbersUnchanged() {
    final BootstrapResult r = Bootstrap.run(Dataset.of("-x", -1.5, -2.5, -3.5, -0.5), List.of(MomentStatistic.mean("-x")),
        OPTIONS);
    final CsvRecord row = parse(ResultFormatter.format(r, OutputFormat.CSV)).get(1);
    assertThat(row.getFields().subList(2, 5)).containsExactly("mean", "'-x", "-2.0"); // after n and seed
    assertThat(parse(ResultFormatter.format(r, OutputFormat.CSV, CsvFormulaGuard.OFF)).get(1).getField(3))
        .isEqualTo("-x");
  }

  @Test
  void write_replicatesWithFormulaLikeLabel_headerQuotedValuesUnchanged() throws IOException {
    final Dataset data = Dataset.of("x", -1.5, -2.5, -3.5, -0.5);
    final BootstrapResult r = Bootstrap.run(data, List.of(Statistic.custom("@SUM", "x",
        v -> Arrays.stream(v).sum()), MomentStatistic.mean("x")), OPTIONS);
    final Path on = dir.resolve("on.csv");
    final Path off = dir.resolve("off.csv");
    ReplicatesCsv.write(on, r);
    ReplicatesCsv.write(off, r, CsvFormulaGuard.OFF);
    final List<CsvRecord> guarded;
    final List<CsvRecord> raw;
    final var skip = de.siegmar.fastcsv.reader.CommentStrategy.SKIP; // the fingerprint line
    try (CsvReader<CsvRecord> a = CsvReader.builder().commentStrategy(skip).ofCsvRecord(on);
        CsvReader<CsvRecord> b = CsvReader.builder().commentStrategy(skip).ofCsvRecord(off)) {
      guarded = a.stream().toList();
      raw = b.stream().toList();
    }
    assertThat(guarded.get(0).getFields()).containsExactly("'@SUM(x)", "mean(x)");
    assertThat(raw.get(0).getFields()).containsExactly("@SUM(x)", "mean(x)");
    assertThat(guarded.subList(1, guarded.size())).extracting(CsvRecord::getFields)
        .isEqualTo(raw.subList(1, raw.size()).stream().map(CsvRecord::getFields).toList());
    assertThat(guarded.get(1).getField(0)).startsWith("-");
    assertThat(Double.parseDouble(guarded.get(1).getField(0))).isEqualTo(r.statistics().get(0).replicates()[0]);
  }
}
