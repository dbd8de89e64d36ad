package org.parboot.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The tests' data, written once per JVM: 20,000 rows of {@code arm} (A or B, B first), {@code x}
 * (normal with a skewed tail; every 997th cell {@code NA}, 21 in all) and {@code y} (x plus noise).
 */
final class TestData {
  static final int ROWS = 20_000;
  static final int MISSING = 21;

  private TestData() {}

  private static Path csv;

  /**
   * Runs {@code run} with Spark's file reader cutting {@link #csv} into {@code partitions} splits
   * (one per partition), then restores the session's defaults.
   */
  static <T> T withPartitions(org.apache.spark.sql.SparkSession spark, int partitions,
      java.util.function.Supplier<T> run) {
    final long size = csv().toFile().length();
    spark.conf().set("spark.sql.files.minPartitionNum", "1");
    spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString((size + partitions - 1) / partitions));
    spark.conf().set("spark.sql.files.openCostInBytes", "0");
    try {
      return run.get();
    } finally {
      spark.conf().unset("spark.sql.files.minPartitionNum");
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
      spark.conf().unset("spark.sql.files.openCostInBytes");
    }
  }

  static synchronized Path csv() {
    if (csv == null) {
      try {
        final Path dir = Files.createTempDirectory("parboot-spark-test");
        dir.toFile().deleteOnExit();
        final Path file = dir.resolve("data.csv");
        final SplittableRandom r = new SplittableRandom(2026);
        final StringBuilder text = new StringBuilder("arm,x,y\n");
        for (int i = 0; i < ROWS; i++) {
          final double x = 50 + 10 * r.nextGaussian() + (r.nextInt(20) == 0 ? 40 * r.nextDouble() : 0);
          final double y = 0.5 * x + 3 * r.nextGaussian() + 7;
          final String cx = i % 997 == 5 ? "NA" : String.format(Locale.ROOT, "%.4f", x);
          text.append(i % 3 == 0 ? "B" : "A").append(',').append(cx).append(',')
              .append(String.format(Locale.ROOT, "%.3f", y)).append('\n');
        }
        Files.writeString(file, text);
        file.toFile().deleteOnExit();
        csv = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return csv;
  }
}
