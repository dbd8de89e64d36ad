package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --extend REPLICATES} and {@code parboot ci REPLICATES}: saved replicates continued to a
 * larger B give the direct run's file and results byte for byte; intervals recomputed from a
 * file are the run's own; a file from another run is refused naming what differs.
 */
class ExtendAndCiCommandTest {
  @TempDir
  Path dir;

  private static final List<String> RUN = List.of("run", "--where", "location=Seattle", "-c", "temp_max", "--stat",
      "mean", "--stat", "std/mean", "--stat", "quantile(0.9)", "--seed", "7", "-q");

  private static CliRun cli(List<String> base, String... more) {
    final List<String> args = new ArrayList<>(base);
    args.addAll(List.of(more));
    final CliRun r = CliRun.of(args.toArray(String[]::new));
    return r;
  }

  private static CliRun ok(List<String> base, String... more) {
    final CliRun r = cli(base, more);
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  @Test
  void extendedRun_isTheDirectRunByteForByte() throws IOException {
    final Path small = dir.resolve("small.csv");
    final Path extended = dir.resolve("extended.csv");
    final Path direct = dir.resolve("direct.csv");
    ok(RUN, "-B", "1000", "--replicates", small.toString(), "--ci", "percentile,bca");
    final CliRun e = ok(RUN, "-B", "2500", "--extend", small.toString(), "--replicates", extended.toString(), "--ci",
        "percentile,bca", "--format", "csv");
    final CliRun d = ok(RUN, "-B", "2500", "--replicates", direct.toString(), "--ci", "percentile,bca", "--format", "csv");
    assertThat(Files.readString(extended)).isEqualTo(Files.readString(direct));
    assertThat(e.out()).isEqualTo(d.out());
    assertThat(Files.readString(direct)).startsWith("# parboot replicates {\"format\":1,\"data\":\"sha256:")
        .contains("\"seed\":7").contains("\"resamples\":2500");
  }

  @Test
  void ci_fromAFile_givesTheRunsOwnIntervals() throws IOException {
    final Path reps = dir.resolve("reps.csv");
    final CliRun run = ok(RUN, "-B", "3000", "--replicates", reps.toString(), "--ci", "percentile,basic,normal,bca",
        "--level", "0.9", "--format", "csv");
    final CliRun ci = ok(List.of("ci", reps.toString(), "--ci", "percentile,basic,normal,bca", "--level", "0.9",
        "--where", "location=Seattle", "--format", "csv", "-q"));
    assertThat(ci.out()).isEqualTo(run.out());
    final CliRun table = ok(List.of("ci", reps.toString(), "--ci", "percentile", "--alternative", "greater", "--null",
        "16"));
    assertThat(table.out()).contains("engine = replicates " + reps).contains("percentile p-value");
  }

  @Test
  void misuse_oneLine_exit2() throws IOException {
    final Path reps = dir.resolve("reps.csv");
    ok(RUN, "-B", "500", "--replicates", reps.toString());
    final Path other = Files.writeString(dir.resolve("other.csv"), "x\n1\n2\n");
    final List<List<String>> cases = List.of(
        concat(RUN, "-B", "900", "--extend", reps.toString(), "--seed", "8"),
        concat(RUN, "-B", "400", "--extend", reps.toString()),
        concat(RUN, "-B", "900", "--extend", reps.toString(), "--replicates", reps.toString()),
        List.of("run", "--where", "location=Seattle", "-c", "temp_max", "--stat", "median", "--seed", "7", "-B", "900",
            "--extend", reps.toString(), "-q"),
        List.of("ci", reps.toString(), "--ci", "bca", "-q"),
        List.of("ci", reps.toString(), "--ci", "studentized", "-q"),
        List.of("ci", other.toString(), "-q"));
    final List<String> messages = List.of("the saved replicates were made by another run: seed: the file's 7, this run's 8",
        "--resamples 400 is not more than the 500 saved resamples",
        "would overwrite the input",
        "statistics: the file's mean(temp_max), std / mean, quantile(temp_max, 0.9), this run's median(temp_max)",
        "--ci bca needs the jackknife of the data the replicates were made from",
        "--ci studentized needs each resample's standard error",
        "line 1 is not parboot's replicates fingerprint");
    for (int i = 0; i < cases.size(); i++) {
      final CliRun r = CliRun.of(cases.get(i).toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", cases.get(i))).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", cases.get(i))).contains(messages.get(i));
      assertThat(r.err().strip().lines()).hasSize(1);
    }
  }

  private static List<String> concat(List<String> a, String... b) {
    final List<String> out = new ArrayList<>(a);
    out.addAll(List.of(b));
    return out;
  }
}
