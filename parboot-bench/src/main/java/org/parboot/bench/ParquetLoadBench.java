package org.parboot.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parboot.data.Dataset;
import org.parboot.io.CsvColumns;
import org.parboot.io.CsvOptions;
import org.parboot.io.ParquetColumns;

/**
 * Loading one DOUBLE column of the same rows from CSV and from Parquet (Snappy): the files that
 * {@code bench/make-load-data.mjs} writes into {@code dir} (10,000,000 rows by default), named
 * with {@code -p dir=...}. Each iteration is one whole load, as a {@code parboot run} does it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
public class ParquetLoadBench {

  @Param("/tmp/load")
  public String dir;

  @Benchmark
  public Dataset csv() {
    return CsvColumns.read(Path.of(dir, "x.csv"), List.of("x"), CsvOptions.defaults());
  }

  @Benchmark
  public Dataset parquet() {
    return ParquetColumns.read(Path.of(dir, "x.parquet"), List.of("x"), CsvOptions.defaults());
  }
}
