package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parboot run --engine spark} end to end, in process (Spark's jars are on this module's
 * test class path): the table of the example equals the core's {@code --scheme poisson}
 * table to the printed digits, with only the header's engine and time differing.
 */
class SparkCommandLineTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private Path data() throws IOException {
    final StringBuilder text = new StringBuilder("x,g\n");
    final java.util.SplittableRandom r = new java.util.SplittableRandom(99);
    for (int i = 0; i < 3000; i++) {
      text.append(String.format(java.util.Locale.ROOT, "%.5f", Math.exp(r.nextGaussian()))).append(",g").append(i % 4)
          .append('\n');
    }
    return Files.writeString(dir.resolve("data.csv"), text);
  }

  @Test
  void sparkTable_isTheCoresPoissonTable_toThePrintedDigits() throws IOException {
    final String file = data().toString();
    final Run spark = cli("run", file, "--engine", "spark", "--master", "local[2]", "--column", "x", "--stat", "mean",
        "--stat", "std", "--seed", "7", "-B", "999", "--ci", "percentile,basic,normal,bca");
    final Run local = cli("run", file, "--scheme", "poisson", "--column", "x", "--stat", "mean", "--stat", "std",
        "--seed", "7", "-B", "999", "--ci", "percentile,basic,normal,bca");
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(local.code()).as(local.err()).isZero();
    assertThat(body(spark.out())).isEqualTo(body(local.out()));
    assertThat(spark.out()).contains("engine = spark local[2]").contains("scheme = poisson");
  }

  @Test
  void json_namesTheEngine_andWhereFiltersApply() throws IOException {
    final String file = data().toString();
    final Run r = cli("run", file, "--engine", "spark", "--master", "local[2]", "--column", "x", "--where", "g=g1",
        "--seed", "3", "-B", "200", "--format", "json", "--ci", "percentile");
    assertThat(r.code()).as(r.err()).isZero();
    final JsonObject group = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("groups").get(0)
        .getAsJsonObject();
    assertThat(group.get("engine").getAsString()).isEqualTo("spark local[2]");
    assertThat(group.get("n").getAsLong()).isEqualTo(750);
    assertThat(group.get("scheme").getAsString()).isEqualTo("poisson");
  }

  @Test
  void groupsAndComparison_printTheCoresTables() throws IOException {
    final String file = data().toString();
    final Run spark = cli("run", file, "--engine", "spark", "--master", "local[2]", "--column", "x", "--group-by", "g",
        "--stat", "mean", "--seed", "5", "-B", "300", "--ci", "percentile");
    final Run local = cli("run", file, "--scheme", "poisson", "--column", "x", "--group-by", "g", "--stat", "mean",
        "--seed", "5", "-B", "300", "--ci", "percentile");
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(body(spark.out())).isEqualTo(body(local.out()));
    assertThat(spark.out().lines().findFirst().orElseThrow()).contains("engine = spark local[2] (every group in one pass)");
    final Run compare = cli("run", file, "--engine", "spark", "--master", "local[2]", "--column", "x", "--compare",
        "g=g1,g3", "--stat", "mean", "--seed", "5", "-B", "300", "--ci", "bca", "--format", "json");
    assertThat(compare.code()).as(compare.err()).isZero();
    final JsonObject c = JsonParser.parseString(compare.out()).getAsJsonObject().getAsJsonObject("comparison");
    assertThat(c.get("first").getAsString()).isEqualTo("g1");
    assertThat(c.get("n_second").getAsLong()).isEqualTo(750);
    assertThat(c.get("file").getAsString()).isEqualTo("data.csv");
  }

  @Test
  void blb_anyOrderStatistic_percentileByDefault_andItsSettingsByTheirFlags() throws IOException {
    final String file = data().toString();
    final Run r = cli("run", file, "--engine", "spark", "--master", "local[2]", "--method", "blb", "--column", "x",
        "--stat", "median", "--stat", "trimmed_mean(0.1)", "--blb-subsets", "4", "--blb-resamples", "50", "--seed", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("scheme = blb(s=4, b=272, r=50, gamma=0.7)").contains("percentile 95% CI")
        .doesNotContain("bca");
    final Run bad = cli("run", file, "--engine", "spark", "--method", "blb", "--column", "x", "--blb-gamma", "0.4");
    assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(bad.err()).contains("--blb-gamma 0.4 is out of range");
    final Run bca = cli("run", file, "--engine", "spark", "--method", "blb", "--column", "x", "--ci", "bca");
    assertThat(bca.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(bca.err()).contains("percentile, basic, normal");
  }

  @Test
  void timeout_duringTheBootstrapPass_exit124_oneLineOnTheProcessesStderr() throws Exception {
    // A child JVM (its whole standard error is checked: Spark prints some failures itself, outside
    // parboot's messages). B = 2,000,000 over 3,000 rows is minutes of work; the limit falls in the
    // bootstrap pass, after the session (about 4 s) and the numbering pass.
    final String file = data().toString();
    final List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-modules") || a.startsWith("-XX:+Ignore")
            || a.startsWith("--sun-misc") || a.startsWith("--enable-native") || a.startsWith("-Dio.netty"))
        .toList());
    command.addAll(List.of("-Dlog4j2.configurationFile=parboot-spark-log4j2.properties", "-cp",
        System.getProperty("java.class.path"), "org.parboot.cli.Main", "run", file, "--engine", "spark", "--master",
        "local[2]", "--column", "x", "-B", "2000000", "--ci", "percentile", "--seed", "1", "--timeout", "12s",
        "--quiet"));
    final Path err = dir.resolve("stderr.txt");
    final long start = System.nanoTime();
    final Process p = new ProcessBuilder(command).redirectError(err.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectInput(ProcessBuilder.Redirect.from(
            Files.writeString(dir.resolve("empty"), "").toFile())).start();
    try {
      assertThat(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("ended").isTrue();
    } finally {
      p.destroyForcibly();
    }
    final double seconds = (System.nanoTime() - start) / 1e9;
    final List<String> lines = Files.readAllLines(err).stream()
        .filter(l -> !l.startsWith("WARNING:")).toList(); // the JVM's own notices (incubator module, Unsafe)
    assertThat(p.exitValue()).as(String.join("\n", lines)).isEqualTo(124);
    assertThat(lines).containsExactly("parboot: stopped: the time limit passed");
    assertThat(Files.readString(dir.resolve("stdout.txt"))).isEmpty();
    assertThat(seconds).as("ended soon after the limit").isLessThan(40);
  }

  @Test
  void badCell_isOneLine_exit2() throws IOException {
    final Path bad = Files.writeString(dir.resolve("bad.csv"), "x\n1\n2\nthree\n");
    final Run r = cli("run", bad.toString(), "--engine", "spark", "--master", "local[2]", "--column", "x", "-B", "10");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err().lines().filter(l -> l.startsWith("parboot: error") || l.contains("three")).toList())
        .as(r.err()).hasSize(1);
    assertThat(r.err()).contains("bad.csv:4: column 'x': 'three' is not a number").doesNotContain("Exception");
  }

  /** The table without its header line (elapsed time, engine). */
  static List<String> body(String table) {
    return table.lines().skip(1).toList();
  }
}
