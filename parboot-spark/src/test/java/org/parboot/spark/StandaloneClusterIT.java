package org.parboot.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parboot.cli.Main;

/**
 * A real cluster: a Spark standalone master and two workers (one core each) started from the
 * Spark jars Maven resolved (a "Spark home" that is only a jars/ folder), on 127.0.0.1 with free
 * ports; the cluster jar submitted to it as the README's recipe does ({@code SparkSubmit}, what
 * {@code bin/spark-submit} runs), its input cut into 7 splits so both executors read some; its table
 * must be the one a local[2] run prints, digit for digit (the replicates are the same bits whatever
 * the cluster and the partitioning). Master and workers are stopped (SIGTERM) at the end.
 */
class StandaloneClusterIT {
  static final Path TARGET = Path.of(System.getProperty("parboot.spark.target", "target"));
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  static final Duration START = Duration.ofSeconds(90);

  static Path home;
  static Path logs;
  static Process master;
  static final List<Process> workers = new ArrayList<>();
  static int port;

  @BeforeAll
  static void cluster() throws Exception {
    home = Files.createTempDirectory("parboot-spark-home");
    logs = Files.createDirectories(home.resolve("logs"));
    final Path jars = Files.createDirectories(home.resolve("jars"));
    for (String jar : Files.readString(TARGET.resolve("spark-jars.txt")).strip().split(java.io.File.pathSeparator)) {
      final Path p = Path.of(jar);
      Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
    }
    port = freePort();
    master = daemon("master", List.of("-Dspark.master.rest.enabled=false", "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
    awaitLog("master", "I have been elected leader");
    for (int w = 0; w < 2; w++) {
      workers.add(daemon("worker" + w, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port",
          "0", "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir",
          Files.createDirectories(home.resolve("work" + w)).toString(), "spark://127.0.0.1:" + port)));
    }
    for (int w = 0; w < 2; w++) {
      awaitLog("worker" + w, "Successfully registered with master");
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    final List<Process> all = new ArrayList<>(workers);
    all.add(master);
    for (Process p : all) {
      if (p != null) {
        p.destroy(); // SIGTERM: each exits within a second, a worker ending its executors first
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
    for (Process w : workers) {
      assertThat(w.descendants().filter(ProcessHandle::isAlive).count()).as("executors left").isZero();
    }
    if (home != null) {
      try (var files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary folder left behind is not a failure
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The JVM options Spark needs on JDK 21+ (the POM's list, as bin/spark.sh reads it). */
  static List<String> opens() throws IOException {
    return Arrays.asList(Files.readString(TARGET.resolve("jvm-options.txt")).strip().split("\\s+"));
  }

  static ProcessBuilder java(List<String> jvm, List<String> args) throws IOException {
    final List<String> command = new ArrayList<>(List.of(JAVA));
    command.addAll(opens());
    command.addAll(jvm);
    command.addAll(List.of("-cp", home.resolve("jars") + "/*"));
    command.addAll(args);
    final ProcessBuilder pb = new ProcessBuilder(command);
    final Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return pb;
  }

  static Process daemon(String name, List<String> args) throws IOException {
    return java(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), args)
        .redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile()).start();
  }

  /** Waits for a line in a daemon's log (an external process: its log is the only signal it gives). */
  static void awaitLog(String name, String line) throws Exception {
    final Path log = logs.resolve(name + ".log");
    final long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " did not log '" + line + "' within " + START + ":\n" + Files.readString(log));
  }

  @Test
  void submittedRun_printsTheLocalTable() throws Exception {
    final Path data = TestData.csv();
    final List<String> run = List.of("run", data.toString(), "--engine", "spark", "--column", "x", "--stat", "mean",
        "--stat", "std", "--stat", "corr(x,y)", "--seed", "7", "-B", "400", "--ci", "percentile,bca");
    final Path jar = TARGET.resolve("parboot-spark-" + System.getProperty("parboot.version", "0.1.0") + "-cluster.jar");
    final List<String> submit = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit",
        "--master", "spark://127.0.0.1:" + port, "--deploy-mode", "client",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.executor.memory=512m", "--conf", "spark.cores.max=2", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.files.maxPartitionBytes=" + (Files.size(data) / 7 + 1),
        "--conf", "spark.sql.files.openCostInBytes=0",
        "--class", "org.parboot.cli.Main", jar.toString()));
    submit.addAll(run);
    final Path out = logs.resolve("submit.out");
    final Path err = logs.resolve("submit.err");
    final Process driver = java(List.of("-Xmx512m"), submit).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    try {
      assertThat(driver.waitFor(150, TimeUnit.SECONDS)).as("the submitted run ended").isTrue();
    } finally {
      driver.destroyForcibly();
    }
    assertThat(driver.exitValue()).as(Files.readString(err)).isZero();

    final List<String> local = new ArrayList<>(run);
    local.addAll(List.of("--master", "local[2]"));
    final StringWriter text = new StringWriter();
    final int code = Main.execute(local.toArray(String[]::new), new PrintWriter(text, true), new PrintWriter(new StringWriter(), true));
    assertThat(code).isZero();
    final String cluster = Files.readString(out);
    assertThat(cluster.lines().findFirst().orElseThrow()).contains("engine = spark spark://127.0.0.1:" + port);
    assertThat(cluster.lines().skip(1).toList()).isEqualTo(text.toString().lines().skip(1).toList());
    for (int w = 0; w < 2; w++) {
      assertThat(Files.readString(logs.resolve("worker" + w + ".log"))).as("worker %d", w)
          .contains("Asked to launch executor");
      final StringBuilder executorLogs = new StringBuilder();
      try (var files = Files.walk(home.resolve("work" + w))) {
        for (Path p : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
          executorLogs.append(Files.readString(p));
        }
      }
      assertThat(executorLogs).as("worker %d's executor ran tasks", w).contains("Running task");
    }
  }
}
