package org.parboot.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Duration;
import java.util.List;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.ci.Interval;

/**
 * {@link OutputFormat#JSON}: one document shape for a single run, a batch (groups, files) and a
 * comparison, described by {@code docs/result.schema.json} (JSON Schema 2020-12). A single run is
 * a batch of one group; a comparison is a batch of one group, the difference, with a
 * {@code comparison} member. The document:
 *
 * <pre>{@code
 * {"format_version": 1, "resamples", "seed", "seed_given", "executor", "threads", "null" (with --null),
 *  "concurrent_groups", "threads_per_group", "level", "nan_policy", "elapsed_seconds", "warnings",
 *  "groups": [{"file", "group", "input", "n", "dropped_missing", "seed", "rng", "scheme",
 *              "statistics": [{"stat", "label", "columns", "observed", "bias", "std_error",
 *                              "non_finite_replicates", "intervals": [{"method", "level", "low", "high",
 *                              "low_mc", "high_mc", "p_value" (with a null value), "alternative" (one-sided)}]}]}],
 *  "comparison": {"file", "first", "second", "n_first", "n_second", "seed_first", "seed_second"}}
 * }</pre>
 *
 * <p>{@code format_version} changes when a member is removed or changes meaning; members may be
 * added without a change.
 */
final class JsonReport {
  /** The version of the document's shape. */
  static final int FORMAT_VERSION = 1;

  // HTML escaping off: labels such as quantile(x, q=0.9) must not come out as q\u003d0.9
  static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

  private JsonReport() {}

  /** A single run: a batch of one group, named after the result's source. */
  static String format(BootstrapResult result) {
    final JsonObject root = document(result.options(), result.elapsed(), result.warnings(), 1,
        result.options().execution().threads(), List.of(group(result.source(), "", result, result.options().seed(), "")));
    if (result.growth() != null) {
      final BootstrapOptions.Adaptive a = result.options().adaptive();
      final JsonObject g = new JsonObject();
      g.add("target", number(a.target()));
      g.addProperty("relative", a.relative());
      g.addProperty("max_resamples", a.maxResamples());
      g.addProperty("resamples", result.options().resamples());
      g.addProperty("doublings", result.growth().doublings());
      g.addProperty("met", result.growth().met());
      g.add("largest_error_ratio", number(result.growth().largestError()));
      g.addProperty("largest_at", result.growth().where());
      g.addProperty("reason", result.growth().reason(result.options()));
      root.add("adaptive", g);
    }
    return text(root);
  }

  static String text(JsonObject document) {
    return GSON.toJson(document) + "\n";
  }

  /** The document around its groups: the run's settings, time and warnings. */
  static JsonObject document(BootstrapOptions options, Duration elapsed, List<String> warnings, int concurrentGroups,
      int threadsPerGroup, List<JsonObject> groups) {
    final JsonObject root = new JsonObject();
    root.addProperty("format_version", FORMAT_VERSION);
    root.addProperty("resamples", options.resamples());
    root.addProperty("seed", options.seed());
    root.addProperty("seed_given", options.seedGiven());
    root.addProperty("executor", options.execution().executor().spelling());
    root.addProperty("threads", options.execution().threads());
    root.addProperty("concurrent_groups", concurrentGroups);
    root.addProperty("threads_per_group", threadsPerGroup);
    root.add("level", number(options.intervals().level()));
    if (options.intervals().hasNull()) {
      root.add("null", number(options.intervals().nullValue()));
    }
    root.addProperty("nan_policy", options.nanPolicy().spelling());
    if (options.weights() != null) {
      root.addProperty("weights", options.weights());
    }
    root.add("elapsed_seconds", number(elapsed.toNanos() / 1e9));
    final JsonArray w = new JsonArray();
    warnings.forEach(w::add);
    root.add("warnings", w);
    final JsonArray g = new JsonArray();
    groups.forEach(g::add);
    root.add("groups", g);
    return root;
  }

  /** One group's result; each statistic's stat and label followed by {@code suffix}. */
  static JsonObject group(String file, String group, BootstrapResult r, long seed, String suffix) {
    final JsonObject o = new JsonObject();
    o.addProperty("file", file);
    o.addProperty("group", group);
    o.addProperty("input", r.source());
    o.addProperty("n", r.n());
    o.addProperty("dropped_missing", r.droppedMissing());
    o.addProperty("seed", seed);
    o.addProperty("rng", r.rng());
    o.addProperty("scheme", r.scheme());
    o.addProperty("layout", r.layout());
    o.addProperty("kernel", r.kernel());
    o.addProperty("engine", r.engine());
    if (r.fingerprint() != null) {
      final JsonObject f = new JsonObject();
      f.addProperty("data", r.fingerprint().data());
      f.addProperty("rows", r.fingerprint().rows());
      f.addProperty("scheme", r.fingerprint().scheme());
      f.addProperty("seed", r.fingerprint().seed());
      f.addProperty("weights", r.fingerprint().weights());
      o.add("fingerprint", f);
    }
    final JsonArray statistics = new JsonArray();
    for (StatisticResult s : r.statistics()) {
      statistics.add(statistic(s, suffix, r.options().intervals().hasNull()));
    }
    o.add("statistics", statistics);
    return o;
  }

  /** One statistic; each interval with its {@code p_value} when the run had a null value. */
  static JsonObject statistic(StatisticResult s, String suffix, boolean hasNull) {
    final JsonObject o = new JsonObject();
    o.addProperty("stat", s.statistic().name() + suffix);
    o.addProperty("label", s.label() + suffix);
    final JsonArray columns = new JsonArray();
    s.statistic().columns().forEach(columns::add);
    o.add("columns", columns);
    o.add("observed", number(s.observed()));
    o.add("bias", number(s.bias()));
    o.add("std_error", number(s.standardError()));
    o.add("std_error_mc", number(s.standardErrorMcError()));
    o.add("bias_mc", number(s.biasMcError()));
    o.addProperty("non_finite_replicates", s.nonFinite());
    final JsonArray intervals = new JsonArray();
    for (Interval i : s.intervals()) {
      final JsonObject io = new JsonObject();
      io.addProperty("method", i.method().spelling());
      io.add("level", number(i.level()));
      io.add("low", number(i.low()));
      io.add("high", number(i.high()));
      io.add("low_mc", number(i.lowError()));
      io.add("high_mc", number(i.highError()));
      if (!Double.isNaN(i.pValue()) || hasNull) {
        io.add("p_value", number(i.pValue()));
      }
      if (i.alternative() != org.parboot.ci.Alternative.TWO_SIDED) {
        io.addProperty("alternative", i.alternative().spelling()); // the open side's endpoint is null
      }
      intervals.add(io);
    }
    o.add("intervals", intervals);
    return o;
  }

  /** The number, or null when NaN or infinite (JSON has neither). */
  static JsonElement number(double v) {
    return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
  }
}
