package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors that say the right thing in one line, and spellings a user reaches for. */
class UsageMessagesTest {
  @TempDir
  Path dir;

  private static void assertOneLine(CliRun r, String expected) {
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains(expected);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void compare_unknownColumn_namesTheColumnNotGroupBy() {
    final CliRun r = CliRun.of("run", "--compare", "nosuch=a,b", "-B", "100");
    assertOneLine(r, "unknown group column 'nosuch'; available: location, date");
    assertThat(r.err()).doesNotContain("--group-by");
  }

  @Test
  void compare_unknownValue_listsTheValuesQuoted() {
    final CliRun r = CliRun.of("run", "--compare", "location=Seattle,Paris", "-B", "100");
    assertOneLine(r, "--compare: no rows with location = 'Paris'; values of 'location': 'Seattle', 'New York'");
  }

  @Test
  void column_quotedNameWithComma_selectedLiterally() throws IOException {
    final Path csv = Files.writeString(dir.resolve("c.csv"), "\"a,b\",c\n1,2\n2,3\n4,5\n");
    final CliRun r = CliRun.of("run", csv.toString(), "--column", "\"a,b\"", "--column", "c", "--seed", "1", "-B",
        "100", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("mean,\"a,b\",").contains("mean,c,");
  }

  @Test
  void glob_doubleStarSlash_matchesNoFolderToo() throws IOException {
    Files.createDirectories(dir.resolve("sub/x/y"));
    Files.writeString(dir.resolve("sub/a.csv"), "v\n1\n2\n");
    Files.writeString(dir.resolve("sub/x/y/b.csv"), "v\n3\n4\n");
    assertThat(InputFiles.expand(List.of(dir + "/sub/**/*.csv")))
        .containsExactly(dir.resolve("sub/a.csv"), dir.resolve("sub/x/y/b.csv"));
    assertThat(InputFiles.zeroOrMoreFolders("a/**/b/**/c")).containsExactlyInAnyOrder("a/**/b/**/c", "a/**/b/c",
        "a/b/**/c", "a/b/c");
  }

  @Test
  void glob_missingFolder_reasonNotThePathAgain() {
    final CliRun r = CliRun.of("run", dir.resolve("nosuch") + "/*.csv", "--column", "x", "-B", "100");
    assertOneLine(r, "cannot list '" + dir.resolve("nosuch") + "' (no such file or directory)");
  }

  @Test
  void cell_infinite_acceptedSaysAFiniteDecimalNumber() throws IOException {
    final Path csv = Files.writeString(dir.resolve("inf.csv"), "x\n1\n1e999\n");
    final CliRun r = CliRun.of("run", csv.toString(), "--column", "x", "-B", "100");
    assertOneLine(r, "accepted: a finite decimal number such as 12.5");
    assertThat(r.err()).doesNotContain("a finite a ");
  }

  @Test
  void usageError_oneLineWithWhereTheHelpIs() {
    final CliRun r = CliRun.of("run", "--resamples");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("parboot: ").endsWith("(see parboot run --help)\n").doesNotContain("Try ");
  }

  @Test
  void errors_controlCharactersFromTheCommandLine_escaped() {
    final CliRun r = CliRun.of("run", "--column", "x\u001b]0;owned\u0007", "-B", "100");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\u001b]0;owned\\u0007");
  }
}
