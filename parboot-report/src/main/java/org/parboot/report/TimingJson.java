package org.parboot.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A {@link TimingResult} as JSON, for {@code summary.json} and {@code parboot bench}:
 *
 * <pre>{@code
 * {"resamples": 10000, "warmups": 1, "runs_per_config": 10, "baseline": "serial",
 *  "bit_identical": true, "kernel": "iid draw (scalar) in blocks of 256, row counts, sums (scalar)",
 *  "configs": [{"executor": "serial", "threads": 1, "label": "serial",
 *               "runs_ms": [412.3, ...], "median_ms": 410.9, "min_ms": 401.2, "max_ms": 433.0,
 *               "speedup": 1.0, "resamples_per_second": 24336.8}, ...]}
 * }</pre>
 *
 * Times are milliseconds as {@link StrategyTiming#medianMillis()} and friends give them, so a
 * table printed from those methods shows the same numbers.
 */
public final class TimingJson {

  private TimingJson() {}

  /** The JSON tree, to embed in a larger document. */
  public static JsonObject toJsonTree(TimingResult timing) {
    final JsonObject root = new JsonObject();
    root.addProperty("resamples", timing.resamples());
    root.addProperty("warmups", timing.warmups());
    root.addProperty("runs_per_config", timing.runsPerConfig());
    root.addProperty("baseline", timing.baseline().label());
    // A TimingResult exists only if every run's replicates were bit-identical.
    root.addProperty("bit_identical", true);
    // Which kernel ran (the results are the same either way; the speed is not).
    root.addProperty("kernel", timing.last().kernel());
    final JsonArray configs = new JsonArray();
    for (StrategyTiming s : timing.strategies()) {
      final JsonObject c = new JsonObject();
      c.addProperty("executor", s.config().executor().spelling());
      c.addProperty("threads", s.config().threads());
      c.addProperty("label", s.config().label());
      final JsonArray runs = new JsonArray();
      s.runsMillis().forEach(runs::add);
      c.add("runs_ms", runs);
      c.addProperty("median_ms", s.medianMillis());
      c.addProperty("min_ms", s.minMillis());
      c.addProperty("max_ms", s.maxMillis());
      c.addProperty("speedup", s.speedup());
      c.addProperty("resamples_per_second", s.resamplesPerSecond());
      configs.add(c);
    }
    root.add("configs", configs);
    return root;
  }

  /** The JSON text, pretty-printed. */
  public static String toJson(TimingResult timing) {
    return new GsonBuilder().setPrettyPrinting().create().toJson(toJsonTree(timing));
  }
}
