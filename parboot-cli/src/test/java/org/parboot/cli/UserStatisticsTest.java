package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --stat-class}, {@code --classpath} and {@code --stat-source}: a user's Java statistic run
 * from the command line, compiled at run time or loaded compiled, giving the same replicates as
 * the built-in statistic it recomputes; and every way it can be wrong refused with one line and
 * exit code 2.
 */
class UserStatisticsTest {
  @TempDir
  Path dir;

  /** The mean, recomputed by the user's class: its replicates must be the built-in mean's to rounding. */
  private static final String MEAN = """
      package com.acme;

      public class PlainMean implements java.util.function.ToDoubleFunction<double[]> {
        @Override
        public double applyAsDouble(double[] x) {
          double s = 0;
          for (double v : x) {
            s += v;
          }
          return s / x.length;
        }
      }
      """;

  private static final String SPREAD = """
      import org.parboot.stat.CustomStatistic;

      public class MeanGap implements CustomStatistic.SampleFunction {
        @Override
        public double apply(double[][] columns) {
          double a = 0;
          double b = 0;
          for (int i = 0; i < columns[0].length; i++) {
            a += columns[0][i];
            b += columns[1][i];
          }
          return (a - b) / columns[0].length;
        }
      }
      """;

  private Path source(String name, String text) throws IOException {
    final Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static JsonObject stat(CliRun r, int i) {
    return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("groups").get(0).getAsJsonObject()
        .getAsJsonArray("statistics").get(i).getAsJsonObject();
  }

  @Test
  void statSource_compiledAtRunTime_isTheStatisticItComputes() throws IOException {
    final Path mean = source("PlainMean.java", MEAN);
    final Path gap = source("MeanGap.java", SPREAD);
    final CliRun r = CliRun.of("run", "--stat", "mean", "--stat", "mean_diff(temp_max,temp_min)", "--stat-source",
        mean.toString(), "--stat-source", gap.toString(), "--column", "temp_max", "--column", "temp_min", "--seed", "3",
        "-B", "500", "--ci", "percentile", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    // mean(temp_max), mean(temp_min), mean_diff, PlainMean(temp_max), PlainMean(temp_min), MeanGap(temp_max, temp_min)
    assertThat(stat(r, 3).get("label").getAsString()).isEqualTo("PlainMean(temp_max)");
    assertThat(stat(r, 5).get("label").getAsString()).isEqualTo("MeanGap(temp_max, temp_min)");
    for (int[] pair : new int[][] {{0, 3}, {1, 4}, {2, 5}}) {
      final double builtIn = stat(r, pair[0]).get("std_error").getAsDouble();
      assertThat(stat(r, pair[1]).get("std_error").getAsDouble()).isCloseTo(builtIn,
          org.assertj.core.api.Assertions.within(1e-9 * builtIn));
    }
  }

  @Test
  void statClass_fromClasspath_runs() throws IOException {
    final Path classes = Files.createDirectories(dir.resolve("classes"));
    final Path src = source("PlainMean.java", MEAN);
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()))
        .isZero();
    final CliRun r = CliRun.of("run", "--stat-class", "com.acme.PlainMean", "--classpath", classes.toString(),
        "--seed", "3", "-B", "200", "--ci", "percentile");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("PlainMean(temp_max)");
  }

  @Test
  void statSource_withoutACompiler_saysSoAndHowToDoWithout() throws IOException {
    final Path mean = source("PlainMean.java", MEAN);
    final var saved = SourceCompiler.compiler;
    SourceCompiler.compiler = () -> null;
    try {
      final CliRun r = CliRun.of("run", "--stat-source", mean.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err().strip()).startsWith("parboot: --stat-source '" + mean + "': this Java runtime has no compiler")
          .contains("--stat-class NAME --classpath DIR").doesNotContain("\n");
    } finally {
      SourceCompiler.compiler = saved;
    }
  }

  @Test
  void badUserCode_refusedWithOneLineAndExitTwo() throws IOException {
    final Path broken = source("Broken.java", "public class Broken implements java.util.function.ToDoubleFunction<double[]> {\n"
        + "  public double applyAsDouble(double[] x) { return x[0] }\n}\n");
    final Path notStat = source("NotStat.java", "public class NotStat { }\n");
    final Path noCtor = source("NoCtor.java", "public class NoCtor implements java.util.function.ToDoubleFunction<double[]> {\n"
        + "  public NoCtor(int a) { }\n  public double applyAsDouble(double[] x) { return 0; }\n}\n");
    for (List<String> c : List.of(
        List.of("--stat-source", broken.toString(), "Broken.java':2:56: ';' expected"),
        List.of("--stat-source", notStat.toString(), "NotStat implements neither ToDoubleFunction<double[]>"),
        List.of("--stat-source", noCtor.toString(), "NoCtor has no public no-argument constructor"),
        List.of("--stat-source", dir.resolve("Missing.java").toString(), "Missing.java': no such file"),
        List.of("--stat-class", "com.acme.Nope", "--stat-class 'com.acme.Nope': no such class on the class path"),
        List.of("--stat-class", "java.lang.String", "java.lang.String implements neither"),
        List.of("--classpath", dir.resolve("none.jar").toString(), "--classpath is given without --stat-class"))) {
      final CliRun r = CliRun.of("run", c.get(0), c.get(1));
      assertThat(r.code()).as(c.toString()).isEqualTo(2);
      assertThat(r.err()).as(c.toString()).contains(c.get(2)).doesNotContain("\tat ");
      assertThat(r.err().strip().lines().filter(l -> l.startsWith("parboot: --") || l.startsWith("parboot: " + c.get(0))))
          .as(r.err()).hasSize(1);
    }
    final CliRun r = CliRun.of("run", "--stat-class", "X", "--classpath", dir.resolve("none.jar").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--classpath '" + dir.resolve("none.jar") + "': no such file or directory");
  }
}
