package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** parboot --version: the version of the POM and the commit the build came from. */
class VersionTest {

  @Test
  void version_builtFromACheckout_namesTheVersionAndTheCommit() {
    final CliRun r = CliRun.of("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .matches("parboot " + System.getProperty("parboot.version").replace(".", "\\.") + " \\(commit [0-9a-f]{12}(, modified)?\\)");
  }

  @Test
  void versionLine_noCommitKnown_saysCommitUnknown() {
    final Properties tarball = new Properties();
    tarball.setProperty("version", "0.1.0");
    tarball.setProperty("commit", "unknown");
    tarball.setProperty("dirty", "false");
    assertThat(Main.Version.line(tarball)).isEqualTo("parboot 0.1.0 (commit unknown)");
  }

  @Test
  void versionLine_checkoutWithChanges_saysModified() {
    final Properties p = new Properties();
    p.setProperty("version", "0.1.0");
    p.setProperty("commit", "94c90f6a5136");
    p.setProperty("dirty", "true");
    assertThat(Main.Version.line(p)).isEqualTo("parboot 0.1.0 (commit 94c90f6a5136, modified)");
  }
}
