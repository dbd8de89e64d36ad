package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.ci.Interval;

class ResultFormatterTest {
  private static final BootstrapResult RUN = Results.run();

  @Test
  void formatJson_parsedBack_equalsResult() {
    final JsonObject root = JsonParser.parseString(ResultFormatter.format(RUN, OutputFormat.JSON)).getAsJsonObject();
    assertThat(root.get("format_version").getAsInt()).isEqualTo(1);
    assertThat(root.getAsJsonArray("groups")).hasSize(1);
    final JsonObject group = root.getAsJsonArray("groups").get(0).getAsJsonObject();
    assertThat(group.get("file").getAsString()).isEqualTo("memory");
    assertThat(group.get("group").getAsString()).isEmpty();
    assertThat(group.get("input").getAsString()).isEqualTo("memory");
    assertThat(group.get("n").getAsInt()).isEqualTo(10);
    assertThat(group.get("dropped_missing").getAsLong()).isZero();
    assertThat(root.get("resamples").getAsInt()).isEqualTo(200);
    assertThat(root.get("seed").getAsLong()).isEqualTo(1);
    assertThat(group.get("seed").getAsLong()).isEqualTo(1);
    assertThat(group.get("rng").getAsString()).isEqualTo(RUN.rng());
    assertThat(group.get("scheme").getAsString()).isEqualTo(RUN.scheme());
    assertThat(root.get("concurrent_groups").getAsInt()).isEqualTo(1);
    assertThat(root.get("threads_per_group").getAsInt()).isEqualTo(2);
    assertThat(root.get("executor").getAsString()).isEqualTo("forkjoin");
    assertThat(root.get("threads").getAsInt()).isEqualTo(2);
    assertThat(root.get("level").getAsDouble()).isEqualTo(0.95);
    assertThat(root.get("elapsed_seconds").getAsDouble()).isEqualTo(RUN.elapsed().toNanos() / 1e9);
    assertThat(root.getAsJsonArray("warnings")).hasSize(RUN.warnings().size());
    final JsonArray stats = group.getAsJsonArray("statistics");
    assertThat(stats).hasSize(2);
    for (int s = 0; s < 2; s++) {
      final StatisticResult expected = RUN.statistics().get(s);
      final JsonObject o = stats.get(s).getAsJsonObject();
      assertThat(o.get("stat").getAsString()).isEqualTo(expected.statistic().name());
      assertThat(o.get("label").getAsString()).isEqualTo(expected.label());
      assertThat(o.getAsJsonArray("columns").asList()).extracting(e -> e.getAsString()).containsExactly("x");
      assertThat(o.get("observed").getAsDouble()).isEqualTo(expected.observed());
      assertThat(o.get("bias").getAsDouble()).isEqualTo(expected.bias());
      assertThat(o.get("std_error").getAsDouble()).isEqualTo(expected.standardError());
      assertThat(o.get("non_finite_replicates").getAsInt()).isZero();
      final JsonArray intervals = o.getAsJsonArray("intervals");
      assertThat(intervals).hasSize(2);
      for (int i = 0; i < 2; i++) {
        final Interval ci = expected.intervals().get(i);
        final JsonObject io = intervals.get(i).getAsJsonObject();
        assertThat(io.get("method").getAsString()).isEqualTo(ci.method().spelling());
        assertThat(io.get("level").getAsDouble()).isEqualTo(0.95);
        assertThat(io.get("low").getAsDouble()).isEqualTo(ci.low());
        assertThat(io.get("high").getAsDouble()).isEqualTo(ci.high());
      }
    }
  }

  @Test
  void formatJson_labelWithEquals_isNotHtmlEscaped() {
    assertThat(ResultFormatter.format(RUN, OutputFormat.JSON)).contains("\"std(x, ddof=0)\"").doesNotContain("\\u003d");
  }

  @Test
  void formatJson_nanAndInfinity_areNull() {
    final JsonObject s = JsonParser.parseString(ResultFormatter.format(Results.undefined(), OutputFormat.JSON))
        .getAsJsonObject().getAsJsonArray("groups").get(0).getAsJsonObject().getAsJsonArray("statistics").get(0)
        .getAsJsonObject();
    assertThat(s.get("observed").isJsonNull()).isTrue();
    assertThat(s.get("bias").isJsonNull()).isTrue();
    assertThat(s.get("std_error").getAsDouble()).isEqualTo(0.25);
    assertThat(s.get("non_finite_replicates").getAsInt()).isEqualTo(1);
    final JsonObject bca = s.getAsJsonArray("intervals").get(1).getAsJsonObject();
    assertThat(bca.get("low").isJsonNull()).isTrue();
    assertThat(bca.get("high").isJsonNull()).isTrue();
  }

  @Test
  void formatJson_doubles_useShortestRoundTripForm() {
    assertThat(ResultFormatter.format(Results.undefined(), OutputFormat.JSON))
        .contains("\"level\": 0.95,").contains("\"elapsed_seconds\": 0.21,").contains("\"low\": 1.5,");
  }

