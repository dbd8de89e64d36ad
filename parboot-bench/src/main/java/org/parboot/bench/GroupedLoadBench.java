package org.parboot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parboot.data.Dataset;
import org.parboot.io.CsvColumns;
import org.parboot.io.CsvOptions;

/**
 * Loading a CSV split by a text column through {@link CsvColumns#readGrouped}: by default
 * 1,000,000 rows in 100,000 groups of 10 rows each, the rows of a group scattered over the file
 * (a shuffled order, seed 1), one numeric column. This is what {@code --group-by g} and
 * {@code --compare g=A,B} read before any resampling; the time must grow linearly with the rows,
 * not with rows × groups.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GroupedLoadBench {

  @Param({"1000000"})
  public int rows;

  @Param({"100000"})
  public int groups;

  private Path file;

  @Setup
  public void setUp() throws IOException {
    final int[] group = new int[rows];
    for (int i = 0; i < rows; i++) {
      group[i] = i % groups;
    }
    final SplittableRandom r = new SplittableRandom(1);
    for (int i = rows - 1; i > 0; i--) {
      final int j = r.nextInt(i + 1);
      final int t = group[i];
      group[i] = group[j];
      group[j] = t;
    }
    file = Files.createTempFile("parboot-bench-grouped", ".csv");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("g,x\n");
      for (int i = 0; i < rows; i++) {
        w.write("g" + group[i] + "," + Double.toString(10 - 3 * Math.log(1 - r.nextDouble())) + "\n");
      }
    }
  }

  @TearDown
  public void tearDown() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public Map<String, Dataset> readGrouped() {
    final Map<String, Dataset> out = CsvColumns.readGrouped(file, "g", List.of("x"), CsvOptions.defaults());
    if (out.size() != groups) {
      throw new IllegalStateException(out.size() + " groups, expected " + groups);
    }
    return out;
  }
}
