package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parboot run} with --group-by, several files or globs, and --compare. */
class GroupsCommandTest {

  @TempDir
  Path dir;

  private static List<String[]> csvRows(String out) {
    return out.lines().skip(1).map(l -> l.split(",", -1)).toList();
  }

  @Test
  void groupBy_oneRowPerGroupAndStatistic_eachRepeatableAloneWithItsSeed() {
    final CliRun grouped = CliRun.of("run", "--group-by", "location", "--seed", "42", "-B", "300", "--stat", "mean",
        "--stat", "median", "--ci", "percentile", "--format", "csv", "-q");
    assertThat(grouped.code()).as(grouped.err()).isZero();
    assertThat(grouped.out().lines().findFirst().orElseThrow())
        .isEqualTo("file,group,n,seed,stat,columns,observed,bias,std_error,method,level,low,high,low_mc,high_mc,std_error_mc,p_value");
    final List<String[]> rows = csvRows(grouped.out());
    assertThat(rows).extracting(r -> r[1] + " " + r[4]).containsExactly("Seattle mean", "Seattle median",
        "New York mean", "New York median");
    final long seattle = org.parboot.rng.Seeds.group(42, "weather.csv", "Seattle");
    assertThat(rows.get(0)[3]).isEqualTo(Long.toString(seattle));

    final CliRun alone = CliRun.of("run", "--where", "location=Seattle", "--seed", Long.toString(seattle), "-B", "300",
        "--stat", "mean", "--stat", "median", "--ci", "percentile", "--format", "csv", "-q");
    final List<String[]> single = csvRows(alone.out());
    for (int s = 0; s < 2; s++) {
      // n, seed and every number: the single run's CSV row is the batch row without file and group
      assertThat(Arrays.copyOfRange(rows.get(s), 2, 17)).isEqualTo(single.get(s));
    }
  }

  @Test
  void groupBy_sameResultOnEveryExecutorAndThreadCount() {
    final String[] common = {"run", "--group-by", "location", "--seed", "3", "-B", "200", "--ci", "all",
        "--inner-resamples", "5", "--stat", "median", "--format", "csv", "-q"};
    final String serial = CliRun.of(concat(common, "-e", "serial")).out();
    assertThat(CliRun.of(concat(common, "-e", "virtual", "-t", "3")).out()).isEqualTo(serial);
    assertThat(CliRun.of(concat(common, "-e", "queue", "-t", "1")).out()).isEqualTo(serial);
  }

  private static String[] concat(String[] a, String... b) {
    final String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private void files() throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/a.csv"), "g,x\nu,1\nu,2\nv,3\nu,4\nv,8\nv,5\n");
    Files.writeString(dir.resolve("data/b.csv"), "g,x\nv,10\nv,12\nv,11\nw,2\nw,3\n");
  }

  @Test
  void severalFilesAndGlob_oneTable_rowsNamingFileAndGroup() throws IOException {
    files();
    final String a = dir.resolve("data/a.csv").toString();
    final String b = dir.resolve("data/b.csv").toString();
    final CliRun listed = CliRun.of("run", a, b, "--column", "x", "--group-by", "g", "--seed", "1", "-B", "100",
        "--ci", "bca", "--format", "csv", "-q");
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(csvRows(listed.out())).extracting(r -> r[0] + ":" + r[1]).containsExactly("a.csv:u", "a.csv:v",
        "b.csv:v", "b.csv:w");
    final CliRun globbed = CliRun.of("run", dir.resolve("data") + "/*.csv", "--column", "x", "--group-by", "g", "--seed",
        "1", "-B", "100", "--ci", "bca", "--format", "csv", "-q");
    assertThat(globbed.out()).isEqualTo(listed.out());

    final CliRun json = CliRun.of("run", a, b, "--column", "x", "--seed", "1", "-B", "100", "--format", "json", "-q");
    final JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
    assertThat(root.getAsJsonArray("groups")).hasSize(2);
    assertThat(root.getAsJsonArray("groups").get(1).getAsJsonObject().get("file").getAsString()).isEqualTo("b.csv");
    assertThat(root.get("seed").getAsLong()).isEqualTo(1);

    final CliRun table = CliRun.of("run", a, b, "--column", "x", "--seed", "1", "-B", "100", "-q");
    assertThat(table.out()).startsWith("files = 2 · groups = 2 · resamples = 100 · seed = 1");
    assertThat(table.out()).contains("a.csv", "b.csv").doesNotContain(" group ");
  }

  @Test
  void badFileAmongSeveral_exitsTwoNamingIt() throws IOException {
    files();
    final CliRun r = CliRun.of("run", dir.resolve("data/a.csv").toString(), dir.resolve("data/nope.csv").toString(),
        "--column", "x", "-q");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).contains("nope.csv").doesNotContain("\n");
    final CliRun glob = CliRun.of("run", dir.resolve("data") + "/*.tsv", "--column", "x", "-q");
    assertThat(glob.code()).isEqualTo(2);
    assertThat(glob.err()).contains("*.tsv' matches no file");
  }

  @Test
  void compare_tableAndJsonNameTheDifference() {
    final CliRun r = CliRun.of("run", "--compare", "location=Seattle,New York", "--seed", "1", "-B", "500",
        "--ci", "percentile,bca", "--format", "json", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    final JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(root.getAsJsonObject("comparison").get("second").getAsString()).isEqualTo("New York");
    assertThat(root.getAsJsonArray("groups")).hasSize(1);
    final JsonObject stat = root.getAsJsonArray("groups").get(0).getAsJsonObject().getAsJsonArray("statistics").get(0)
        .getAsJsonObject();
    assertThat(stat.get("label").getAsString()).isEqualTo("mean(temp_max): Seattle - New York");
    assertThat(stat.get("observed").getAsDouble()).isCloseTo(16.43908281998628 - 17.09917864476385, // Python: mean of each city's temp_max
        org.assertj.core.data.Offset.offset(1e-9));
    final CliRun table = CliRun.of("run", "--compare", "location=Seattle,New York", "--seed", "1", "-B", "500", "-q");
    assertThat(table.out()).startsWith("comparison: statistic(Seattle, n = 1461, seed "
        + org.parboot.rng.Seeds.group(1, "weather.csv", "Seattle") + ") - statistic(New York, n = 1461");
  }

  @Test
  void compare_badSpellingOrGroupOrCombination_exitsTwo() {
    assertThat(CliRun.of("run", "--compare", "location=Seattle", "-q").err()).contains("accepted: COLUMN=A,B");
    final CliRun unknown = CliRun.of("run", "--compare", "location=Seattle,Boston", "-q");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("'Boston'", "'Seattle', 'New York'");
    final CliRun both = CliRun.of("run", "--compare", "location=Seattle,New York", "--group-by", "weather", "-q");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--compare cannot be combined with --group-by");
  }
}
