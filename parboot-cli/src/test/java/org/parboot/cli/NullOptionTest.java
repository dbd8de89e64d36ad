package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@code --null THETA0}: each interval's p-value of H0: statistic = THETA0 (the inversion the core's
 * NullPValueTest checks against the intervals), in the table, JSON and CSV; refused where the
 * intervals are averages (the Bag of Little Bootstraps).
 */
class NullOptionTest {

  @Test
  void null_givesEachIntervalItsPValue_inEveryFormat() {
    final String[] common = {"run", "--where", "location=Seattle", "-c", "temp_max", "--stat", "mean", "--ci",
        "percentile,normal", "--null", "16", "--alternative", "greater", "-B", "2000", "--seed", "1", "-q"};
    final CliRun table = CliRun.of(common);
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("· alternative = greater · null = 16 ·")
        .contains("percentile 95% CI  percentile p-value").contains("normal p-value");
    final String[] json = java.util.Arrays.copyOf(common, common.length + 2);
    json[common.length] = "--format";
    json[common.length + 1] = "json";
    final CliRun j = CliRun.of(json);
    assertThat(j.code()).as(j.err()).isZero();
    final JsonObject root = JsonParser.parseString(j.out()).getAsJsonObject();
    assertThat(root.get("null").getAsDouble()).isEqualTo(16.0);
    final var intervals = root.getAsJsonArray("groups").get(0).getAsJsonObject().getAsJsonArray("statistics").get(0)
        .getAsJsonObject().getAsJsonArray("intervals");
    // mean 16.44, standard error 0.193: z = 2.27, one-sided p about 0.0116 for the normal interval
    final double normal = intervals.get(1).getAsJsonObject().get("p_value").getAsDouble();
    assertThat(normal).isCloseTo(0.0116, Offset.offset(0.002));
    final double percentile = intervals.get(0).getAsJsonObject().get("p_value").getAsDouble();
    assertThat(percentile).isCloseTo(normal, Offset.offset(0.006));
    json[json.length - 1] = "csv";
    final CliRun csv = CliRun.of(json);
    assertThat(csv.out().lines().findFirst().orElseThrow()).endsWith(",std_error_mc,p_value");
    assertThat(Double.parseDouble(csv.out().lines().skip(2).findFirst().orElseThrow().replaceAll(".*,", "")))
        .isEqualTo(normal);
  }

  @Test
  void withoutNull_noPValueAnywhere() {
    final CliRun r = CliRun.of("run", "--stat", "mean", "-B", "200", "--seed", "1", "-q", "--format", "json");
    assertThat(r.out()).doesNotContain("p_value").doesNotContain("\"null\"");
  }

  @Test
  void null_withTheBagOfLittleBootstraps_isRefused() {
    final CliRun r = CliRun.of("run", "--engine", "spark", "--method", "blb", "--null", "0", "-q");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--method blb cannot be combined with --null");
  }
}
