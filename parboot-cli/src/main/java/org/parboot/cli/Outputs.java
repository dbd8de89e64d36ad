package org.parboot.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.parboot.BootstrapResult;
import org.parboot.io.OutputFormat;
import org.parboot.io.ResultFormatter;
import org.parboot.io.StagedOutputs;
import org.parboot.report.TimingJson;
import org.parboot.report.TimingResult;

/**
 * The outputs of one command, all or none: every location is checked before the work starts
 * ({@link #file}, {@link #folder}, {@link #notInputs}), every file is staged after it
 * ({@link #staged()}, {@link #text}), and {@link #commit} renames them into place together (unless
 * the command was stopped first), then prints what goes to standard output and says what was
 * written. Closing without a commit leaves every output as it was.
 */
final class Outputs implements AutoCloseable {
  private final CommandScope scope;
  private final Console console;
  private final StagedOutputs staged;
  private final List<Path> written = new ArrayList<>();
  private String stdout;

  Outputs(CommandScope scope, Console console) {
    this.scope = scope;
    this.console = console;
    this.staged = scope.outputs(new StagedOutputs());
  }

  /** Checks the file location of {@code option} now (nothing to check when {@code file} is null). */
  Outputs file(String option, Path file) {
    if (file != null) {
      staged.checkFile(option, file);
    }
    return this;
  }

  /** Checks the folder of {@code option}, which will hold files whose names {@code names} accepts. */
  Outputs folder(String option, Path dir, Predicate<String> names) {
    if (dir != null) {
      staged.checkDirectory(option, dir, names);
    }
    return this;
  }

  /** Refuses outputs that are one of the inputs or each other. */
  Outputs notInputs(Collection<Path> inputs) {
    staged.refuseInputs(inputs);
    return this;
  }

  /** Where files are staged. */
  StagedOutputs staged() {
    return staged;
  }

  /** Stages {@code text} for {@code file}, or keeps it for standard output when file is null. */
  void text(Path file, String text) {
    if (file == null) {
      stdout = stdout == null ? text : stdout + text;
    } else {
      staged.writeString(file, text);
      written(file);
    }
  }

  /** Names a file or folder in the "wrote ..." notes after the commit. */
  void written(Path path) {
    written.add(path);
  }

  /** Commits every staged file, then prints the standard-output text and the notes. */
  void commit() {
    scope.commit(staged);
    if (stdout != null) {
      final PrintWriter out = console.out();
      out.print(stdout);
      out.flush();
    }
    written.forEach(p -> console.note("wrote " + p));
  }

  @Override
  public void close() {
    staged.abort();
  }

  /** The result's JSON, with a "timing" member and the machine's description when timing is given. */
  static String summaryJson(BootstrapResult result, Optional<TimingResult> timing) {
    final JsonObject root = JsonParser.parseString(ResultFormatter.format(result, OutputFormat.JSON)).getAsJsonObject();
    timing.ifPresent(t -> {
      root.add("timing", TimingJson.toJsonTree(t));
      final JsonObject machine = new JsonObject();
      machine.addProperty("jdk", Runtime.version().toString());
      machine.addProperty("cores", Runtime.getRuntime().availableProcessors());
      machine.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
      machine.addProperty("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      root.add("machine", machine);
    });
    return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root) + "\n";
  }
}
