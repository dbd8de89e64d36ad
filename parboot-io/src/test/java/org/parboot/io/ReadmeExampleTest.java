package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/** The README's Java API example, verbatim between the markers, compiled and run. */
class ReadmeExampleTest {

  @TempDir
  Path dir;

  @Test
  void readmeJavaApiExample_compilesAndRuns() throws IOException {
    Files.writeString(dir.resolve("data.csv"), "x\n3.1\n4.7\n2.2\n5.9\n4.4\n3.3\n6.1\n2.8\n");
    final String cwd = dir.toString();
    // --- README: Java API ---
    Dataset data = CsvColumns.read(Path.of(cwd, "data.csv"), List.of("x"), CsvOptions.defaults()); // parboot-io
    BootstrapOptions options = BootstrapOptions.builder()
        .resamples(9999).seed(42)
        .executor(ExecutorKind.FORKJOIN).threads(8)
        .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA)
        .build();
    BootstrapResult result = Bootstrap.run(data,
        List.of(MomentStatistic.mean("x"), OrderStatistic.quantile("x", 0.9),
                Statistic.custom("range", "x", v -> Arrays.stream(v).max().orElseThrow() - Arrays.stream(v).min().orElseThrow())),
        options);
    StatisticResult mean = result.statistics().get(0);
    mean.standardError(); mean.bias(); mean.intervals(); mean.replicates();
    // ---
    assertThat(mean.intervals()).hasSize(2);
    assertThat(result.statistics().get(2).observed()).isEqualTo(6.1 - 2.2);
    assertThat(mean.replicates()).hasSize(9999);
  }
}
