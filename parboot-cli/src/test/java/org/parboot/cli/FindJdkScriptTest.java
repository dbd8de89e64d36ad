package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/find-jdk.sh, which ./parboot, ./mvnw and .ci/run source: it must pick a JDK >= 21 from
 * JAVA_HOME, PATH or the JDK directory, and say clearly when there is none. Fake JDK homes (a
 * release file and stub binaries) stand in for real ones; PATH holds only the tools the script
 * uses, so no real java is seen.
 */
class FindJdkScriptTest {

  @TempDir
  Path dir;

  private static final Path SCRIPT = Path.of("..", "bin", "find-jdk.sh").toAbsolutePath().normalize();

  record Result(int code, String out, String err) {}

  private Result find(String javaHome, Path jvmDir) throws IOException, InterruptedException {
    return find(javaHome, jvmDir, dir.resolve("no-sdkman"), dir.resolve("no-java_home"));
  }

  private Result find(String javaHome, Path jvmDir, Path sdkmanDir, Path macosJavaHome)
      throws IOException, InterruptedException {
    final Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String t : List.of("ls", "sed", "sort", "readlink", "head")) {
      final Path link = tools.resolve(t);
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, Path.of("/usr/bin", t).toFile().exists() ? Path.of("/usr/bin", t) : Path.of("/bin", t));
      }
    }
    final ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c",
        ". \"$0\" && parboot_find_jdk && echo \"$PARBOOT_JAVA_HOME\"", SCRIPT.toString());
    pb.environment().put("PATH", tools.toString());
    pb.environment().put("PARBOOT_JVM_DIR", jvmDir.toString());
    pb.environment().put("SDKMAN_DIR", sdkmanDir.toString());
    pb.environment().put("PARBOOT_MACOS_JAVA_HOME", macosJavaHome.toString());
    if (javaHome == null) {
      pb.environment().remove("JAVA_HOME");
    } else {
      pb.environment().put("JAVA_HOME", javaHome);
    }
    final Process p = pb.start();
    final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out, err);
  }

  private Path fakeJdk(Path parent, String name, String version) throws IOException {
    final Path home = Files.createDirectories(parent.resolve(name).resolve("bin")).getParent();
    for (String tool : List.of("java", "javac")) {
      final Path bin = home.resolve("bin").resolve(tool);
      Files.writeString(bin, "#!/bin/sh\nexit 0\n");
      Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  @Test
  void findJdk_noneAtLeast21_exitsOneNamingWhereItLooked() throws Exception {
    final Path jvms = Files.createDirectories(dir.resolve("jvm"));
    fakeJdk(jvms, "jdk-17", "17.0.15");
    final Result r = find(fakeJdk(dir, "home17", "17.0.2").toString(), jvms);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no JDK 21 or newer found").contains("JAVA_HOME").contains(jvms.toString())
        .contains("install one");
  }

  @Test
  void findJdk_javaHomeTooOld_fallsBackToTheNewestJdkInTheDirectory() throws Exception {
    final Path jvms = Files.createDirectories(dir.resolve("jvm"));
    fakeJdk(jvms, "jdk-21", "21.0.4");
    final Path newest = fakeJdk(jvms, "jdk-25", "25.0.3");
    final Result r = find(fakeJdk(dir, "home17", "17.0.2").toString(), jvms);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(newest.toString());
  }

  @Test
  void findJdk_javaHome21_isChosenFirst() throws Exception {
    final Path jvms = Files.createDirectories(dir.resolve("jvm"));
    fakeJdk(jvms, "jdk-25", "25.0.3");
    final Path home = fakeJdk(dir, "home21", "21.0.1");
    final Result r = find(home.toString(), jvms);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(home.toString());
  }

  @Test
  void findJdk_sdkmanJdk21_isChosenBeforeTheJdkDirectory() throws Exception {
    final Path jvms = Files.createDirectories(dir.resolve("jvm"));
    fakeJdk(jvms, "jdk-25", "25.0.3");
    final Path sdkman = dir.resolve("sdkman");
    final Path candidates = Files.createDirectories(sdkman.resolve("candidates/java"));
    fakeJdk(candidates, "17.0.12-tem", "17.0.12");
    final Path jdk21 = fakeJdk(candidates, "21.0.5-tem", "21.0.5");
    final Result r = find(null, jvms, sdkman, dir.resolve("no-java_home"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(jdk21.toString());
  }

  @Test
  void findJdk_macosJavaHomeTool_isAskedForVersion21OrNewer() throws Exception {
    final Path jvms = Files.createDirectories(dir.resolve("jvm"));
    fakeJdk(jvms, "jdk-25", "25.0.3");
    final Path mac = fakeJdk(dir, "Contents-Home", "21.0.2");
    final Path tool = dir.resolve("java_home");
    // Like macOS's /usr/libexec/java_home: prints the home of a JDK matching -v, fails otherwise.
    Files.writeString(tool, "#!/bin/sh\n[ \"$1 $2\" = \"-v 21+\" ] && echo " + mac + "\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    final Result r = find(null, jvms, dir.resolve("no-sdkman"), tool);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(mac.toString());
  }

  @Test
  void launcher_badParbootVector_exitsTwoNamingTheVariableBeforeAnyBuild() throws IOException, InterruptedException {
    final ProcessBuilder pb = new ProcessBuilder("/bin/bash", SCRIPT.getParent().resolveSibling("parboot").toString(), "--version");
    pb.environment().put("PARBOOT_VECTOR", "yes");
    final Process p = pb.start();
    final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isEqualTo(2);
    assertThat(out).isEmpty();
    assertThat(err).isEqualTo("parboot: PARBOOT_VECTOR must be auto, on or off, got 'yes'\n");
  }

  private static final Path LAUNCH = SCRIPT.resolveSibling("launch.sh");

  /** Runs {@code script} in bash with bin/launch.sh sourced, {@code input} on its standard input. */
  private static Result bash(String script, String input) throws IOException, InterruptedException {
    final Process p = new ProcessBuilder("/bin/bash", "-c", ". \"$0\"; " + script, LAUNCH.toString()).start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out, err);
  }

  @Test
  void relay_dropsTheIncubatorNoticeOnly_passesEverythingElseByteForByte() throws IOException, InterruptedException {
    final String notice = "WARNING: Using incubator modules: jdk.incubator.vector\n";
    assertThat(bash("parboot_relay_stderr", notice + "parboot: bad value\n\rprogress 50%\rdone\nlast, no newline").out())
        .isEqualTo("parboot: bad value\n\rprogress 50%\rdone\nlast, no newline");
    // Before the notice (a JVM warning from PARBOOT_JAVA_OPTS, say), lines pass; a second notice is not the JVM's.
    assertThat(bash("parboot_relay_stderr", "VM warning: x\n" + notice + notice).out()).isEqualTo("VM warning: x\n" + notice);
    assertThat(bash("parboot_relay_stderr", "no notice at all").out()).isEqualTo("no notice at all");
  }

  @Test
  void relay_ignoresInterruptAndTermination_soTheLastWordsGetThrough() throws IOException, InterruptedException {
    // The relay gets INT and TERM (as a Ctrl-C sends INT to the whole group) before its input ends,
    // once it ignores them (read from /proc: HUP, INT and TERM are bits 0, 1 and 14 of SigIgn).
    final Result r = bash("exec {w}> >(parboot_relay_stderr); pid=$!; "
        + "ign() { local k v; while IFS=$'\\t' read -r k v; do [ \"$k\" = SigIgn: ] && echo $(( 0x$v & 0x4003 )); done "
        + "</proc/$pid/status; }; for ((i = 0; i < 5000; i++)); do [ \"$(ign)\" = 16387 ] && break; done; "
        + "kill -INT $pid; kill -TERM $pid; kill -HUP $pid; "
        + "printf 'WARNING: Using incubator modules: jdk.incubator.vector\\nparboot: interrupted\\n' >&$w; "
        + "exec {w}>&-; wait $pid", "");
    assertThat(r.out()).isEqualTo("parboot: interrupted\n");
  }

  @Test
  void javaHasVector_readsTheModulesOfTheJavasReleaseFile() throws IOException, InterruptedException {
    final Path with = Files.createDirectories(dir.resolve("with/bin"));
    Files.writeString(with.resolveSibling("release"), "JAVA_VERSION=\"25\"\nMODULES=\"java.base jdk.incubator.vector jdk.jfr\"\n");
    final Path without = Files.createDirectories(dir.resolve("without/bin"));
    Files.writeString(without.resolveSibling("release"), "JAVA_VERSION=\"25\"\nMODULES=\"java.base jdk.jfr\"\n");
    assertThat(bash("parboot_java_has_vector " + with.resolve("java"), "").code()).isZero();
    assertThat(bash("parboot_java_has_vector " + without.resolve("java"), "").code()).isEqualTo(1);
    assertThat(bash("parboot_java_has_vector " + dir.resolve("none/bin/java"), "").code()).isEqualTo(1);
  }

  @Test
  void wantsVector_demoBenchVersionAndRunWithSimdAlways_notAPlainRun() throws IOException, InterruptedException {
    for (String args : new String[] {"demo", "bench --runs 3", "--version", "-V", "run x.csv --simd always",
        "run --simd=always x.csv"}) {
      assertThat(bash("parboot_wants_vector " + args, "").code()).as(args).isZero();
    }
    for (String args : new String[] {"run", "run x.csv --simd auto", "run --simd=never", "", "help"}) {
      assertThat(bash("parboot_wants_vector " + args, "").code()).as(args).isEqualTo(1);
    }
  }
}
