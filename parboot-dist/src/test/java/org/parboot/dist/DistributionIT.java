package org.parboot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives as a user gets them: unpacked into a folder of their own, parboot put on
 * PATH as a symbolic link in another folder, and run from a third, with a PATH that holds only
 * the everyday tools the scripts use (no Maven, and no Java for the runtime archive).
 */
class DistributionIT {
  private static final Path ROOT = Path.of(System.getProperty("parboot.root"));
  private static final String VERSION = System.getProperty("parboot.version");

  @TempDir
  Path dir;

  private Path tools;
  private Path work;

  @BeforeEach
  void setUp() throws IOException {
    tools = Files.createDirectories(dir.resolve("tools"));
    for (String t : List.of("bash", "sh", "dirname", "readlink", "cat", "cksum", "cut", "mkdir", "rm", "mv", "touch",
        "id", "ls", "sed", "sort", "head", "tr", "grep", "fc-list", "uname", "stty", "tput")) {
      final Path real = Path.of("/usr/bin", t).toFile().exists() ? Path.of("/usr/bin", t) : Path.of("/bin", t);
      if (real.toFile().exists()) {
        // a one-line script, not a link: JUnit warns about links out of a temporary folder
        Files.writeString(tools.resolve(t), "#!/bin/sh\nexec " + real + " \"$@\"\n");
        tools.resolve(t).toFile().setExecutable(true);
      }
    }
    work = Files.createDirectories(dir.resolve("work"));
    Files.copy(ROOT.resolve("parboot-io/src/test/resources/org/parboot/io/parquet/part-1.parquet"),
        work.resolve("data.parquet"));
  }

  /** Unpacks a tar.gz with tar (file modes kept) into dir/install and links bin/parboot from dir/on-path. */
  private Path install(Path archive) throws IOException, InterruptedException {
    final Path into = Files.createDirectories(dir.resolve("install"));
    final Processes.Result untar = Processes.run(into, null, List.of("tar", "xzf", archive.toString()), 60);
    assertThat(untar.code()).as(untar.output()).isZero();
    final Path home = into.resolve("parboot-" + VERSION);
    final Path onPath = Files.createDirectories(dir.resolve("on-path"));
    Files.createSymbolicLink(onPath.resolve("parboot"), home.resolve("bin/parboot"));
    return home;
  }

  private Processes.Result parboot(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
    final Map<String, String> env = new HashMap<>();
    env.put("PATH", dir.resolve("on-path") + ":" + tools);
    env.put("HOME", dir.toString());
    env.put("LANG", "C.UTF-8");
    env.putAll(extraEnv);
    // looked up on PATH, as a user types it
    final List<String> command = new ArrayList<>(List.of(tools.resolve("bash").toString(), "-c", "exec parboot \"$@\"", "bash"));
    command.addAll(List.of(args));
    return Processes.run(work, env, command, 300);
  }

  @Test
  void binArchive_unpackedAndLinkedOnPath_runsParquetDemoAndVersionFromAnotherFolder() throws Exception {
    final Path home = install(Path.of(System.getProperty("parboot.archive")));
    assertThat(tools.resolve("mvn")).doesNotExist();
    final Map<String, String> jdk = Map.of("JAVA_HOME", System.getProperty("java.home"));

    final Processes.Result run = parboot(jdk, "run", "data.parquet", "--column", "x", "--stat", "median", "-B", "200",
        "--seed", "1", "-q");
    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^median\\(x\\) +624\\.75 ");

    final Processes.Result demo = parboot(jdk, "demo", "-B", "400", "--runs", "1", "--warmups", "0", "--output", "demo-out");
    assertThat(demo.code()).as(demo.output()).isZero();
    assertThat(work.resolve("demo-out/report.html")).isNotEmptyFile();
    assertThat(work.resolve("demo-out/summary.json")).isNotEmptyFile();

    final Processes.Result version = parboot(jdk, "--version");
    assertThat(version.code()).as(version.output()).isZero();
    assertThat(version.output()).startsWith("parboot " + VERSION + " (commit ");

    assertThat(home.resolve("LICENSE")).isNotEmptyFile();
    assertThat(home.resolve("NOTICE")).isNotEmptyFile();
    assertThat(home.resolve("share/man/man1/parboot-run.1")).content().contains(".TH \"PARBOOT\\-RUN\" \"1\"");
    assertThat(home.resolve("share/bash-completion/completions/parboot")).content().contains("complete -F");
  }

  @Test
  void runtimeArchive_noJavaAnywhere_runsOnItsOwnRuntime() throws Exception {
    install(Path.of(System.getProperty("parboot.archive.runtime")));
    final Processes.Result run = parboot(Map.of("PARBOOT_JVM_DIR", dir.resolve("no-jdks").toString(),
        "SDKMAN_DIR", dir.resolve("no-sdkman").toString()), "run", "data.parquet", "--column", "x", "--stat", "median",
        "-B", "200", "--seed", "1", "-q");
    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^median\\(x\\) +624\\.75 ");
  }

