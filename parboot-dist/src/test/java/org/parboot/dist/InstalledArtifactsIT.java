package org.parboot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a Java user gets it: the artifacts installed into a Maven repository of their
 * own (not this build's), and a separate Maven project, made of the README's dependency block and
 * its Java example exactly as the README shows them, that resolves them through parboot-bom,
 * compiles and runs. The separate build uses a fresh local repository, with this build's local
 * repository as its only remote (a file URL), so it needs no network and leaves no parboot
 * artifact in the shared one.
 */
class InstalledArtifactsIT {
  private static final Path ROOT = Path.of(System.getProperty("parboot.root"));
  private static final String VERSION = System.getProperty("parboot.version");

  @TempDir
  Path dir;

  /** Installs a module's POM (and jar, unless a POM module) as maven-install-plugin lays them out. */
  private static void install(Path repo, String artifactId, Path pom, Path jar) throws IOException {
    final Path to = Files.createDirectories(repo.resolve("org/parboot").resolve(artifactId).resolve(VERSION));
    Files.copy(pom, to.resolve(artifactId + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      Files.copy(jar, to.resolve(artifactId + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void readmeExample_separateProjectOnInstalledArtifacts_compilesAndRuns() throws Exception {
    final Path readme = ROOT.resolve("README.md");
    final String dependencies = Readme.block(readme, "pom");
    final String example = Readme.block(readme, "Example.java");
    assertThat(dependencies).as("the README's version is the project's").contains("<version>" + VERSION + "</version>");

    final Path repo = dir.resolve("repository");
    install(repo, "parboot-parent", ROOT.resolve("pom.xml"), null);
    install(repo, "parboot-bom", ROOT.resolve("parboot-bom/pom.xml"), null);
    for (String module : List.of("parboot-core", "parboot-io", "parboot-report")) {
      install(repo, module, ROOT.resolve(module).resolve("pom.xml"),
          ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar"));
    }

    final Path project = Files.createDirectories(dir.resolve("uses-parboot"));
    Files.writeString(project.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>uses-parboot</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>21</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
        %s
          <build>
            <pluginManagement>
              <plugins>
                <plugin><artifactId>maven-compiler-plugin</artifactId><version>%s</version></plugin>
                <plugin><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
              </plugins>
            </pluginManagement>
          </build>
        </project>
        """.formatted(dependencies.indent(2), System.getProperty("parboot.plugin.compiler"),
        System.getProperty("parboot.plugin.resources")));
    Files.writeString(Files.createDirectories(project.resolve("src/main/java")).resolve("Example.java"), example);
    final Path settings = dir.resolve("settings.xml");
    Files.writeString(settings, """
        <settings>
          <mirrors>
            <mirror>
              <id>this-build</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
        </settings>
        """.formatted(Path.of(System.getProperty("parboot.localRepository")).toUri()));

    final List<String> mvn = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-q", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repo, "-f", project.resolve("pom.xml").toString(), "compile",
        "org.apache.maven.plugins:maven-dependency-plugin:" + System.getProperty("parboot.plugin.dependency")
            + ":build-classpath", "-Dmdep.outputFile=" + project.resolve("classpath.txt")));
    final Processes.Result build = Processes.run(project, null, mvn, 300);
    assertThat(build.code()).as(build.output()).isZero();
    final String classpath = project.resolve("target/classes") + java.io.File.pathSeparator
        + Files.readString(project.resolve("classpath.txt")).strip();
    assertThat(classpath).as("resolved from the installed artifacts")
        .contains(repo.resolve("org/parboot/parboot-io/" + VERSION).toString())
        .contains(repo.resolve("org/parboot/parboot-core/" + VERSION).toString())
        .doesNotContain(ROOT.resolve("parboot-core/target").toString());

    final Processes.Result run = Processes.run(project, null, List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, "Example"), 120);
    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^mean\\(temp_max\\) +16\\.7691 ");
  }
}
