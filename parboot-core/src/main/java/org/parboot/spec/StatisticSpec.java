package org.parboot.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parboot.InvalidInputException;
import org.parboot.InvalidSettingException;
import org.parboot.Messages;
import org.parboot.stat.CustomStatistic;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * Parses the command line's statistic specs: {@code name} or {@code name(args)}, where args are
 * comma-separated values or {@code key=value} pairs.
 *
 * <pre>
 * mean  median  min  max  iqr
 * var(ddof=1)  std(ddof=1)          ddof an integer >= 0; positional: std(0)
 * cv(ddof=1)  sem(ddof=1)           std / mean, std / sqrt(n); the same ddof
 * skew(bias=false)  kurt(bias=false) bias true or false; positional: skew(true)
 * quantile(p)                       p in [0, 1]; also quantile(p=0.9)
 * trimmed_mean(f)                   f in [0, 0.5); also trimmed_mean(f=0.1)
 * corr(x,y)  cov(x,y,ddof=1)  ratio(x,y)  mean_diff(x,y)   two columns, as rows
 * </pre>
 *
 * <p>This is the command line's language: its messages speak of {@code --column}, the command
 * line's way to give the default columns. A one-column statistic applies to each default column (the command line's {@code --column}),
 * unless it names its own with {@code column=NAME}. A two-column statistic without columns takes
 * the two default columns when there are exactly two.
 */
public final class StatisticSpec {

  /** Every accepted spelling, for messages and help. */
  public static final String ACCEPTED = "mean, var(ddof=1), std(ddof=1), cv(ddof=1), sem(ddof=1), skew(bias=false), "
      + "kurt(bias=false), median, quantile(p), iqr, trimmed_mean(f), min, max, corr(x,y), cov(x,y,ddof=1), ratio(x,y), "
      + "mean_diff(x,y)";

  private StatisticSpec() {}

  /**
   * The statistics a spec stands for.
   *
   * @param spec the spec, e.g. {@code std(ddof=0)}
   * @param defaultColumns the columns one-column statistics apply to
   * @throws InvalidInputException quoting the spec and saying what is accepted
   */
  public static List<Statistic> parse(String spec, List<String> defaultColumns) {
    final String text = spec == null ? "" : spec.strip();
    final int open = text.indexOf('(');
    final String name;
    final List<String> args;
    if (open < 0) {
      name = text;
      args = List.of();
    } else {
      if (!text.endsWith(")")) {
        throw bad(spec, "missing ')' at the end");
      }
      name = text.substring(0, open).strip();
      final String inner = text.substring(open + 1, text.length() - 1);
      if (inner.indexOf('(') >= 0 || inner.indexOf(')') >= 0) {
        throw bad(spec, "unbalanced parentheses");
      }
      args = inner.isBlank() ? List.of() : splitArgs(spec, inner);
    }
    if (name.isEmpty()) {
      throw bad(spec, "no statistic name");
    }
    final List<String> positional = new ArrayList<>();
    final Map<String, String> named = new LinkedHashMap<>();
    for (String a : args) {
      final int eq = a.indexOf('=');
      if (eq < 0) {
        if (!named.isEmpty()) {
          throw bad(spec, "positional argument '" + a + "' after a key=value argument");
        }
        positional.add(a);
      } else {
        final String key = a.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        final String value = a.substring(eq + 1).strip();
        if (key.isEmpty() || value.isEmpty()) {
          throw bad(spec, "argument '" + a + "' needs the form key=value");
        }
        if (named.put(key, value) != null) {
          throw bad(spec, "argument '" + key + "' given twice");
        }
      }
    }
    final Args a = new Args(spec, positional, named);
    final String lower = name.toLowerCase(Locale.ROOT);
    final List<Statistic> out = new ArrayList<>();
    switch (lower) {
      case "mean" -> forEachColumn(a, defaultColumns, out, c -> MomentStatistic.mean(c));
      case "var", "std", "cv", "sem" -> {
        final int ddof = a.intArg(0, "ddof", 1);
        forEachColumn(a, defaultColumns, out, c -> switch (lower) {
          case "var" -> MomentStatistic.var(c, ddof);
          case "std" -> MomentStatistic.std(c, ddof);
          case "cv" -> MomentStatistic.cv(c, ddof);
          default -> MomentStatistic.sem(c, ddof);
        });
      }
      case "skew", "kurt" -> {
        final boolean bias = a.boolArg(0, "bias", false);
        forEachColumn(a, defaultColumns, out, c -> lower.equals("skew") ? MomentStatistic.skew(c, bias) : MomentStatistic.kurt(c, bias));
      }
      case "median" -> forEachColumn(a, defaultColumns, out, OrderStatistic::median);
      case "min" -> forEachColumn(a, defaultColumns, out, OrderStatistic::min);
      case "max" -> forEachColumn(a, defaultColumns, out, OrderStatistic::max);
      case "iqr" -> forEachColumn(a, defaultColumns, out, OrderStatistic::iqr);
      case "quantile" -> {
        final double p = a.doubleArg(0, "p", Double.NaN, "p");
        if (!(p >= 0 && p <= 1)) {
          throw bad(spec, "p must be in [0, 1], got " + a.raw(0, "p"));
        }
        forEachColumn(a, defaultColumns, out, c -> OrderStatistic.quantile(c, p));
      }
      case "trimmed_mean" -> {
        final double f = a.doubleArg(0, "f", Double.NaN, "f");
        if (!(f >= 0 && f < 0.5)) {
          throw bad(spec, "the proportion cut from each end must be in [0, 0.5), got " + a.raw(0, "f"));
        }
        forEachColumn(a, defaultColumns, out, c -> OrderStatistic.trimmedMean(c, f));
      }
      case "corr", "cov", "ratio", "mean_diff" -> {
        final List<String> cols = a.pairColumns(defaultColumns);
        switch (lower) {
          case "corr" -> out.add(MomentStatistic.corr(cols.get(0), cols.get(1)));
          case "ratio" -> out.add(MomentStatistic.ratio(cols.get(0), cols.get(1)));
          case "mean_diff" -> out.add(MomentStatistic.meanDiff(cols.get(0), cols.get(1)));
          default -> out.add(MomentStatistic.cov(cols.get(0), cols.get(1), a.intArg(2, "ddof", 1)));
        }
      }
      default -> throw new InvalidSettingException("statistic", Messages.quote(spec), "names an unknown statistic "
          + Messages.quote(name), ACCEPTED);
    }
    a.checkAllUsed();
    return out;
  }

