package org.parboot.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.parboot.BootstrapResult;
import org.parboot.io.AtomicFiles;
import org.parboot.io.OutputFormat;
import org.parboot.io.ResultFormatter;
import org.parboot.report.TimingJson;
import org.parboot.report.TimingResult;

/** The JSON documents the commands write: results, optionally with timing and the machine. */
final class Outputs {
  private Outputs() {}

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

  /** Writes text to a file atomically. */
  static void write(Path file, String text) throws IOException {
    AtomicFiles.write(file, w -> w.write(text));
  }
}
