package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./mvnw on a machine with a JDK and no Maven: it finds the JDK, and the Maven Wrapper script
 * installs the Maven that .mvn/wrapper/maven-wrapper.properties names into an empty
 * MAVEN_USER_HOME and runs it. PATH holds only the tools the scripts use (no mvn). The download
 * comes from the Maven distribution this build resolved into the local repository (a file URL
 * through MVNW_REPOURL), so the test needs no network of its own.
 */
class MavenWrapperTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void mvnw_noMavenOnPathAndEmptyUserHome_installsTheWrapperMavenAndRunsIt() throws IOException, InterruptedException {
    final String url = Files.readAllLines(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties")).stream()
        .filter(l -> l.startsWith("distributionUrl=")).findFirst().orElseThrow();
    final String version = url.replaceAll(".*/apache-maven-(.*)-bin\\.zip$", "$1");
    assertThat(version).startsWith("3.9.");
    final Path tools = Files.createDirectories(dir.resolve("tools"));
    // No unzip: the wrapper then fetches the .tar.gz, which this build resolved (see the POM).
    for (String t : List.of("bash", "sh", "dirname", "basename", "uname", "tr", "cat", "ls", "sed", "sort", "readlink",
        "head", "id", "mkdir", "rm", "mv", "mktemp", "curl", "tar", "gzip")) {
      final Path real = Path.of("/usr/bin", t).toFile().exists() ? Path.of("/usr/bin", t) : Path.of("/bin", t);
      // A one-line script, not a link: JUnit warns about every link out of a temporary folder.
      Files.writeString(tools.resolve(t), "#!/bin/sh\nexec " + real + " \"$@\"\n");
      tools.resolve(t).toFile().setExecutable(true);
    }
    assertThat(tools.resolve("mvn")).doesNotExist();
    final Path userHome = dir.resolve("m2");
    final ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-v").directory(dir.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", tools.toString());
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("MAVEN_USER_HOME", userHome.toString());
    pb.environment().put("MVNW_REPOURL", Path.of(System.getProperty("parboot.localRepository")).toUri().toString()
        .replaceAll("/$", ""));
    pb.redirectErrorStream(true);
    final Process p = pb.start();
    final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("Apache Maven " + version + " ")
        .contains("Maven home: " + userHome.resolve("wrapper/dists/apache-maven-" + version))
        .contains("runtime: " + System.getProperty("java.home"));
  }
}
