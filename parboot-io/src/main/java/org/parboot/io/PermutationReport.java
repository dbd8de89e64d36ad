package org.parboot.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parboot.BootstrapOptions;
import org.parboot.Messages;
import org.parboot.PermutationResult;

/**
 * A permutation test's result ({@link org.parboot.PermutationTest}) in each {@link OutputFormat}:
 * <ul>
 *   <li>TABLE: a header line (the source, what was permuted, how many permutations of how many
 *       distinct ones, exact or random, the seed, the alternative, executor, time), then one row per
 *       statistic: {@code statistic, observed, p-value, ± MC} (the p-value's Monte Carlo standard
 *       error, {@code exact} for an exact test), then the warnings;</li>
 *   <li>JSON: {@code {"format_version": 1, "test": "permutation", "permutation_type", "source",
 *       "n", "permuted", "permutations", "distinct" (null beyond 2^53), "distinct_log10", "exact", "seed", "seed_given", "alternative",
 *       "nan_policy", "executor", "threads", "rng", "kernel", "elapsed_seconds", "warnings",
 *       "tests": [{"stat", "columns", "observed", "p_value", "p_value_mc", "permutations_used"}]}},
 *       described by {@code docs/test.schema.json};</li>
 *   <li>CSV: {@code n,seed,permutation_type,permutations,exact,alternative,stat,columns,observed,p_value,p_value_mc},
 *       one row per statistic.</li>
 * </ul>
 */
final class PermutationReport {
  private PermutationReport() {}

  static String format(PermutationResult r, OutputFormat format, CsvFormulaGuard guard) {
    return switch (format) {
      case TABLE -> table(r);
      case JSON -> json(r);
      case CSV -> csv(r, guard);
    };
  }

  private static String table(PermutationResult r) {
    final BootstrapOptions o = r.options();
    final StringBuilder out = new StringBuilder();
    out.append("permutation test (").append(r.type().spelling()).append("): ").append(Messages.escape(r.source()))
        .append('\n');
    out.append(Messages.escape(r.samples())).append(" · ").append(count(r)).append(" · seed = ").append(o.seed())
        .append(" · alternative = ").append(r.alternative().spelling()).append(" · executor = ")
        .append(TableReport.executor(o)).append(" · ")
        .append(String.format(Locale.ROOT, "%.2f s", r.elapsed().toNanos() / 1e9)).append("\n\n");
    final List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"statistic", "observed", "p-value", "± MC"});
    for (PermutationResult.Test t : r.tests()) {
      rows.add(new String[] {Messages.escape(t.label()), TableReport.number(t.observed()), TableReport.probability(t.pValue()),
          r.exact() ? "exact" : TableReport.twoDigits(t.pValueError())});
    }
    TableReport.appendAligned(out, rows);
    for (String w : r.warnings()) {
      out.append("warning: ").append(Messages.escape(w)).append('\n');
    }
    return out.toString();
  }

  /** {@code all 1716 permutations (exact)} or {@code 9999 random permutations of 1.2e+877}. */
  static String count(PermutationResult r) {
    return r.exact() ? "all " + r.permutations() + " permutations (exact)"
        : r.permutations() + " random permutations of " + distinct(r);
  }

  /** The number of distinct permutations: in full up to 12 digits, else as {@code 1.2e+877}. */
  static String distinct(PermutationResult r) {
    final String digits = r.distinct().toString();
    if (digits.length() <= 12) {
      return digits;
    }
    return digits.charAt(0) + "." + digits.charAt(1) + "e+" + (digits.length() - 1);
  }

  private static String json(PermutationResult r) {
    final BootstrapOptions o = r.options();
    final JsonObject root = new JsonObject();
    root.addProperty("format_version", JsonReport.FORMAT_VERSION);
    root.addProperty("test", "permutation");
    root.addProperty("permutation_type", r.type().spelling());
    root.addProperty("source", r.source());
    root.addProperty("n", r.n());
    root.addProperty("permuted", r.samples());
    root.addProperty("permutations", r.permutations());
    // A JSON reader reads numbers as doubles: the count in full only while a double holds it exactly.
    if (r.distinct().bitLength() <= 53) {
      root.addProperty("distinct", r.distinct().longValueExact());
    } else {
      root.add("distinct", com.google.gson.JsonNull.INSTANCE);
    }
    root.add("distinct_log10", JsonReport.number(log10(r.distinct())));
    root.addProperty("exact", r.exact());
    root.addProperty("seed", o.seed());
    root.addProperty("seed_given", o.seedGiven());
    root.addProperty("alternative", r.alternative().spelling());
    root.addProperty("nan_policy", o.nanPolicy().spelling());
    if (o.weights() != null) {
      root.addProperty("weights", o.weights());
    }
    root.addProperty("executor", o.execution().executor().spelling());
    root.addProperty("threads", o.execution().threads());
    root.addProperty("rng", org.parboot.rng.ResampleStreams.ALGORITHM);
    root.addProperty("kernel", r.kernel());
    root.add("elapsed_seconds", JsonReport.number(r.elapsed().toNanos() / 1e9));
    final JsonArray w = new JsonArray();
    r.warnings().forEach(w::add);
    root.add("warnings", w);
    final JsonArray tests = new JsonArray();
    for (PermutationResult.Test t : r.tests()) {
      final JsonObject to = new JsonObject();
      to.addProperty("stat", t.label());
      to.add("observed", JsonReport.number(t.observed()));
      to.add("p_value", JsonReport.number(t.pValue()));
      to.add("p_value_mc", JsonReport.number(t.pValueError()));
      to.addProperty("permutations_used", t.used());
      tests.add(to);
    }
    root.add("tests", tests);
    return JsonReport.text(root);
  }

  /** log10 of a count of any size. */
  static double log10(java.math.BigInteger v) {
    final int shift = Math.max(0, v.bitLength() - 62);
    return Math.log10(v.shiftRight(shift).doubleValue()) + shift * Math.log10(2);
  }

  private static String csv(PermutationResult r, CsvFormulaGuard guard) {
    final StringWriter out = new StringWriter();
    try (CsvWriter csv = Csv.writer(out)) {
      csv.writeRecord("n", "seed", "permutation_type", "permutations", "exact", "alternative", "stat", "observed",
          "p_value", "p_value_mc");
      for (PermutationResult.Test t : r.tests()) {
        csv.writeRecord(Long.toString(r.n()), Long.toString(r.options().seed()), r.type().spelling(),
            Integer.toString(r.permutations()), Boolean.toString(r.exact()), r.alternative().spelling(),
            guard.cell(t.label()), Csv.finite(t.observed()), Csv.finite(t.pValue()), Csv.finite(t.pValueError()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
