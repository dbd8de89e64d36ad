package org.parboot.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parboot.StatisticResult;
import org.junit.jupiter.api.io.TempDir;
import org.parboot.Bootstrap;
import org.parboot.BootstrapResult;
import org.parboot.exec.ExecutorKind;
import org.parboot.stat.Statistic;

class ReportWriterTest {

  private static final Pattern SRC_OR_HREF = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");
  private static TimingResult timing;

  @BeforeAll
  static void timeOnce() {
    final List<Statistic> stats = new ArrayList<>(Fixtures.tutorialStatistics());
    stats.add(Statistic.custom("max<&>\"'", "temp_max", x -> {
      double m = Double.NEGATIVE_INFINITY;
      for (double v : x) {
        m = Math.max(m, v);
      }
      return m;
    }));
    timing = Timing.of(new TimingPlan(Fixtures.data(), stats, Fixtures.options(3),
        List.of(TimingConfig.serial(), new TimingConfig(ExecutorKind.FORKJOIN, 2)), 0, 2)).run();
  }

  @Test
  void write_withTiming_writesSelfContainedReportAndDecodablePngs(@TempDir Path dir) throws IOException {
    final ReportFiles files = ReportWriter.write(dir, timing.last(), Optional.of(timing));

    assertThat(files.html()).isEqualTo(dir.resolve("report.html"));
    assertThat(files.histograms()).extracting(p -> p.getFileName().toString()).containsExactly(
        "hist-1-mean-temp-max.png", "hist-2-std-temp-max-ddof-0.png", "hist-3-skew-temp-max-bias-true.png",
        "hist-4-max-temp-max.png");
    assertThat(files.timingChart()).contains(dir.resolve("timing.png"));
    assertThat(files.figure()).contains(dir.resolve("figure.png"));
    assertThat(files.qqPlots()).extracting(p -> p.getFileName().toString()).containsExactly(
        "qq-1-mean-temp-max.png", "qq-2-std-temp-max-ddof-0.png", "qq-3-skew-temp-max-bias-true.png",
        "qq-4-max-temp-max.png");
    for (Path png : files.qqPlots()) {
      assertThat(ChartsTest.decode(Files.readAllBytes(png))).satisfies(ChartsTest.size(800, 500));
    }
    for (Path png : files.histograms()) {
      assertThat(ChartsTest.decode(Files.readAllBytes(png))).satisfies(ChartsTest.size(800, 500));
    }
    assertThat(ChartsTest.decode(Files.readAllBytes(dir.resolve("timing.png")))).satisfies(ChartsTest.size(800, 500));
    assertThat(ChartsTest.decode(Files.readAllBytes(dir.resolve("figure.png"))))
        .satisfies(ChartsTest.size(1600, 1000));
    try (Stream<Path> listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .as("only the listed files, no temporary ones")
          .containsExactlyInAnyOrderElementsOf(files.all().stream().map(p -> p.getFileName().toString()).toList());
    }

    final String html = Files.readString(files.html(), StandardCharsets.UTF_8);
    final Matcher m = SRC_OR_HREF.matcher(html);
    int images = 0;
    while (m.find()) {
      final String ref = m.group(1);
      if (ref.startsWith("data:image/png;base64,")) {
        images++;
        assertThat(ChartsTest.decode(java.util.Base64.getDecoder().decode(ref.substring(22)))).isNotNull();
      } else {
        assertThat(dir.resolve(ref)).as("referenced file " + ref).exists();
      }
    }
    assertThat(images).as("figure.png, then the histogram not in it, and the four QQ plots").isEqualTo(6);
    assertThat(html).doesNotContain("http://", "https://", "<script", "@import", "url(");
    assertThat(html).contains("max&lt;&amp;&gt;&quot;&#39;(temp_max)").doesNotContain("max<&>");
    assertThat(html).contains("<h2>Timing</h2>", "forkjoin", "bca", "splitmix", "Seed");
    // Monte Carlo errors: of the bias, the standard error and each endpoint, and what they mean.
    final StatisticResult mean = timing.last().statistics().get(0);
    assertThat(html).contains("<small class=\"mc\">±" + String.format(java.util.Locale.ROOT, "%.2g",
        mean.standardErrorMcError()) + "</small>");
    final var ci = mean.intervals().get(0);
    assertThat(html).contains("<small class=\"mc\">±" + String.format(java.util.Locale.ROOT, "%.2g", ci.lowError())
        + " / ±" + String.format(java.util.Locale.ROOT, "%.2g", ci.highError()) + "</small>");
    assertThat(html).contains("is the Monte Carlo standard error");
  }

