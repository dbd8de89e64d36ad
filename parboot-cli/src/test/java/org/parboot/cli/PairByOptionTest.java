package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --compare COLUMN=A,B --pair-by KEY}: the weather data's two cities paired by date. The
 * paired iid bootstrap matches {@code scipy.stats.bootstrap(..., paired=True)}; by stationary
 * blocks of days the standard error is about five times larger and the interval holds 0 (the
 * README's comparison); the permutation test swaps each day's pair; misuse is one line, exit 2.
 */
class PairByOptionTest {
  @TempDir
  Path dir;

  private static JsonObject json(String... args) {
    final CliRun r = CliRun.of(args);
    assertThat(r.code()).as(r.err()).isZero();
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  private static JsonObject statistic(JsonObject root) {
    return root.getAsJsonArray("groups").get(0).getAsJsonObject().getAsJsonArray("statistics").get(0).getAsJsonObject();
  }

  @Test
  void pairedIid_matchesScipysPairedBootstrap() {
    // stats.bootstrap((seattle, new_york), mean difference, paired=True, n_resamples=9999): se 0.16347
    final JsonObject root = json("run", "--compare", "location=Seattle,New York", "--pair-by", "date", "--stat", "mean",
        "--ci", "percentile", "-B", "4000", "--seed", "1", "-q", "--format", "json");
    assertThat(root.getAsJsonObject("comparison").get("paired").getAsBoolean()).isTrue();
    assertThat(root.getAsJsonObject("comparison").get("n_first").getAsInt()).isEqualTo(1461);
    final JsonObject s = statistic(root);
    assertThat(s.get("observed").getAsDouble()).isCloseTo(-0.6600958247775495, Offset.offset(1e-9));
    assertThat(s.get("std_error").getAsDouble()).isCloseTo(0.16347, Offset.offset(0.16347 * 0.05));
  }

  @Test
  void pairedByStationaryBlocks_widensTheIntervalToHoldZero() {
    final JsonObject s = statistic(json("run", "--compare", "location=Seattle,New York", "--pair-by", "date",
        "--scheme", "stationary", "--stat", "mean", "--ci", "percentile,bca", "-B", "2000", "--seed", "1", "-q",
        "--format", "json"));
    assertThat(s.get("std_error").getAsDouble()).isBetween(0.6, 1.0);
    for (var i : s.getAsJsonArray("intervals")) {
      assertThat(i.getAsJsonObject().get("low").getAsDouble()).isNegative();
      assertThat(i.getAsJsonObject().get("high").getAsDouble()).isPositive();
    }
  }

  @Test
  void pairedPermutationTest_swapsEachDaysPair() {
    final CliRun r = CliRun.of("test", "--compare", "location=Seattle,New York", "--pair-by", "date", "--stat", "mean",
        "-B", "999", "--seed", "1", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("permutation test (samples)").contains("1461 pairs of Seattle and New York, each swapped or not");
  }

  @Test
  void unmatchedRows_areLeftOutWithANote() throws IOException {
    final Path f = Files.writeString(dir.resolve("p.csv"), "who,day,x\na,1,1.0\nb,1,2.5\na,2,2.0\nb,2,2.9\na,3,3.0\n"
        + "b,3,4.4\na,4,1.5\nb,5,9\n");
    final CliRun r = CliRun.of("run", f.toString(), "--compare", "who=a,b", "--pair-by", "day", "--stat", "mean",
        "-c", "x", "-B", "200", "--seed", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("--pair-by day: 3 pairs; 1 a and 1 b rows have no partner and are left out");
    assertThat(r.out()).contains("paired comparison: statistic(a) - statistic(b) over 3 pairs, resampled together");
  }

  @Test
  void misuse_oneLine_exit2() throws IOException {
    final Path dup = Files.writeString(dir.resolve("d.csv"), "who,day,x\na,1,1\na,1,2\nb,1,3\n");
    final String[][] cases = {
        {"run", "--pair-by", "date", "-q"},
        {"run", "--compare", "location=Seattle,New York", "--pair-by", "date", "--ci", "studentized", "-q"},
        {"run", dup.toString(), "--compare", "who=a,b", "--pair-by", "day", "-c", "x", "-q"},
        {"run", "--compare", "location=Seattle,Paris", "--pair-by", "date", "-q"},
        {"test", "--compare", "location=Seattle,New York", "--pair-by", "date", "--permutation-type", "independent", "-q"}};
    final String[] messages = {"--pair-by pairs the two samples of --compare",
        "--ci studentized needs the standard error of a paired difference",
        "rows 1 and 2 of the data read (after --where and missing values) are both 'a' with the same 'day'",
        "--compare: no rows with location = 'Paris'",
        "--pair-by pairs the two samples of --compare for --permutation-type samples"};
    for (int i = 0; i < cases.length; i++) {
      final CliRun r = CliRun.of(cases[i]);
      assertThat(r.code()).as(String.join(" ", cases[i])).isEqualTo(2);
      assertThat(r.err()).contains(messages[i]);
      assertThat(r.err().strip().lines()).hasSize(1);
    }
  }
}
