package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * {@code --resamples auto --mc-error E|P% [--max-resamples M]}: B doubles from 1000 until every
 * endpoint's Monte Carlo error is below the target; the table and JSON say which B it reached and
 * why, and the run equals the fixed run with that B (the core's AdaptiveResamplesTest checks the
 * bits; here, the CSV of both).
 */
class AdaptiveResamplesOptionTest {

  @Test
  void auto_reachesATarget_andEqualsTheFixedRunWithItsB() {
    final String[] common = {"run", "--where", "location=Seattle", "-c", "temp_max", "--stat", "mean", "--ci",
        "percentile,bca", "--seed", "3", "-q"};
    final CliRun json = CliRun.of(concat(common, "--resamples", "auto", "--mc-error", "2%", "--format", "json"));
    assertThat(json.code()).as(json.err()).isZero();
    final JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
    final JsonObject adaptive = root.getAsJsonObject("adaptive");
    final int b = adaptive.get("resamples").getAsInt();
    assertThat(adaptive.get("met").getAsBoolean()).isTrue();
    assertThat(b).isEqualTo(root.get("resamples").getAsInt()).isEqualTo(1000 << adaptive.get("doublings").getAsInt());
    assertThat(adaptive.get("largest_error_ratio").getAsDouble()).isLessThan(1);
    final CliRun autoCsv = CliRun.of(concat(common, "--resamples", "auto", "--mc-error", "2%", "--format", "csv"));
    final CliRun fixedCsv = CliRun.of(concat(common, "--resamples", Integer.toString(b), "--format", "csv"));
    assertThat(autoCsv.out()).isEqualTo(fixedCsv.out());
    final CliRun table = CliRun.of(concat(common, "--resamples", "auto", "--mc-error", "2%"));
    assertThat(table.out()).contains("resamples auto: B = " + b + ": every endpoint's Monte Carlo error is below 2% of "
        + "the standard error");
  }

  @Test
  void maximum_stopsTheGrowth_andSaysSo() {
    final CliRun r = CliRun.of("run", "--stat", "mean", "--resamples", "auto", "--mc-error", "0.0001",
        "--max-resamples", "3000", "--seed", "1", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("resamples = 3000").contains("B reached its maximum, 3000, before every endpoint's");
  }

  @Test
  void misuse_oneLine_exit2() {
    final String[][] cases = {{"run", "--resamples", "auto", "-q"}, {"run", "--mc-error", "1%", "-q"},
        {"run", "--resamples", "auto", "--mc-error", "150%", "-q"},
        {"run", "--resamples", "auto", "--mc-error", "1%", "--group-by", "location", "-q"},
        {"test", "--compare", "location=Seattle,New York", "--resamples", "auto", "-q"}};
    final String[] messages = {"--resamples auto needs --mc-error", "--mc-error needs --resamples auto",
        "--mc-error 1.5 is out of range; accepted: a percentage above 0 and below 100",
        "--resamples auto cannot be combined with --group-by", "--resamples auto is for parboot run"};
    for (int i = 0; i < cases.length; i++) {
      final CliRun r = CliRun.of(cases[i]);
      assertThat(r.code()).as(String.join(" ", cases[i])).isEqualTo(2);
      assertThat(r.err()).contains(messages[i]);
      assertThat(r.err().strip().lines()).hasSize(1);
    }
  }

  private static String[] concat(String[] a, String... b) {
    final String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