  /**
   * The runtime has the Vector API, so the launcher gives it to the JVM where SIMD is asked for
   * (PARBOOT_VECTOR=auto: --version, --simd always): the SIMD kernels are there, and the JVM's
   * incubator notice never reaches the user. An error is one
   * line, complete in a file the moment the command has returned (parboot waits for the relay
   * that drops the notice); the exit code is parboot's.
   */
  @Test
  void runtimeArchive_vectorApiByDefault_noIncubatorNotice_errorOneCompleteLine() throws Exception {
    install(Path.of(System.getProperty("parboot.archive.runtime")));
    final Map<String, String> noJava = Map.of("PARBOOT_JVM_DIR", dir.resolve("no-jdks").toString(),
        "SDKMAN_DIR", dir.resolve("no-sdkman").toString());
    final Processes.Result version = parboot(noJava, "--version");
    assertThat(version.code()).as(version.output()).isZero();
    assertThat(version.output()).contains("index draw vector (").doesNotContain("WARNING");
    final Processes.Result run = parboot(noJava, "run", "data.parquet", "--column", "x", "--stat", "median",
        "-B", "200", "--seed", "1", "-q", "--simd", "always");
    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^median\\(x\\) +624\\.75 ").doesNotContain("WARNING");
    // Standard error to a file, read as soon as the command has returned, ten times over.
    final Map<String, String> env = new HashMap<>(noJava);
    env.put("PATH", dir.resolve("on-path") + ":" + tools);
    env.put("HOME", dir.toString());
    final Processes.Result errors = Processes.run(work, env, List.of(tools.resolve("bash").toString(), "-c",
        "for i in 1 2 3 4 5 6 7 8 9 10; do parboot run data.parquet --column nope --simd always 2>err.txt; "
            + "echo \"code $?\"; "
            + "cat err.txt; done"), 300);
    final String line = "parboot: data.parquet: unknown column 'nope'";
    assertThat(errors.output().lines().filter(l -> l.startsWith("code ")).distinct().toList()).containsExactly("code 2");
    assertThat(errors.output().lines().filter(l -> !l.startsWith("code ")).toList()).hasSize(10)
        .allMatch(l -> l.startsWith(line) && l.contains("available: x"), "one complete line: " + line + "...");
  }

  @Test
  void binArchive_noJavaFound_oneMessageSayingWhereItLooked() throws Exception {
    install(Path.of(System.getProperty("parboot.archive")));
    final Processes.Result run = parboot(Map.of("PARBOOT_JVM_DIR", dir.resolve("no-jdks").toString(),
        "SDKMAN_DIR", dir.resolve("no-sdkman").toString()), "run");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.output()).startsWith("parboot: no Java 21 or newer found.");
  }

  @Test
  void binArchive_parbootJar_holdsOnlyParbootClassesWithPicocliRelocated() throws Exception {
    final Path home = install(Path.of(System.getProperty("parboot.archive")));
    final List<String> entries;
    try (ZipFile jar = new ZipFile(home.resolve("lib/parboot.jar").toFile())) {
      entries = jar.stream().map(e -> e.getName()).filter(n -> !n.endsWith("/")).toList();
    }
    assertThat(entries).allMatch(n -> n.startsWith("org/parboot/") || n.startsWith("META-INF/"));
    assertThat(entries).noneMatch(n -> n.startsWith("picocli/"))
        .anyMatch(n -> n.startsWith("org/parboot/shaded/picocli/CommandLine"));
    // third-party code stays in its own jars beside it
    assertThat(home.resolve("lib")).isDirectoryContaining("glob:**/hardwood-core-*.jar")
        .isDirectoryContaining("glob:**/fastcsv-*.jar");
  }

  @Test
  void zipArchive_sameFilesAsTheTarGz() throws Exception {
    final Processes.Result list = Processes.run(dir, null,
        List.of("tar", "tzf", System.getProperty("parboot.archive")), 60);
    assertThat(list.code()).as(list.output()).isZero();
    final TreeSet<String> tar = new TreeSet<>(list.output().lines().filter(l -> !l.endsWith("/")).toList());
    final TreeSet<String> zip = new TreeSet<>();
    try (ZipFile z = new ZipFile(System.getProperty("parboot.archive.zip"))) {
      z.stream().filter(e -> !e.isDirectory()).forEach(e -> zip.add(e.getName()));
    }
    assertThat(zip).isEqualTo(tar).contains("parboot-" + VERSION + "/bin/parboot", "parboot-" + VERSION + "/lib/parboot.jar");
  }
}