  @Test
  void formatCsv_parsedBack_hasOneRowPerStatisticAndInterval() {
    final List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(ResultFormatter.format(RUN, OutputFormat.CSV)).stream().toList();
    assertThat(rows.get(0).getFields())
        .containsExactly("n", "seed", "stat", "columns", "observed", "bias", "std_error", "method", "level", "low", "high",
            "low_mc", "high_mc", "std_error_mc", "p_value");
    assertThat(rows).hasSize(1 + 2 * 2);
    assertThat(rows.stream().skip(1).map(r -> r.getField(0) + "," + r.getField(1))).containsOnly("10,1");
    final StatisticResult std = RUN.statistics().get(1);
    final List<String> bca = rows.get(4).getFields().subList(2, 11); // after n and seed
    assertThat(bca.subList(0, 2)).containsExactly("std(ddof=0)", "x");
    assertThat(Double.parseDouble(bca.get(2))).isEqualTo(std.observed());
    assertThat(Double.parseDouble(bca.get(3))).isEqualTo(std.bias());
    assertThat(Double.parseDouble(bca.get(4))).isEqualTo(std.standardError());
    assertThat(bca.get(5)).isEqualTo("bca");
    assertThat(bca.get(6)).isEqualTo("0.95");
    assertThat(Double.parseDouble(bca.get(7))).isEqualTo(std.intervals().get(1).low());
    assertThat(Double.parseDouble(bca.get(8))).isEqualTo(std.intervals().get(1).high());
  }

  @Test
  void formatCsv_undefinedNumbers_areEmptyCells() {
    assertThat(ResultFormatter.format(Results.undefined(), OutputFormat.CSV)).isEqualTo("""
        n,seed,stat,columns,observed,bias,std_error,method,level,low,high,low_mc,high_mc,std_error_mc,p_value
        1461,42,std(ddof=0),temp_max,,,0.25,percentile,0.95,1.5,2.5,,,,
        1461,42,std(ddof=0),temp_max,,,0.25,bca,0.95,,,,,,
        """);
  }

  @Test
  void formatTable_handMadeResult_isAlignedWithHeaderAndWarnings() {
    assertThat(ResultFormatter.format(Results.undefined(), OutputFormat.TABLE)).isEqualTo("""
        n = 1461 (dropped 3 missing) · resamples = 3 · seed = 42 · executor = forkjoin × 2 threads · 0.21 s

        statistic              observed  bias  std error  percentile 95% CI  bca 95% CI
        std(temp_max, ddof=0)       NaN   inf       0.25         [1.5, 2.5]   undefined
        warning: std(temp_max, ddof=0): BCa endpoints are null
        """);
  }

  @Test
  void formatTable_run_showsEveryStatisticAndInterval() {
    final String table = ResultFormatter.format(RUN, OutputFormat.TABLE);
    assertThat(table).startsWith("n = 10 (dropped 0 missing) · resamples = 200 · seed = 1 · executor = forkjoin × 2 threads · ");
    final Interval ci = RUN.statistics().get(0).intervals().get(0);
    assertThat(table).contains("mean(x)").contains("std(x, ddof=0)")
        .contains("[" + TableReport.number(ci.low()) + ", " + TableReport.number(ci.high()) + "]");
  }

  @Test
  void formatTable_run_footnotesEachStatisticsMonteCarloErrors() {
    final String table = ResultFormatter.format(RUN, OutputFormat.TABLE);
    final StatisticResult mean = RUN.statistics().get(0);
    double low = Double.POSITIVE_INFINITY;
    double high = 0;
    for (Interval i : mean.intervals()) {
      low = Math.min(low, Math.min(i.lowError(), i.highError()));
      high = Math.max(high, Math.max(i.lowError(), i.highError()));
    }
    assertThat(table).contains("\nMonte Carlo error (how far another seed would move each number):\n")
        .containsPattern("\n  mean\\(x\\) +std error ±" + java.util.regex.Pattern.quote(
            TableReport.twoDigits(mean.standardErrorMcError())) + " +endpoints ±"
            + java.util.regex.Pattern.quote(TableReport.twoDigits(low)) + " to ±"
            + java.util.regex.Pattern.quote(TableReport.twoDigits(high)) + "\n");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "16.43941 | 16.4394", "-0.000123456789 | -0.000123457", "1234567.89 | 1234570", "2.5 | 2.5", "0 | 0",
      "-0.0 | 0", "1e-7 | 1e-07", "1.234567e-7 | 1.23457e-07", "2e15 | 2e+15", "999999.5 | 1000000",
      "NaN | NaN", "-Infinity | -inf"})
  void number_variousMagnitudes_sixSignificantDigits(double value, String expected) {
    assertThat(TableReport.number(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0.95, 95%", "0.975, 97.5%", "0.9, 90%", "0.99, 99%"})
  void percent_levels_areReadable(double level, String expected) {
    assertThat(TableReport.percent(level)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void format_sameResultTwice_givesSameText(OutputFormat format) {
    assertThat(ResultFormatter.format(RUN, format)).isEqualTo(ResultFormatter.format(RUN, format)).endsWith("\n");
  }
}
