package org.parboot.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.CancelledException;
import org.parboot.InvalidInputException;
import org.parboot.InvalidSettingException;
import org.parboot.ci.IntervalMethod;
import org.parboot.exec.RunControl;
import org.parboot.io.CsvOptions;
import org.parboot.io.DataFiles;
import org.parboot.io.MissingPolicy;
import org.parboot.scheme.Scheme;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.Statistic;

/** Parquet input, Datasets numbered in their own order, errors, and cancellation. */
class SparkInputsTest {
  static SparkSession spark;
  static Path csv;
  static Path parquet;
  static final List<Statistic> STATS = List.of(StatisticSpec.parse("mean", List.of("x")).get(0),
      StatisticSpec.parse("std", List.of("x")).get(0), StatisticSpec.parse("corr(x,y)", List.of()).get(0));

  @BeforeAll
  static void data() throws IOException {
    spark = SparkSessions.local();
    final Path dir = Files.createTempDirectory("parboot-spark-inputs");
    csv = TestData.csv();
    parquet = dir.resolve("data.parquet");
    // One Parquet file with the CSV's rows in order (one partition, so one part file).
    spark.read().option("header", "true").option("inferSchema", "true").option("nullValue", "NA").csv(csv.toString()).coalesce(1)
        .write().mode(SaveMode.Overwrite).parquet(parquet.toString());
  }

  static BootstrapOptions options(int b) {
    return BootstrapOptions.builder().scheme(new Scheme.Poisson()).resamples(b).seed(3)
        .intervals(List.of(IntervalMethod.PERCENTILE, IntervalMethod.BCA)).build();
  }

  @Test
  void parquet_givesTheReplicatesOfTheCoreReadingTheSameFile() throws IOException {
    final Path part;
    try (var files = Files.list(parquet)) {
      part = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    final BootstrapResult distributed = SparkBootstrap.run(SparkInput.files(spark, List.of(parquet.toString()),
        CsvOptions.defaults()), STATS, options(100));
    final BootstrapResult local = Bootstrap.run(DataFiles.read(part, List.of("x", "y"), CsvOptions.defaults()), STATS,
        options(100));
    assertThat(distributed.n()).isEqualTo(local.n());
    for (Statistic s : STATS) {
      final double[] a = distributed.statistic(s.label()).replicates();
      final double[] b = local.statistic(s.label()).replicates();
      for (int r = 0; r < a.length; r++) {
        assertThat(a[r]).as("%s replicate %d", s.label(), r).isCloseTo(b[r], within(1e-12 * (1 + Math.abs(b[r]))));
      }
    }
  }

  @Test
  void dataset_numberedInItsOwnOrder_isTheSameCoalescedToOnePartition() {
    final var frame = spark.read().parquet(parquet.toString()).repartition(5).persist();
    try {
      final BootstrapResult five = SparkBootstrap.run(SparkInput.of(frame, "frame", CsvOptions.defaults()), STATS, options(50));
      final BootstrapResult one = SparkBootstrap.run(SparkInput.of(frame.coalesce(1), "frame", CsvOptions.defaults()),
          STATS, options(50));
      assertThat(PoissonAgreementTest.bits(one.statistic("mean(x)").replicates()))
          .isEqualTo(PoissonAgreementTest.bits(five.statistic("mean(x)").replicates()));
    } finally {
      frame.unpersist();
    }
  }

  @Test
  void badInput_isOneLineNamingWhatAndWhere() throws IOException {
    final Path bad = Files.createTempFile("parboot-bad", ".csv");
    Files.writeString(bad, "x,y\n1,2\n3,oops\n");
    assertThatThrownBy(() -> SparkBootstrap.run(SparkInput.files(spark, List.of(bad.toString()), CsvOptions.defaults()),
        STATS, options(10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(bad.getFileName().toString() + ":3: column 'y': 'oops' is not a number");
    Files.writeString(bad, "x,y\n1,2\n3,\n");
    assertThatThrownBy(() -> SparkBootstrap.run(SparkInput.files(spark, List.of(bad.toString()),
        new CsvOptions(',', MissingPolicy.ERROR, List.of())), STATS, options(10)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(":3: column 'y': missing value null");
    assertThatThrownBy(() -> SparkBootstrap.run(SparkInput.files(spark, List.of(csv.toString()), CsvOptions.defaults()),
        StatisticSpec.parse("mean", List.of("nope")), options(10)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown column 'nope'").hasMessageContaining("available: ");
    assertThatThrownBy(() -> SparkBootstrap.run(SparkInput.files(spark, List.of(csv.toString()), CsvOptions.defaults()),
        StatisticSpec.parse("median", List.of("x")), options(10)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("median(x) is not a moment statistic");
    assertThatThrownBy(() -> SparkBootstrap.check(StatisticSpec.parse("std / median", List.of("x")), options(10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("median(x) (in std / median) is not a moment statistic")
        .hasMessageContaining("expressions of them (--method blb takes the others)");
    for (String spec : List.of("geomean", "hmean", "prop(x > 0)", "2 * geomean")) {
      assertThatThrownBy(() -> SparkBootstrap.check(StatisticSpec.parse(spec, List.of("x")), options(10)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not on the Spark engine yet");
    }
    for (String spec : List.of("mad", "hmean", "median / mad(scale=normal)", "spearman(x,y)", "ols(y ~ x)")) {
      assertThatThrownBy(() -> SparkBootstrap.checkBlb(StatisticSpec.parse(spec, List.of("x")),
          BootstrapOptions.builder().intervals(List.of(IntervalMethod.PERCENTILE)).build()))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not on the Spark engine yet");
    }
    assertThatThrownBy(() -> SparkBootstrap.run(SparkInput.files(spark, List.of(csv.toString()), CsvOptions.defaults()),
        STATS, BootstrapOptions.builder().resamples(10).build()))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("accepted: poisson");
  }

  @Test
  void cancel_stopsTheRunsSparkJobs() throws Exception {
    final CountDownLatch started = new CountDownLatch(1);
    final java.util.Set<Integer> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final Object ended = new Object();
    final SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart e) {
        running.add(e.jobId()); // every job of the session: none may outlive the cancel
        if (e.properties().getProperty("spark.jobGroup.id", "").startsWith("parboot-")) {
          started.countDown();
        }
      }

      @Override
      public void onJobEnd(SparkListenerJobEnd e) {
        running.remove(e.jobId());
        synchronized (ended) {
          ended.notifyAll();
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    final ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      final RunControl control = RunControl.create();
      // B = 200,000 over the rows: minutes of work, so only a cancel ends it in time.
      final Future<BootstrapResult> run = pool.submit(() -> SparkBootstrap.run(
          SparkInput.files(spark, List.of(csv.toString()), CsvOptions.defaults()), STATS, options(200_000), control));
      assertThat(started.await(60, TimeUnit.SECONDS)).as("a job started").isTrue();
      control.cancel();
      assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
      // The run has returned, so it starts no more jobs; every one it started must end (as this
      // listener sees them: the status tracker is updated on another listener thread and may lag).
      final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      synchronized (ended) {
        while (!running.isEmpty() && System.nanoTime() < deadline) {
          ended.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
      }
      assertThat(running).as("jobs still running").isEmpty();
    } finally {
      pool.shutdownNow();
      spark.sparkContext().removeSparkListener(listener);
    }
  }
}
