package org.parboot.spark;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Writes the scale benchmark's data with Spark (bench/spark-scale.sh): N rows of one column
 * {@code x = 50 + 10 z}, z standard normal from Spark's {@code randn(seed)}, as Parquet in
 * {@code PARTS} part files. Usage: {@code ScaleData OUT N [PARTS]}.
 */
public final class ScaleData {
  private ScaleData() {}

  public static void main(String[] args) {
    final String out = args[0];
    final long n = Long.parseLong(args[1]);
    final int parts = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    final SparkSession spark = SparkSession.builder().master("local[2]").appName("parboot scale data")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      spark.range(0, n, 1, parts)
          .select(functions.randn(20261129L).multiply(10).plus(50).alias("x"))
          .write().mode(SaveMode.ErrorIfExists).parquet(out);
    } finally {
      spark.stop();
    }
  }
}
