package org.parboot.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parboot.data.Dataset;

/**
 * The reference fixtures under {@code src/test/resources/reference/}, written by
 * {@code make_statistics.py} there (NumPy 2.4, SciPy 1.17). Values are Python {@code repr}s, which
 * {@link Double#parseDouble} reads back exactly.
 */
public final class Fixtures {

  private Fixtures() {}

  /** The rows of a fixture CSV (header lines, if any, included), split on commas outside quotes. */
  public static List<List<String>> rows(String name) {
    final InputStream in = Fixtures.class.getResourceAsStream("/reference/" + name);
    if (in == null) {
      throw new IllegalStateException("missing fixture reference/" + name + "; run make_statistics.py");
    }
    final List<List<String>> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(split(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The rows of a fixture CSV without its header line. */
  public static List<List<String>> records(String name) {
    final List<List<String>> all = rows(name);
    return all.subList(1, all.size());
  }

  private static List<String> split(String line) {
    final List<String> out = new ArrayList<>();
    final StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      final char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  /** Fields {@code from, from+1, ...} of a row as doubles. */
  public static double[] doubles(List<String> row, int from) {
    return row.subList(from, row.size()).stream().mapToDouble(Double::parseDouble).toArray();
  }

  private static Map<String, Dataset> datasets;

  /** The named datasets of {@code datasets.csv}: seattle (temp_max, temp_min), skewed, tiny, hard (x). */
  public static synchronized Dataset dataset(String name) {
    if (datasets == null) {
      final Map<String, Dataset.Builder> builders = new LinkedHashMap<>();
      for (List<String> row : rows("datasets.csv")) {
        builders.computeIfAbsent(row.get(0), Dataset::builder).column(row.get(1), doubles(row, 2));
      }
      final Map<String, Dataset> built = new LinkedHashMap<>();
      builders.forEach((k, b) -> built.put(k, b.build()));
      datasets = built;
    }
    final Dataset d = datasets.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no dataset " + name + " in datasets.csv: " + datasets.keySet());
    }
    return d;
  }

  /** The relative difference {@code |a - b| / max(|a|, |b|)}, 0 when both are 0 or equal. */
  public static double relativeDifference(double a, double b) {
    if (a == b) {
      return 0;
    }
    return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  }
}
