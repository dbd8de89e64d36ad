package org.parboot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parboot.data.Dataset;
import org.parboot.io.CsvColumns;
import org.parboot.io.CsvOptions;

/**
 * Loading a 1,000,000-row single-column CSV through {@link CsvColumns#read}. No warm-up: the
 * first iteration of each fork is the load a fresh {@code parboot run} sees.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 6)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
public class CsvBench {

  private Path file;

  @Setup
  public void setUp() throws IOException {
    file = Files.createTempFile("parboot-bench", ".csv");
    final SplittableRandom r = new SplittableRandom(1);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("x\n");
      for (int i = 0; i < 1_000_000; i++) {
        w.write(Double.toString(10 - 3 * Math.log(1 - r.nextDouble())));
        w.write('\n');
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
  public Dataset read() {
    return CsvColumns.read(file, List.of("x"), CsvOptions.defaults());
  }
}
