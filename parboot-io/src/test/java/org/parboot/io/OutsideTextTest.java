package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
import org.parboot.StatisticResult;
import org.parboot.TwoSampleBootstrap;
import org.parboot.TwoSampleResult;
import org.parboot.batch.BatchResult;
import org.parboot.batch.GroupJob;
import org.parboot.batch.GroupedBootstrap;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.stat.MomentStatistic;

/**
 * Text from outside (header names, cells, file names, option values) in messages and tables:
 * bounded in length, lists cut after 20 entries, and control characters never written raw, so an
 * ESC or OSC sequence in the data cannot reach the terminal.
 */
class OutsideTextTest {
  /** An OSC sequence that would set the terminal's title, and a CSI sequence that would turn text red. */
  private static final String OSC = "\u001b]0;owned\u0007";
  private static final String CSI = "\u001b[31m";

  @TempDir
  Path dir;

  private static InvalidInputException refusal(Runnable read) {
    return catchThrowableOfType(InvalidInputException.class, read::run);
  }

  private static void assertNoControlCharacters(String text) {
    assertThat(text.chars().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))).toArray())
        .as("raw control characters in %s", text.replace('\u001b', '^'))
        .isEmpty();
  }

  @Test
  void read_unknownColumnAmong100000_listsTwentyAndCountsTheRest() {
    final String header = IntStream.range(0, 100_000).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
    final InvalidInputException e = refusal(() -> CsvColumns.read(new StringReader(header + "\n"), "wide.csv",
        List.of("nope"), CsvOptions.defaults()));
    assertThat(e.getMessage()).hasSizeLessThan(2_000)
        .startsWith("wide.csv: unknown column 'nope'; available: c0, c1, c2, ")
        .endsWith(", c19, ... and 99,980 more");
  }

  @Test
  void read_megabyteHeaderNameAndColumnName_shortened() {
    final String huge = "y".repeat(1_000_000);
    final InvalidInputException e = refusal(() -> CsvColumns.read(new StringReader("x," + huge + "\n1,2\n"), "t.csv",
        List.of("z" + huge), CsvOptions.defaults()));
    assertThat(e.getMessage()).hasSizeLessThan(300)
        .isEqualTo("t.csv: unknown column 'z" + "y".repeat(59) + "...'; available: x, " + "y".repeat(60) + "...");
  }

  @Test
  void read_controlSequencesInHeaderName_escapedInMessage() {
    final InvalidInputException e = refusal(() -> CsvColumns.read(new StringReader(OSC + "a," + CSI + "b\n1,2\n"),
        "t.csv", List.of("c" + OSC), CsvOptions.defaults()));
    assertNoControlCharacters(e.getMessage());
    assertThat(e.getMessage()).isEqualTo(
        "t.csv: unknown column 'c\\u001b]0;owned\\u0007'; available: \\u001b]0;owned\\u0007a, \\u001b[31mb");
  }

  @Test
  void read_controlSequencesInWhereValueAndCells_escapedInMessage() {
    final String csv = "city,x\n" + OSC + "Paris,1\n" + CSI + "Rome,2\n";
    final InvalidInputException e = refusal(() -> CsvColumns.read(new StringReader(csv), "t.csv", List.of("x"),
        new CsvOptions(',', MissingPolicy.DROP, List.of(new RowFilter("city", CSI + "Oslo")))));
    assertNoControlCharacters(e.getMessage());
    assertThat(e.getMessage()).isEqualTo("t.csv: no rows match --where city=\\u001b[31mOslo (2 data rows; values of "
        + "'city' include '\\u001b]0;owned\\u0007Paris', '\\u001b[31mRome')");
  }

  @Test
  void read_manyDistinctValuesWhereNothingMatches_listsTwentyThenEllipsis() {
    final String csv = "city,x\n" + IntStream.range(0, 1_000).mapToObj(i -> "v" + i + ",1\n").collect(Collectors.joining());
    final InvalidInputException e = refusal(() -> CsvColumns.read(new StringReader(csv), "t.csv", List.of("x"),
        new CsvOptions(',', MissingPolicy.DROP, List.of(new RowFilter("city", "none")))));
    assertThat(e.getMessage()).endsWith("values of 'city' include 'v0', 'v1', " + IntStream.range(2, 20)
        .mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(", ")) + ", ...)");
  }

  @Test
  void read_controlSequenceInFileNameAndCell_escapedInMessage() throws IOException {
    final Path f = dir.resolve("data" + OSC + ".csv");
    Files.writeString(f, "x\n" + CSI + "1\n");
    final InvalidInputException e = refusal(() -> CsvColumns.read(f, List.of("x"), CsvOptions.defaults()));
    assertNoControlCharacters(e.getMessage());
    assertThat(e.getMessage()).startsWith(dir + "/data\\u001b]0;owned\\u0007.csv:2: column 'x': '\\u001b[31m1' is not a number");
    final Path missing = dir.resolve("gone" + CSI + ".csv");
    assertThat(refusal(() -> CsvColumns.read(missing, List.of("x"), CsvOptions.defaults())))
        .hasMessage(dir + "/gone\\u001b[31m.csv: cannot open the file (no such file or directory)");
  }

  @Test
  void readGrouped_unknownGroupColumnAndOptionSpellings_escaped() {
    assertThat(refusal(() -> CsvColumns.readGrouped(new StringReader("g,x\na,1\n"), "t.csv", OSC, List.of("x"),
        CsvOptions.defaults()))).hasMessage("t.csv: unknown group column '\\u001b]0;owned\\u0007'; available: g, x");
    assertThat(refusal(() -> OutputFormat.parse(CSI + "csv")))
        .hasMessage("unknown --format '\\u001b[31mcsv'; accepted: table, json, csv");
    assertThat(refusal(() -> RowFilter.parse(OSC))).hasMessageStartingWith("--where '\\u001b]0;owned\\u0007' has no '='");
  }

  // ---- tables: every text cell and the header line escaped, nothing shortened ----

  /** A batch over a file with an OSC sequence in its name, a group value and a column name. */
  private static BatchResult hostileBatch() {
    final String column = "t" + CSI + "x";
    final Map<String, Dataset> groups = CsvColumns.readGrouped(new StringReader(
        "g,\"" + column + "\"\n" + OSC + "a,1\n" + OSC + "a,2\n" + OSC + "a,4\nb,3\nb,5\nb,8\n"),
        "in" + OSC + ".csv", "g", List.of(column), CsvOptions.defaults());
    assertThat(groups.keySet()).containsExactly(OSC + "a", "b");
    final List<GroupJob> jobs = groups.entrySet().stream()
        .map(g -> new GroupJob("in" + OSC + ".csv", g.getKey(), g.getValue())).toList();
    return GroupedBootstrap.run(jobs, List.of(MomentStatistic.mean(column)),
        BootstrapOptions.builder().seed(3).resamples(50).threads(1).build());
  }

  @Test
  void formatBatchTable_controlSequencesInFileGroupAndLabel_escapedNotShortened() {
    final String table = ResultFormatter.format(hostileBatch(), OutputFormat.TABLE);
    assertNoControlCharacters(table);
    assertThat(table).contains("in\\u001b]0;owned\\u0007.csv  \\u001b]0;owned\\u0007a")
        .contains("mean(t\\u001b[31mx)");
  }

  @Test
  void formatBatchJson_controlSequences_escapedByJsonAndReadBackExactly() {
    final String json = ResultFormatter.format(hostileBatch(), OutputFormat.JSON);
    assertNoControlCharacters(json);
    final JsonObject first = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("groups").get(0)
        .getAsJsonObject();
    assertThat(first.get("file").getAsString()).isEqualTo("in" + OSC + ".csv");
    assertThat(first.get("group").getAsString()).isEqualTo(OSC + "a");
    assertThat(first.getAsJsonArray("statistics").get(0).getAsJsonObject().get("label").getAsString())
        .isEqualTo("mean(t" + CSI + "x)");
  }

  @Test
  void formatTable_controlSequencesInLabelSchemeAndWarning_escapedNotShortened() {
    final String long60 = "z".repeat(100);
    final StatisticResult s = new StatisticResult(MomentStatistic.mean(OSC + long60), 1.5, 0, 0.25,
        List.of(new Interval(IntervalMethod.PERCENTILE, 0.95, 1, 2)), 0, new double[] {1, 2});
    final BootstrapResult r = new BootstrapResult("memory", 2, 0,
        BootstrapOptions.builder().seed(1).resamples(2).threads(1).intervals(IntervalMethod.PERCENTILE).build(),
        "stratified(" + CSI + "g)", "splitmix64", "rows8", "test kernel", BootstrapResult.LOCAL, Duration.ofMillis(10), List.of(s), List.of("warned " + OSC));
    final String table = ResultFormatter.format(r, OutputFormat.TABLE);
    assertNoControlCharacters(table);
    assertThat(table).contains("scheme = stratified(\\u001b[31mg)")
        .contains("mean(\\u001b]0;owned\\u0007" + long60 + ")")
        .contains("warning: warned \\u001b]0;owned\\u0007");
  }

  @Test
  void formatComparisonTable_controlSequencesInGroups_escaped() {
    final Dataset a = Dataset.of("x", 1, 2, 3, 4);
    final Dataset b = Dataset.of("x", 2, 3, 5, 8);
    final TwoSampleResult c = TwoSampleBootstrap.run(new GroupJob("f.csv", OSC + "a", a), new GroupJob("f.csv", CSI + "b", b),
        List.of(MomentStatistic.mean("x")), BootstrapOptions.builder().seed(1).resamples(20).threads(1).build());
    final String table = ResultFormatter.format(c, OutputFormat.TABLE);
    assertNoControlCharacters(table);
    assertThat(table).startsWith("comparison: statistic(\\u001b]0;owned\\u0007a, n = 4")
        .contains("mean(x): \\u001b]0;owned\\u0007a - \\u001b[31mb");
  }

  @Test
  void read_duplicateHeaderNameWithControlSequence_escaped() {
    assertThatThrownBy(() -> CsvColumns.read(new StringReader(OSC + "," + OSC + "\n1,2\n"), "t.csv", List.of(OSC),
        CsvOptions.defaults())).hasMessageStartingWith("t.csv:1: column '\\u001b]0;owned\\u0007' appears more than once");
  }
}
