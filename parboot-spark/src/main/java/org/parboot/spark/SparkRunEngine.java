package org.parboot.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.parboot.BootstrapResult;
import org.parboot.cli.DistributedEngine;
import org.parboot.exec.RunControl;

/**
 * {@code parboot run --engine spark}: a Spark session on the {@code --master} given (else the one
 * spark-submit set, else {@code local[*]}), the FILEs read by Spark ({@link SparkInput#files}), the
 * run ({@link SparkBootstrap}), the session stopped.
 */
public final class SparkRunEngine implements DistributedEngine {

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public BootstrapResult run(Request request, RunControl control) {
    SparkBootstrap.check(request.statistics(), request.options());
    final SparkSession.Builder builder = SparkSession.builder().appName("parboot run")
        .config("spark.ui.showConsoleProgress", "false");
    if (request.master() != null) {
      builder.master(request.master());
    } else if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    final SparkSession spark = builder.getOrCreate();
    try {
      final SparkInput input = SparkInput.files(spark, request.files(), request.csv());
      return SparkBootstrap.run(input, request.statistics(), request.options(), control);
    } finally {
      spark.stop();
    }
  }
}
