package org.parboot.spark;

import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.parboot.BootstrapResult;
import org.parboot.TwoSampleResult;
import org.parboot.batch.BatchResult;
import org.parboot.cli.DistributedEngine;
import org.parboot.exec.RunControl;

/**
 * {@code parboot run --engine spark}: what is wrong with the request is refused before Spark
 * starts; then a Spark session on the {@code --master} given (else the one spark-submit set, else
 * {@code local[*]}), the FILEs read by Spark ({@link SparkInput#files}, named as a local run names
 * them), the run ({@link SparkBootstrap}), and the session stopped.
 */
public final class SparkRunEngine implements DistributedEngine {

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public BootstrapResult run(Request request, RunControl control) {
    if (request.blb() != null) {
      final BlbOptions blb = new BlbOptions(request.blb().subsets(), request.blb().gamma(), request.blb().resamples());
      SparkBootstrap.checkBlb(request.statistics(), request.options());
      return withInput(request, input -> SparkBootstrap.runBlb(input, request.statistics(), request.options(), blb,
          control));
    }
    SparkBootstrap.check(request.statistics(), request.options());
    return withInput(request, input -> SparkBootstrap.run(input, request.statistics(), request.options(), control));
  }

  @Override
  public BatchResult runGrouped(Request request, String groupBy, RunControl control) {
    SparkBootstrap.check(request.statistics(), request.options());
    return withInput(request, input -> SparkBootstrap.runGrouped(input, groupBy, request.statistics(), request.options(),
        control));
  }

  @Override
  public TwoSampleResult compare(Request request, String column, String first, String second, RunControl control) {
    SparkBootstrap.check(request.statistics(), request.options());
    return withInput(request, input -> SparkBootstrap.compare(input, column, first, second, request.statistics(),
        request.options(), control));
  }

  private static <T> T withInput(Request request, Function<SparkInput, T> run) {
    final SparkSession.Builder builder = SparkSession.builder().appName("parboot run")
        .config("spark.ui.showConsoleProgress", "false");
    if (request.master() != null) {
      builder.master(request.master());
    } else if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    final SparkSession spark = builder.getOrCreate();
    try {
      return run.apply(SparkInput.files(spark, request.files(), request.csv()).named(request.name()));
    } finally {
      spark.stop();
    }
  }
}
