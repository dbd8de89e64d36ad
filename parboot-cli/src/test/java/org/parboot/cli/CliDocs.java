package org.parboot.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The build runs this (parboot-cli's POM, before the jar is made): from the command line's own
 * picocli model, it writes the bash completion script (zsh loads it through bashcompinit) and one
 * AsciiDoc man page per command, which asciidoctor then turns into troff (man1). Not shipped.
 *
 * <p>Usage: {@code CliDocs OUTPUT_DIR} writes {@code OUTPUT_DIR/completion/parboot} and
 * {@code OUTPUT_DIR/adoc/*.adoc}.
 */
public final class CliDocs {
  private CliDocs() {}

  public static void main(String[] args) throws IOException {
    final Path out = Path.of(args[0]);
    final CommandLine cl = Main.commandLine(new String[0]);
    final Path completion = Files.createDirectories(out.resolve("completion")).resolve("parboot");
    Files.writeString(completion, AutoComplete.bash("parboot", cl), StandardCharsets.UTF_8);
    final File adoc = Files.createDirectories(out.resolve("adoc")).toFile();
    final int code = ManPageGenerator.generateManPage(adoc, null, new boolean[0], true,
        cl.getCommandSpec(), cl.getSubcommands().get("run").getCommandSpec(),
        cl.getSubcommands().get("demo").getCommandSpec(), cl.getSubcommands().get("bench").getCommandSpec());
    if (code != 0) {
      throw new IllegalStateException("picocli's ManPageGenerator failed with exit code " + code);
    }
    // An indented block of example commands right after a line of text joins that line's
    // paragraph in AsciiDoc; after a blank line it is a literal block, one command per line.
    try (var pages = Files.list(adoc.toPath())) {
      for (Path page : pages.toList()) {
        Files.writeString(page, Files.readString(page).replaceAll("(?m)^(\\S[^\n]*:)\n(  \\S)", "$1\n\n$2"));
      }
    }
  }
}
