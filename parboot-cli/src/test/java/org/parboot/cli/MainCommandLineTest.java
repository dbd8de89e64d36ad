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
      assertThat(Main.commandLine(args).getSubcommands()).containsOnlyKeys("run", "test", "ci", "demo", "bench", "help");
    }
  }

  @Test
  void commandLine_everyCommand_helpWrapsAtTheTerminalWidth() {
    final picocli.CommandLine cl = Main.commandLine(new String[0]);
    assertThat(cl.getCommandSpec().usageMessage().autoWidth()).isTrue();
    for (String name : java.util.List.of("run", "test", "ci", "demo", "bench")) {
      assertThat(cl.getSubcommands().get(name).getCommandSpec().usageMessage().autoWidth()).as(name).isTrue();
    }
  }

  @Test
  void misspelledCommand_exitsTwoWithOneErrorLineSuggestionAndTheHint() {
    final CliRun r = CliRun.of("rn");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("parboot: unknown command 'rn'; did you mean run? (see parboot --help)\n");
  }

  @Test
  void misspelledOption_exitsTwoWithOneErrorLineNamingTheOptionsItMayBe() {
    final CliRun r = CliRun.of("run", "--colum", "x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).isEqualTo("parboot: unknown option '--colum'; did you mean --column? (see parboot run --help)\n");
  }

  @Test
  void closest_misspellings_nearestCandidatesOnly() {
    final java.util.List<String> commands = java.util.List.of("run", "demo", "bench", "help");
    assertThat(Main.closest("rn", commands)).containsExactly("run");
    assertThat(Main.closest("rnu", commands)).containsExactly("run");
    assertThat(Main.closest("benhc", commands)).containsExactly("bench");
    assertThat(Main.closest("xyzzy", commands)).isEmpty();
    assertThat(Main.closest("--thread", java.util.List.of("--threads", "--timeout", "--stat"))).containsExactly("--threads");
  }
}
