package org.parboot.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.ci.Interval;

/** {@link OutputFormat#JSON}. */
final class JsonReport {
  // HTML escaping off: labels such as quantile(x, q=0.9) must not come out as q\u003d0.9
  static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

  private JsonReport() {}

  static String format(BootstrapResult result) {
    return GSON.toJson(tree(result, "")) + "\n";
  }

  /** The JSON tree, each statistic's stat and label followed by {@code suffix}. */
  static JsonObject tree(BootstrapResult result, String suffix) {
    final BootstrapOptions options = result.options();
    final JsonObject root = new JsonObject();
    root.addProperty("input", result.source());
    root.addProperty("n", result.n());
    root.addProperty("dropped_missing", result.droppedMissing());
    root.addProperty("resamples", options.resamples());
    root.addProperty("seed", options.seed());
    root.addProperty("seed_given", options.seedGiven());
    root.addProperty("rng", result.rng());
    root.addProperty("scheme", result.scheme());
    root.addProperty("layout", result.layout());
    root.addProperty("kernel", result.kernel());
    root.addProperty("executor", options.execution().executor().spelling());
    root.addProperty("threads", options.execution().threads());
    root.add("level", number(options.intervals().level()));
    root.addProperty("nan_policy", options.nanPolicy().spelling());
    root.add("elapsed_seconds", number(result.elapsed().toNanos() / 1e9));
    final JsonArray warnings = new JsonArray();
    result.warnings().forEach(warnings::add);
    root.add("warnings", warnings);
    final JsonArray statistics = new JsonArray();
    for (StatisticResult s : result.statistics()) {
      statistics.add(statistic(s, suffix));
    }
    root.add("statistics", statistics);
    return root;
  }

  static JsonObject statistic(StatisticResult s, String suffix) {
    final JsonObject o = new JsonObject();
    o.addProperty("stat", s.statistic().name() + suffix);
    o.addProperty("label", s.label() + suffix);
    final JsonArray columns = new JsonArray();
    s.statistic().columns().forEach(columns::add);
    o.add("columns", columns);
    o.add("observed", number(s.observed()));
    o.add("bias", number(s.bias()));
    o.add("std_error", number(s.standardError()));
    o.addProperty("non_finite_replicates", s.nonFinite());
    final JsonArray intervals = new JsonArray();
    for (Interval i : s.intervals()) {
      final JsonObject io = new JsonObject();
      io.addProperty("method", i.method().spelling());
      io.add("level", number(i.level()));
      io.add("low", number(i.low()));
      io.add("high", number(i.high()));
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
