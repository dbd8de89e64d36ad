package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the subcommand a command line names is built (start-up time); otherwise all of them. */
class MainCommandLineTest {

  @Test
  void commandLine_namedCommand_buildsOnlyThatOne() {
    assertThat(Main.commandLine(new String[] {"run", "--stat", "mean"}).getSubcommands()).containsOnlyKeys("run");
    assertThat(Main.commandLine(new String[] {"--debug", "bench", "-B", "10"}).getSubcommands()).containsOnlyKeys("bench");
    assertThat(Main.commandLine(new String[] {"demo"}).getSubcommands()).containsOnlyKeys("demo");
  }

  @Test
  void commandLine_noCommandHelpOrMisspelling_buildsAllForHelpAndSuggestions() {
    for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"help", "run"}, {"rnu"}}) {
      assertThat(Main.commandLine(args).getSubcommands()).containsOnlyKeys("run", "demo", "bench", "help");
    }
  }

  @Test
  void misspelledCommand_exitsTwoWithOneErrorLineAndTheHint() {
    final CliRun r = CliRun.of("rnu");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("parboot: ").contains("'rnu'").contains("Try 'parboot --help'");
  }
}