  private interface ColumnStat {
    Statistic of(String column);
  }

  private static void forEachColumn(Args a, List<String> defaults, List<Statistic> out, ColumnStat f) {
    final String own = a.named.get("column");
    if (own != null) {
      a.used.add("column");
      out.add(f.of(own));
      return;
    }
    if (defaults.isEmpty()) {
      throw bad(a.spec, "no column to compute it on: give --column NAME, or column=NAME in the spec");
    }
    for (String c : defaults) {
      out.add(f.of(c));
    }
  }

  private static List<String> splitArgs(String spec, String inner) {
    final List<String> out = new ArrayList<>();
    for (String part : inner.split(",", -1)) {
      final String p = part.strip();
      if (p.isEmpty()) {
        throw bad(spec, "empty argument");
      }
      out.add(p);
    }
    return out;
  }

  static InvalidInputException bad(String spec, String why) {
    return new InvalidSettingException("statistic", Messages.quote(String.valueOf(spec)), "is malformed: " + why, ACCEPTED);
  }

  /** The arguments of one spec, with a record of which were used so leftovers are errors. */
  private static final class Args {
    final String spec;
    final List<String> positional;
    final Map<String, String> named;
    final java.util.Set<String> used = new java.util.HashSet<>();
    int positionalUsed;

    Args(String spec, List<String> positional, Map<String, String> named) {
      this.spec = spec;
      this.positional = positional;
      this.named = named;
    }

    String raw(int pos, String key) {
      if (named.containsKey(key)) {
        used.add(key);
        return named.get(key);
      }
      if (pos < positional.size()) {
        positionalUsed = Math.max(positionalUsed, pos + 1);
        return positional.get(pos);
      }
      return null;
    }

    int intArg(int pos, String key, int dflt) {
      final String v = raw(pos, key);
      if (v == null) {
        return dflt;
      }
      try {
        final int i = Integer.parseInt(v);
        if (i < 0) {
          throw bad(spec, key + " must be an integer >= 0, got " + v);
        }
        return i;
      } catch (NumberFormatException e) {
        throw bad(spec, key + " must be an integer >= 0, got '" + v + "'");
      }
    }

    boolean boolArg(int pos, String key, boolean dflt) {
      final String v = raw(pos, key);
      if (v == null) {
        return dflt;
      }
      return switch (v.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw bad(spec, key + " must be true or false, got '" + v + "'");
      };
    }

    double doubleArg(int pos, String key, double dflt, String what) {
      final String v = raw(pos, key);
      if (v == null) {
        if (Double.isNaN(dflt)) {
          throw bad(spec, "missing " + what);
        }
        return dflt;
      }
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw bad(spec, what + " must be a number, got '" + v + "'");
      }
    }

    List<String> pairColumns(List<String> defaults) {
      String x = named.get("x");
      String y = named.get("y");
      if (x != null) {
        used.add("x");
      }
      if (y != null) {
        used.add("y");
      }
      if (x == null && !positional.isEmpty()) {
        x = positional.get(0);
      }
      if (y == null && positional.size() > 1) {
        y = positional.get(1);
      }
      positionalUsed = Math.max(positionalUsed, Math.min(positional.size(), 2));
      if (x == null && y == null && defaults.size() == 2) {
        return List.of(defaults.get(0), defaults.get(1));
      }
      if (x == null || y == null) {
        throw bad(spec, "needs two columns, as in " + spec.strip().replaceAll("\\(.*", "") + "(x,y)"
            + (defaults.size() == 2 ? "" : ", or exactly two --column"));
      }
      return List.of(x, y);
    }

    void checkAllUsed() {
      if (positionalUsed < positional.size()) {
        throw bad(spec, "unexpected argument '" + positional.get(positionalUsed) + "'");
      }
      for (String k : named.keySet()) {
        if (!used.contains(k)) {
          throw bad(spec, "unknown argument '" + k + "'");
        }
      }
    }
  }
}