  @Test
  void write_withoutTiming_noTimingChartOrFigure(@TempDir Path dir) throws IOException {
    final BootstrapResult result = Bootstrap.run(Fixtures.data(), Fixtures.tutorialStatistics().subList(0, 1),
        Fixtures.options(5));

    final ReportFiles files = ReportWriter.write(dir.resolve("new/sub"), result, Optional.empty());

    assertThat(files.all()).allSatisfy(p -> assertThat(p).exists()).hasSize(3); // histogram, QQ plot, report
    assertThat(files.timingChart()).isEmpty();
    assertThat(files.figure()).isEmpty();
    final String html = Files.readString(files.html());
    assertThat(html).doesNotContain("<h2>Timing</h2>").contains("data:image/png;base64,");
  }

  @Test
  void write_withProvenance_namesTheVersionAndTheCommandThatRepeatsTheRun(@TempDir Path dir) throws IOException {
    final BootstrapResult result = Bootstrap.run(Fixtures.data(), Fixtures.tutorialStatistics().subList(0, 1),
        Fixtures.options(5));
    final Provenance p = Provenance.of("parboot 0.1.0 (commit abc)", List.of("run", "--stat", "std/mean", "--where",
        "location=New York", "--report", "out"), 42, false);
    assertThat(p.commandLine()).isEqualTo("parboot run --stat std/mean --where 'location=New York' --report out --seed 42");
    final String html = Files.readString(ReportWriter.write(org.parboot.io.OutputSink.immediate(), dir, result,
        Optional.empty(), p).html());
    assertThat(html).contains("<th scope=\"row\">parboot</th><td>parboot 0.1.0 (commit abc)</td>")
        .contains("<code>parboot run --stat std/mean --where &#39;location=New York&#39; --report out --seed 42</code>");
    assertThat(Provenance.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(Provenance.quote("")).isEqualTo("''");
  }

  @Test
  void toJson_timing_matchesStrategyTimings() {
    final JsonObject json = JsonParser.parseString(TimingJson.toJson(timing)).getAsJsonObject();

    assertThat(json.get("resamples").getAsInt()).isEqualTo(Fixtures.B);
    assertThat(json.get("baseline").getAsString()).isEqualTo("serial");
    final JsonArray configs = json.getAsJsonArray("configs");
    assertThat(configs).hasSize(2);
    for (int i = 0; i < 2; i++) {
      final JsonObject c = configs.get(i).getAsJsonObject();
      final StrategyTiming s = timing.strategies().get(i);
      assertThat(c.get("executor").getAsString()).isEqualTo(s.config().executor().spelling());
      assertThat(c.get("threads").getAsInt()).isEqualTo(s.config().threads());
      assertThat(c.get("median_ms").getAsDouble()).isEqualTo(s.medianMillis());
      assertThat(c.get("min_ms").getAsDouble()).isEqualTo(s.minMillis());
      assertThat(c.get("max_ms").getAsDouble()).isEqualTo(s.maxMillis());
      assertThat(c.get("speedup").getAsDouble()).isEqualTo(s.speedup());
      assertThat(c.get("resamples_per_second").getAsDouble()).isEqualTo(s.resamplesPerSecond());
      assertThat(c.getAsJsonArray("runs_ms").asList().stream().map(e -> e.getAsDouble()).toList())
          .isEqualTo(s.runsMillis());
    }
  }

  @Test
  void histogramFileName_oddLabels_slugged() {
    assertThat(ReportWriter.histogramFileName(2, "std(temp_max, ddof=0)")).isEqualTo("hist-2-std-temp-max-ddof-0.png");
    assertThat(ReportWriter.histogramFileName(1, "<&>")).isEqualTo("hist-1.png");
    assertThat(ReportWriter.histogramFileName(3, "x".repeat(100))).hasSize("hist-3-.png".length() + 40);
  }
}
