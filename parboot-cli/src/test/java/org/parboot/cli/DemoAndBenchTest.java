package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndBenchTest {

  @TempDir
  Path dir;

  @Test
  void demo_smallB_writesReportWhoseImagesAndNumbersCheckOut() throws IOException {
    final Path out = dir.resolve("demo");
    final CliRun r = CliRun.of("demo", "--output", out.toString(), "--resamples", "300", "--runs", "2", "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("bit-identical").contains("report.html").contains("queue x8").contains("serial");

    // Every file the demo promises exists; the HTML embeds its images or names files that exist.
    assertThat(out.resolve("report.html")).exists();
    assertThat(out.resolve("summary.json")).exists();
    assertThat(out.resolve("replicates.csv")).exists();
    final String html = Files.readString(out.resolve("report.html"));
    final Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
    int images = 0;
    while (src.find()) {
      images++;
      final String s = src.group(1);
      assertThat(s.startsWith("data:image/png;base64,") || Files.exists(out.resolve(s))).as(s).isTrue();
    }
    assertThat(images).isGreaterThanOrEqualTo(1);
    assertThat(html).doesNotContain("http://").doesNotContain("https://");

    // PNGs decode with their documented sizes.
    final BufferedImage figure = ImageIO.read(out.resolve("figure.png").toFile());
    assertThat(figure.getWidth()).isEqualTo(1600);
    assertThat(figure.getHeight()).isEqualTo(1000);
    try (Stream<Path> pngs = Files.list(out).filter(p -> p.toString().endsWith(".png"))) {
      for (Path p : pngs.toList()) {
        final BufferedImage img = ImageIO.read(p.toFile());
        assertThat(img).as(p.toString()).isNotNull();
        if (!p.getFileName().toString().equals("figure.png")) {
          assertThat(img.getWidth()).isEqualTo(800);
          assertThat(img.getHeight()).isEqualTo(500);
        }
      }
    }

    // The JSON matches the printed table: every observed value, formatted as the table does, is printed.
    final JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
    final JsonObject group = summary.getAsJsonArray("groups").get(0).getAsJsonObject();
    assertThat(group.get("n").getAsInt()).isEqualTo(1461);
    assertThat(summary.get("seed").getAsLong()).isEqualTo(DemoCommand.DEFAULT_SEED);
    final JsonArray stats = group.getAsJsonArray("statistics");
    assertThat(stats).hasSize(3);
    assertThat(stats.get(0).getAsJsonObject().getAsJsonArray("intervals").asList().stream()
        .map(i -> i.getAsJsonObject().get("method").getAsString()))
        .containsExactly("percentile", "basic", "normal", "bca");
    for (JsonElement e : stats) {
      final JsonObject s = e.getAsJsonObject();
      assertThat(r.out()).contains(s.get("label").getAsString());
      assertThat(r.out()).contains(sixDigits(s.get("observed").getAsDouble()));
      assertThat(r.out()).contains(sixDigits(s.get("std_error").getAsDouble()));
    }
    final JsonArray configs = summary.getAsJsonObject("timing").getAsJsonArray("configs");
    assertThat(configs).hasSize(5);
    for (JsonElement e : configs) {
      final JsonObject c = e.getAsJsonObject();
      assertThat(c.getAsJsonArray("runs_ms")).hasSize(2);
      assertThat(r.out()).contains(String.format(Locale.ROOT, "%.1f", c.get("median_ms").getAsDouble()));
    }
    assertThat(Files.readAllLines(out.resolve("replicates.csv"))).hasSize(302); // the fingerprint, the header, 300 resamples
  }

  @Test
  void bench_grid_timesEveryConfigurationAndWritesJson() throws IOException {
    final Path json = dir.resolve("bench.json");
    final CliRun r = CliRun.of("bench", "--stat", "mean", "--stat", "median", "--resamples", "200", "--seed", "3",
        "--executors", "serial,forkjoin,queue", "--threads", "1,2", "--runs", "2", "--warmups", "0",
        "--format", "json", "--output", json.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    final JsonObject timing = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("timing");
    final Set<String> labels = timing.getAsJsonArray("configs").asList().stream()
        .map(c -> c.getAsJsonObject().get("label").getAsString()).collect(Collectors.toSet());
    assertThat(labels).containsExactlyInAnyOrder("serial", "forkjoin x1", "forkjoin x2", "queue x1", "queue x2");
    assertThat(timing.get("bit_identical").getAsBoolean()).isTrue();
    // Mean and median of one column are streamed in blocks (no n-sized index buffer). The CLI
    // tests' JVM has no jdk.incubator.vector: the portable draw, and the report says so.
    assertThat(timing.get("kernel").getAsString()).isEqualTo("iid draw (scalar) in blocks of 256, row counts, sums (scalar)");
  }

  @Test
  void bench_tableAndReport_printTimingAndWriteHtml() {
    final Path report = dir.resolve("bench-report");
    final CliRun r = CliRun.of("bench", "--resamples", "100", "--seed", "1", "--executors", "serial,pool",
        "--threads", "2", "--runs", "1", "--report", report.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("strategy").contains("speed-up").contains("pool x2").contains("kernel: ");
    assertThat(report.resolve("report.html")).exists();
    assertThat(report.resolve("timing.png")).exists();
  }

  @Test
  void run_report_writesHistogramsWithoutTimingChart() {
    final Path report = dir.resolve("run-report");
    final CliRun r = CliRun.of("run", "--resamples", "200", "--seed", "2", "--stat", "median", "--stat", "max",
        "--report", report.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(report.resolve("report.html")).exists();
    assertThat(report.resolve("timing.png")).doesNotExist();
    try (Stream<Path> files = Files.list(report)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("hist-")).count()).isEqualTo(2);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void bench_badExecutorList_isAUsageError() {
    final CliRun r = CliRun.of("bench", "--executors", "serial,gpu", "--runs", "1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'gpu'").contains("forkjoin");
  }

  /** The table's rendering of a number: 6 significant digits, trailing zeros dropped. */
  static String sixDigits(double v) {
    final String s = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    return s;
  }

}
