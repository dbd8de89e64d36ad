package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code parboot test} from the command line: every permutation type on real data, exact and
 * random, against SciPy's p-values (the core's PermutationTestReferenceTest checks many more),
 * reproducible across executors, its outputs, and one line with exit 2 for what it cannot do.
 */
class TestCommandTest {
  @TempDir
  Path dir;

  private static JsonObject json(CliRun r) {
    assertThat(r.code()).as(r.err()).isZero();
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  private static JsonObject firstTest(JsonObject root) {
    return root.getAsJsonArray("tests").get(0).getAsJsonObject();
  }

  @Test
  void independent_onTheWeatherData_matchesScipy() {
    // stats.permutation_test((seattle, new_york), mean difference, n_resamples=99999): p = 0.03786
    final JsonObject root = json(CliRun.of("test", "--compare", "location=Seattle,New York", "-B", "1999", "--seed", "1",
        "-q", "--format", "json"));
    assertThat(root.get("permutation_type").getAsString()).isEqualTo("independent");
    assertThat(root.get("exact").getAsBoolean()).isFalse();
    assertThat(root.get("permutations").getAsInt()).isEqualTo(1999);
    assertThat(root.get("distinct").isJsonNull()).isTrue();
    assertThat(root.get("distinct_log10").getAsDouble()).isCloseTo(877.78, Offset.offset(0.01)); // log10 C(2922, 1461)
    final JsonObject t = firstTest(root);
    assertThat(t.get("observed").getAsDouble()).isCloseTo(-0.6600958247775495, Offset.offset(1e-12));
    final double sd = Math.sqrt(0.03786 * (1 - 0.03786) / 1999);
    assertThat(t.get("p_value").getAsDouble()).isCloseTo(0.03786, Offset.offset(4.5 * sd));
    assertThat(t.get("p_value_mc").getAsDouble()).isCloseTo(sd, Offset.offset(sd / 3));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"two-sided,0.125", "greater,0.0625", "less,0.96875"})
  void samples_oneColumn_exactSignFlip_matchesScipy(String alternative, double expected) throws IOException {
    // stats.permutation_test((d,), np.mean, permutation_type='samples', alternative=...): 32 sign patterns
    final Path f = Files.writeString(dir.resolve("d.csv"), "d\n1.2\n0.4\n-0.3\n2.1\n0.9\n");
    final JsonObject root = json(CliRun.of("test", f.toString(), "--permutation-type", "samples", "--stat", "mean(d)",
        "--alternative", alternative, "-q", "--format", "json"));
    assertThat(root.get("exact").getAsBoolean()).isTrue();
    assertThat(root.get("permutations").getAsInt()).isEqualTo(32);
    assertThat(firstTest(root).get("p_value").getAsDouble()).isCloseTo(expected, Offset.offset(1e-12));
    assertThat(firstTest(root).get("p_value_mc").getAsDouble()).isZero();
  }

  @Test
  void pairings_exactSpearman_matchesScipy() throws IOException {
    // stats.permutation_test((y,), lambda y: spearmanr(x, y).statistic, permutation_type='pairings',
    // alternative='greater'): 720 pairings, p = 0.029166666666666667
    final Path f = Files.writeString(dir.resolve("xy.csv"), "x,y\n1,2\n2,1\n3,4\n4,3\n5,6\n6,5\n");
    final CliRun r = CliRun.of("test", f.toString(), "--permutation-type", "pairings", "--stat", "spearman(x,y)",
        "--alternative", "greater", "--seed", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("6 rows of y permuted against x · all 720 permutations (exact)")
        .contains("spearman(x, y)  0.828571  0.02917  exact");
  }

  @Test
  void nullDistribution_bitIdenticalOnEveryExecutor() throws IOException {
    final List<String> common = List.of("test", "--where", "location=Seattle", "--permutation-type", "pairings",
        "--stat", "corr(temp_max,temp_min)", "-B", "300", "--seed", "5", "-q");
    String expected = null;
    for (String executor : new String[] {"serial", "queue", "pool", "forkjoin", "virtual"}) {
      final Path out = dir.resolve(executor + ".csv");
      final List<String> args = new java.util.ArrayList<>(common);
      args.addAll(List.of("--executor", executor, "--threads", executor.equals("serial") ? "1" : "3",
          "--null-distribution", out.toString()));
      final CliRun r = CliRun.of(args.toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isZero();
      final String text = Files.readString(out);
      assertThat(text.lines()).hasSize(301).first().isEqualTo("\"corr(temp_max, temp_min)\"");
      if (expected == null) {
        expected = text;
      }
      assertThat(text).as(executor).isEqualTo(expected);
    }
  }

  @Test
  void csv_hasOneRowPerStatistic() {
    final CliRun r = CliRun.of("test", "--compare", "location=Seattle,New York", "--stat", "mean", "--stat", "median",
        "-B", "99", "--seed", "1", "-q", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSize(3);
    assertThat(r.out()).startsWith("n,seed,permutation_type,permutations,exact,alternative,stat,observed,p_value,p_value_mc\n"
        + "2922,1,independent,99,false,two-sided,mean(temp_max),");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--stat mean|--permutation-type independent (the default) permutes the rows of two samples; accepted: --compare",
      "--permutation-type pair|--permutation-type 'pair' is not a permutation type; accepted: independent, samples, pairings",
      "--permutation-type samples --compare location=Seattle,Chicago|--compare cannot be combined with --permutation-type samples",
      "--permutation-type pairings --stat mean -q|the statistics read only 'temp_max', whose order does not change them",
      "--compare location=Seattle,Paris|--compare: no rows with location = 'Paris'"})
  void badRequests_oneLine_exit2(String args, String message) {
    final List<String> all = new java.util.ArrayList<>(List.of("test"));
    all.addAll(List.of(args.split(" ")));
    final CliRun r = CliRun.of(all.toArray(String[]::new));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(message);
    assertThat(r.err().strip().lines()).hasSize(1);
  }
}
