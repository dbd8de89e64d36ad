package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --weights COLUMN} from the command line: the column is read with the statistics' own,
 * the run is weighted (NumPy's values, checked in the core's WeightsTest; here the plumbing), the
 * table's header and the JSON say so; a bad weight or an unweighted statistic is one line, exit 2.
 */
class WeightsOptionTest {
  @TempDir
  Path dir;

  private Path data() throws IOException {
    return Files.writeString(dir.resolve("w.csv"), "x,w,y\n1,1,2\n2,3,2.5\n3,0.5,4\n4,2,3.9\n5,1,6.2\n6,2,5.5\n7,1,8\n");
  }

  @Test
  void weights_runWeighted_andSaySo() throws IOException {
    final Path file = data();
    final CliRun table = CliRun.of("run", file.toString(), "--stat", "mean", "--stat", "median", "--stat", "ols(y ~ x)[x]",
        "--weights", "w", "--column", "x", "--seed", "1", "-B", "500");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("· weights = w ·");
    final CliRun json = CliRun.of("run", file.toString(), "--stat", "mean", "--stat", "median", "--weights", "w",
        "--column", "x", "--seed", "1", "-B", "500", "--format", "json");
    final JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
    assertThat(root.get("weights").getAsString()).isEqualTo("w");
    final var stats = root.getAsJsonArray("groups").get(0).getAsJsonObject().getAsJsonArray("statistics");
    // np.average(x, weights=w) and np.quantile(x, 0.5, weights=w, method='inverted_cdf')
    assertThat(stats.get(0).getAsJsonObject().get("observed").getAsDouble()).isEqualTo(3.857142857142857);
    assertThat(stats.get(1).getAsJsonObject().get("observed").getAsDouble()).isEqualTo(4.0);
    final CliRun plain = CliRun.of("run", file.toString(), "--stat", "mean", "--column", "x", "--seed", "1", "-B", "500",
        "--format", "json");
    assertThat(JsonParser.parseString(plain.out()).getAsJsonObject().has("weights")).isFalse();
  }

  @Test
  void weights_refusedWhereTheyCannotApply() throws IOException {
    final Path file = data();
    final CliRun mad = CliRun.of("run", file.toString(), "--stat", "mad", "--weights", "w", "--column", "x");
    assertThat(mad.code()).isEqualTo(2);
    assertThat(mad.err()).contains("mad(x) takes no weights").doesNotContain("\tat ");
    final CliRun missing = CliRun.of("run", file.toString(), "--weights", "nope", "--column", "x");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope");
    final Path negative = Files.writeString(dir.resolve("neg.csv"), "x,w\n1,1\n2,-1\n3,1\n");
    final CliRun neg = CliRun.of("run", negative.toString(), "--weights", "w", "--column", "x");
    assertThat(neg.code()).isEqualTo(2);
    assertThat(neg.err()).contains("weights column 'w' has -1.0 in its row 2 of 3");
  }
}
