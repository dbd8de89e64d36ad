package org.parboot.io;

import com.google.gson.JsonObject;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parboot.BootstrapOptions;
import org.parboot.StatisticResult;
import org.parboot.batch.BatchResult;
import org.parboot.batch.GroupResult;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;
import org.parboot.Messages;

/** The formats of a {@link BatchResult}: one row per file × group × statistic (see {@link ResultFormatter}). */
final class BatchReport {
  private BatchReport() {}

  static String format(BatchResult batch, OutputFormat format, CsvFormulaGuard guard) {
    return switch (format) {
      case TABLE -> table(batch);
      case JSON -> json(batch);
      case CSV -> csv(batch, guard);
    };
  }

  /** The warnings of every group, each prefixed with {@code file, group: }. */
  static List<String> warnings(BatchResult batch) {
    final List<String> out = new ArrayList<>();
    for (GroupResult g : batch.groups()) {
      final String where = g.group().isEmpty() ? g.file() : g.file() + ", " + g.group();
      g.result().warnings().forEach(w -> out.add(where + ": " + w));
    }
    return out;
  }

  private static String table(BatchResult batch) {
    final BootstrapOptions o = batch.options();
    final boolean grouped = batch.groups().stream().anyMatch(g -> !g.group().isEmpty());
    final StringBuilder out = new StringBuilder();
    final boolean local = batch.groups().isEmpty() || batch.groups().get(0).result().local();
    final String executor = local ? "executor = " + TableReport.executor(o) + " (" + batch.concurrentGroups()
        + " at once × " + batch.threadsPerGroup() + ")"
        : "engine = " + Messages.escape(batch.groups().get(0).result().engine()) + " (every group in one pass)";
    out.append("files = ").append(batch.groups().stream().map(GroupResult::file).distinct().count())
        .append(" · groups = ").append(batch.groups().size())
        .append(" · resamples = ").append(o.resamples())
        .append(" · seed = ").append(o.seed()).append(" (each group's seed derives from it)")
        .append(" · ").append(executor)
        .append(" · ").append(String.format(Locale.ROOT, "%.2f s", batch.elapsed().toNanos() / 1e9))
        .append("\n\n");
    final List<String[]> rows = new ArrayList<>();
    final List<String> head = new ArrayList<>(List.of("file"));
    if (grouped) {
      head.add("group");
    }
    head.addAll(List.of("n", "seed", "statistic", "observed", "bias", "std error"));
    head.addAll(TableReport.intervalHeads(o));
    rows.add(head.toArray(String[]::new));
    for (GroupResult g : batch.groups()) {
      for (StatisticResult s : g.result().statistics()) {
        final List<String> cells = new ArrayList<>(List.of(Messages.escape(g.file())));
        if (grouped) {
          cells.add(Messages.escape(g.group()));
        }
        cells.addAll(List.of(Long.toString(g.result().n()), Long.toString(g.seed()), Messages.escape(s.label())));
        cells.addAll(TableReport.numberCells(s, o));
        rows.add(cells.toArray(String[]::new));
      }
    }
    TableReport.appendAligned(out, rows);
    for (String w : warnings(batch)) {
      out.append("warning: ").append(Messages.escape(w)).append('\n');
    }
    return out.toString();
  }

  private static String json(BatchResult batch) {
    final List<JsonObject> groups = new ArrayList<>();
    for (GroupResult g : batch.groups()) {
      groups.add(JsonReport.group(g.file(), g.group(), g.result(), g.seed(), ""));
    }
    return JsonReport.text(JsonReport.document(batch.options(), batch.elapsed(), warnings(batch), batch.concurrentGroups(),
        batch.threadsPerGroup(), groups));
  }

  private static String csv(BatchResult batch, CsvFormulaGuard guard) {
    final StringWriter out = new StringWriter();
    try (CsvWriter csv = Csv.writer(out)) {
      csv.writeRecord(CsvReport.concat(List.of("file", "group", "n", "seed"), CsvReport.HEADER));
      for (GroupResult g : batch.groups()) {
        for (StatisticResult s : g.result().statistics()) {
          for (Interval i : s.intervals()) {
            csv.writeRecord(CsvReport.concat(List.of(guard.cell(g.file()), guard.cell(g.group()), Long.toString(g.result().n()),
                Long.toString(g.seed())), CsvReport.cells(s, i, "", guard)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
