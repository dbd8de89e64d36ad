package org.parboot.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parboot.InvalidInputException;
import org.parboot.InvalidSettingException;
import org.parboot.Messages;
import org.parboot.stat.Expression;
import org.parboot.stat.ExpressionStatistic;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OlsStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.RankStatistic;
import org.parboot.stat.TextCondition;
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
 * corr(x,y)  spearman(x,y)  kendall(x,y)  cov(x,y,ddof=1)  ratio(x,y)  mean_diff(x,y)   two columns, as rows
 * </pre>
 *
 * <p>A statistic of one column takes its column as a leading name or as {@code column=NAME}:
 * {@code mean(x)}, {@code quantile(x, 0.9)}, {@code std(x, ddof=0)}; without one it applies to
 * each default column (the command line's {@code --column}).
 *
 * <p>An <b>expression</b> combines statistics and numbers ({@link SpecSyntax}: {@code + - * / ^},
 * unary minus, parentheses, {@code sqrt log exp abs}): {@code std/mean},
 * {@code quantile(0.75) - quantile(0.25)}, {@code mean(x) - mean(y)}, {@code sqrt(var(ddof=0))}.
 * It is one {@link ExpressionStatistic} whose label is the spec with its spacing normalised
 * ({@code std / mean}); when a part without columns applies to several default columns, one
 * expression per column, labelled with its parts' own labels ({@code std(x, ddof=1) / mean(x)}).
 * Each part is evaluated once per resample in the run's one pass. A syntax error names the
 * character (1-based) where it is.
 *
 * <p>This is the command line's language: its messages speak of {@code --column}, the command
 * line's way to give the default columns. A one-column statistic applies to each default column (the command line's {@code --column}),
 * unless it names its own with {@code column=NAME}. A two-column statistic without columns takes
 * the two default columns when there are exactly two.
 */
public final class StatisticSpec {

  /** Every accepted spelling, for messages and help. */
  public static final String ACCEPTED = "mean, var(ddof=1), std(ddof=1), cv(ddof=1), sem(ddof=1), skew(bias=false), "
      + "kurt(bias=false), geomean, hmean, prop(x > c), median, quantile(p), iqr, mad(scale=1), trimmed_mean(f), min, max, "
      + "corr(x,y), spearman(x,y), kendall(x,y), cov(x,y,ddof=1), ratio(x,y), ols(y ~ x1 + x2)[output], "
      + "mean_diff(x,y); or an expression of statistics and numbers with + - * / ^, parentheses and sqrt, log, exp, "
      + "abs, e.g. std/mean";

  /** The statistics of one column, which take a leading column name: {@code mean(x)}, {@code quantile(x, 0.9)}. */
  private static final java.util.Set<String> ONE_COLUMN = java.util.Set.of("mean", "var", "std", "cv", "sem", "skew",
      "kurt", "median", "min", "max", "iqr", "quantile", "trimmed_mean", "geomean", "hmean", "mad");

  private StatisticSpec() {}

  /**
   * The statistics a spec stands for.
   *
   * @param spec the spec, e.g. {@code std(ddof=0)}
   * @param defaultColumns the columns one-column statistics apply to
   * @throws InvalidInputException quoting the spec and saying what is accepted
   */
  public static List<Statistic> parse(String spec, List<String> defaultColumns) {
    final String text = spec == null ? "" : spec;
    if (text.isBlank()) {
      throw bad(spec, "no statistic name");
    }
    SpecSyntax.Node tree;
    try {
      tree = SpecSyntax.parse(text);
    } catch (SpecSyntax.SyntaxError e) {
      throw bad(spec, "at character " + e.at + ": " + e.getMessage());
    }
    while (tree instanceof SpecSyntax.Group g) {
      tree = g.inner();
    }
    if (tree instanceof SpecSyntax.Leaf leaf) {
      return statistic(new Where(spec, leaf, false), leaf, defaultColumns);
    }
    return expressions(spec, tree, defaultColumns);
  }

  /** Where a statistic's spelling is: the spec, the statistic, and whether it is a part of an expression. */
  private record Where(String spec, SpecSyntax.Leaf leaf, boolean part) {
    String name() {
      return leaf.name();
    }

    String prefix() {
      return part ? "at character " + leaf.at() + ", in " + leaf.text() + ": " : "";
    }
  }

  /**
   * The expressions a spec of several parts stands for: one, or one per default column when a
   * part without columns applies to each (its label then names them: {@code std(x, ddof=1) / mean(x)}).
   */
  private static List<Statistic> expressions(String spec, SpecSyntax.Node tree, List<String> defaultColumns) {
    final Map<SpecSyntax.Leaf, List<Statistic>> leaves = new LinkedHashMap<>();
    collect(tree, leaves, spec, defaultColumns);
    if (leaves.isEmpty()) {
      throw bad(spec, "no statistic in it: a number alone has no bootstrap distribution");
    }
    final int d = leaves.values().stream().mapToInt(List::size).max().orElse(1);
    final String name = tree.render(SpecSyntax.Leaf::text);
    final List<Statistic> out = new ArrayList<>(d);
    for (int i = 0; i < d; i++) {
      final int column = i;
      final Map<Statistic, Integer> parts = new LinkedHashMap<>();
      final Expression e = expression(tree, leaves, column, parts);
      final String label = d == 1 ? name : tree.render(l -> leaves.get(l).size() > 1 ? leaves.get(l).get(column).label()
          : l.text());
      out.add(new ExpressionStatistic(name, label, e, List.copyOf(parts.keySet())));
    }
    return out;
  }

  private static void collect(SpecSyntax.Node n, Map<SpecSyntax.Leaf, List<Statistic>> out, String spec,
      List<String> defaults) {
    switch (n) {
      case SpecSyntax.Leaf l -> {
        final List<Statistic> s = statistic(new Where(spec, l, true), l, defaults);
        if (s.get(0) instanceof OlsStatistic && s.size() > 1) {
          throw bad(spec, "at character " + l.at() + ", in " + l.text() + ": a regression has several outputs; "
              + "an expression takes one, as in " + l.text() + "[" + ((OlsStatistic) s.get(1)).output() + "]");
        }
        out.put(l, s);
      }
      case SpecSyntax.Number x -> { }
      case SpecSyntax.Group g -> collect(g.inner(), out, spec, defaults);
      case SpecSyntax.Negate g -> collect(g.operand(), out, spec, defaults);
      case SpecSyntax.Call c -> collect(c.argument(), out, spec, defaults);
      case SpecSyntax.Binary b -> {
        collect(b.left(), out, spec, defaults);
        collect(b.right(), out, spec, defaults);
      }
    }
  }

  private static Expression expression(SpecSyntax.Node n, Map<SpecSyntax.Leaf, List<Statistic>> leaves, int column,
      Map<Statistic, Integer> parts) {
    return switch (n) {
      case SpecSyntax.Leaf l -> {
        final List<Statistic> s = leaves.get(l);
        yield new Expression.Part(parts.computeIfAbsent(s.size() > 1 ? s.get(column) : s.get(0), k -> parts.size()));
      }
      case SpecSyntax.Number x -> new Expression.Constant(x.value());
      case SpecSyntax.Group g -> expression(g.inner(), leaves, column, parts);
      case SpecSyntax.Negate g -> new Expression.Negate(expression(g.operand(), leaves, column, parts));
      case SpecSyntax.Call c -> new Expression.Call(c.function(), expression(c.argument(), leaves, column, parts));
      case SpecSyntax.Binary b -> new Expression.Binary(b.operator(), expression(b.left(), leaves, column, parts),
          expression(b.right(), leaves, column, parts));
    };
  }

  /** The statistics one statistic's spelling stands for (one per default column for a one-column statistic). */
  private static List<Statistic> statistic(Where where, SpecSyntax.Leaf leaf, List<String> defaultColumns) {
    final String spec = where.spec();
    final String name = leaf.name();
    final List<String> args = leaf.args() == null || leaf.args().isBlank() ? List.of() : splitArgs(where, leaf.args());
    final List<String> positional = new ArrayList<>();
    final Map<String, String> named = new LinkedHashMap<>();
    final boolean condition = name.equalsIgnoreCase("prop"); // prop(x >= 3): a condition, not key=value
    for (String a : args) {
      if (condition) {
        positional.add(a);
        continue;
      }
      final int eq = a.indexOf('=');
      if (eq < 0) {
        if (!named.isEmpty()) {
          throw bad(where, "positional argument '" + a + "' after a key=value argument");
        }
        positional.add(a);
      } else {
        final String key = a.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        final String value = a.substring(eq + 1).strip();
        if (key.isEmpty() || value.isEmpty()) {
          throw bad(where, "argument '" + a + "' needs the form key=value");
        }
        if (named.put(key, value) != null) {
          throw bad(where, "argument '" + key + "' given twice");
        }
      }
    }
    final String lower = name.toLowerCase(Locale.ROOT);
    if (ONE_COLUMN.contains(lower) && !positional.isEmpty() && !named.containsKey("column")
        && !isLiteral(positional.get(0))) {
      named.put("column", positional.remove(0)); // mean(x), quantile(x, 0.9): a leading name is the column
    }
    if (leaf.select() != null && !lower.equals("ols")) {
      throw bad(where, "[" + leaf.select() + "] selects an output, and " + name + " has one; only ols has several");
    }
    final Args a = new Args(where, positional, named);
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
      case "geomean" -> forEachColumn(a, defaultColumns, out, MomentStatistic::geomean);
      case "hmean" -> forEachColumn(a, defaultColumns, out, MomentStatistic::hmean);
      case "mad" -> {
        final String scale = a.raw(-1, "scale");
        final double divisor;
        if (scale == null) {
          divisor = 1;
        } else if (scale.equalsIgnoreCase("normal")) {
          divisor = OrderStatistic.NORMAL_SCALE;
        } else {
          try {
            divisor = Double.parseDouble(scale);
          } catch (NumberFormatException e) {
            throw bad(where, "scale must be normal or a positive number, got '" + scale + "'");
          }
          if (!(divisor > 0 && Double.isFinite(divisor))) {
            throw bad(where, "scale must be normal or a positive number, got " + scale);
          }
        }
        forEachColumn(a, defaultColumns, out, c -> OrderStatistic.mad(c, divisor));
      }
      case "prop" -> prop(where, a, positional, defaultColumns, out);
      case "ols" -> ols(where, a, positional, leaf.select(), out);
      case "quantile" -> {
        final double p = a.doubleArg(0, "p", Double.NaN, "p");
        if (!(p >= 0 && p <= 1)) {
          throw bad(where, "p must be in [0, 1], got " + a.raw(0, "p"));
        }
        forEachColumn(a, defaultColumns, out, c -> OrderStatistic.quantile(c, p));
      }
      case "trimmed_mean" -> {
        final double f = a.doubleArg(0, "f", Double.NaN, "f");
        if (!(f >= 0 && f < 0.5)) {
          throw bad(where, "the proportion cut from each end must be in [0, 0.5), got " + a.raw(0, "f"));
        }
        forEachColumn(a, defaultColumns, out, c -> OrderStatistic.trimmedMean(c, f));
      }
      case "corr", "cov", "ratio", "mean_diff", "spearman", "kendall" -> {
        final List<String> cols = a.pairColumns(defaultColumns);
        switch (lower) {
          case "corr" -> out.add(MomentStatistic.corr(cols.get(0), cols.get(1)));
          case "spearman" -> out.add(RankStatistic.spearman(cols.get(0), cols.get(1)));
          case "kendall" -> out.add(RankStatistic.kendall(cols.get(0), cols.get(1)));
          case "ratio" -> out.add(MomentStatistic.ratio(cols.get(0), cols.get(1)));
          case "mean_diff" -> out.add(MomentStatistic.meanDiff(cols.get(0), cols.get(1)));
          default -> out.add(MomentStatistic.cov(cols.get(0), cols.get(1), a.intArg(2, "ddof", 1)));
        }
      }
      default -> throw new InvalidSettingException("statistic", Messages.quote(spec), "names an unknown statistic "
          + Messages.quote(name) + (where.part() ? " at character " + leaf.at() : ""), ACCEPTED);
    }
    a.checkAllUsed();
    return out;
  }

  private static final java.util.regex.Pattern CONDITION =
      java.util.regex.Pattern.compile("^\\s*(.*?)\\s*(<=|>=|==|!=|<|>)\\s*(.*?)\\s*$");

  /** {@code prop(x > c)}: the condition is the one positional argument; without a column, each default column. */
  private static void prop(Where where, Args a, List<String> positional, List<String> defaults, List<Statistic> out) {
    if (positional.size() != 1) {
      throw bad(where, "prop takes one condition, as in prop(x > 3) or prop(x <= 0.5)");
    }
    a.positionalUsed = 1;
    final java.util.regex.Matcher m = CONDITION.matcher(positional.get(0));
    if (!m.matches()) {
      throw bad(where, "the condition '" + positional.get(0) + "' needs a comparison: one of < <= > >= == !=");
    }
    final String column = m.group(1);
    final String text = m.group(3);
    if (text.startsWith("'") || text.startsWith("\"")) {
      final char q = text.charAt(0);
      if (text.length() < 2 || text.charAt(text.length() - 1) != q || text.substring(1, text.length() - 1).indexOf('\'') >= 0
          || text.substring(1, text.length() - 1).indexOf('"') >= 0) {
        throw bad(where, "the text " + text + " needs one pair of quotes and none inside, as in prop(location == 'Seattle')");
      }
      final MomentStatistic.Comparison cmp = MomentStatistic.Comparison.of(m.group(2));
      if (cmp != MomentStatistic.Comparison.EQ && cmp != MomentStatistic.Comparison.NE) {
        throw bad(where, "text compares with == or !=, not " + m.group(2));
      }
      if (column.isEmpty()) {
        throw bad(where, "a text condition names its column, as in prop(location == 'Seattle')");
      }
      out.add(MomentStatistic.prop(new TextCondition(column, cmp, text.substring(1, text.length() - 1))));
      return;
    }
    final double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw bad(where, "the condition compares with '" + text + "', which is not a number");
    }
    if (!Double.isFinite(value)) {
      throw bad(where, "the condition compares with " + text + "; accepted: a finite number");
    }
    final MomentStatistic.Condition condition =
        new MomentStatistic.Condition(MomentStatistic.Comparison.of(m.group(2)), value);
    if (!column.isEmpty()) {
      out.add(MomentStatistic.prop(column, condition));
      return;
    }
    forEachColumn(a, defaults, out, c -> MomentStatistic.prop(c, condition));
  }

  /** {@code ols(y ~ x1 + x2, resample=cases|residuals)[output]}: every output, or the one selected. */
  private static void ols(Where where, Args a, List<String> positional, String select, List<Statistic> out) {
    if (positional.size() != 1) {
      throw bad(where, "ols takes one model, as in ols(y ~ x) or ols(y ~ x1 + x2)");
    }
    a.positionalUsed = 1;
    final String model = positional.get(0);
    final int tilde = model.indexOf('~');
    if (tilde < 0 || model.indexOf('~', tilde + 1) >= 0) {
      throw bad(where, "the model '" + model + "' needs one '~' between the response and the terms, as in y ~ x1 + x2");
    }
    final String response = model.substring(0, tilde).strip();
    final List<String> terms = new ArrayList<>();
    for (String t : model.substring(tilde + 1).split("\\+", -1)) {
      terms.add(t.strip());
    }
    if (response.isEmpty() || terms.stream().anyMatch(String::isEmpty)) {
      throw bad(where, "the model '" + model + "' has an empty column name; accepted: y ~ x1 + x2");
    }
    final String how = a.raw(-1, "resample");
    final OlsStatistic.Resampling resampling;
    if (how == null || how.equalsIgnoreCase("cases")) {
      resampling = OlsStatistic.Resampling.CASES;
    } else if (how.equalsIgnoreCase("residuals")) {
      resampling = OlsStatistic.Resampling.RESIDUALS;
    } else {
      throw bad(where, "resample must be cases or residuals, got '" + how + "'");
    }
    final List<OlsStatistic> outputs;
    try {
      outputs = OlsStatistic.outputs(response, terms, resampling);
    } catch (IllegalArgumentException e) {
      throw bad(where, e.getMessage());
    }
    if (select == null) {
      out.addAll(outputs);
      return;
    }
    final List<String> names = OlsStatistic.outputNames(terms);
    if (!names.contains(select)) {
      throw bad(where, "no output '" + select + "'; its outputs: " + String.join(", ", names));
    }
    out.add(outputs.get(names.indexOf(select)));
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
      throw bad(a.where, "no column to compute it on: give --column NAME, or column=NAME in the spec");
    }
    for (String c : defaults) {
      out.add(f.of(c));
    }
  }

  private static List<String> splitArgs(Where where, String inner) {
    final List<String> out = new ArrayList<>();
    for (String part : SpecSyntax.splitArgs(inner)) {
      final String p = part.strip();
      if (p.isEmpty()) {
        throw bad(where, "empty argument");
      }
      out.add(p);
    }
    return out;
  }

  private static InvalidInputException bad(Where where, String why) {
    return bad(where.spec(), where.prefix() + why);
  }

  /** Whether an argument is a number or a boolean rather than a name. */
  private static boolean isLiteral(String arg) {
    final String a = arg.strip();
    if (a.equalsIgnoreCase("true") || a.equalsIgnoreCase("false")) {
      return true;
    }
    try {
      Double.parseDouble(a);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static InvalidInputException bad(String spec, String why) {
    return new InvalidSettingException("statistic", Messages.quote(String.valueOf(spec)), "is malformed: " + why, ACCEPTED);
  }

  /** The arguments of one spec, with a record of which were used so leftovers are errors. */
  private static final class Args {
    final Where where;
    final List<String> positional;
    final Map<String, String> named;
    final java.util.Set<String> used = new java.util.HashSet<>();
    int positionalUsed;

    Args(Where where, List<String> positional, Map<String, String> named) {
      this.where = where;
      this.positional = positional;
      this.named = named;
    }

    String raw(int pos, String key) {
      if (named.containsKey(key)) {
        used.add(key);
        return named.get(key);
      }
      if (pos >= 0 && pos < positional.size()) {
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
          throw bad(where, key + " must be an integer >= 0, got " + v);
        }
        return i;
      } catch (NumberFormatException e) {
        throw bad(where, key + " must be an integer >= 0, got '" + v + "'");
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
        default -> throw bad(where, key + " must be true or false, got '" + v + "'");
      };
    }

    double doubleArg(int pos, String key, double dflt, String what) {
      final String v = raw(pos, key);
      if (v == null) {
        if (Double.isNaN(dflt)) {
          throw bad(where, "missing " + what);
        }
        return dflt;
      }
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw bad(where, what + " must be a number, got '" + v + "'");
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
        throw bad(where, "needs two columns, as in " + where.name() + "(x,y)"
            + (defaults.size() == 2 ? "" : ", or exactly two --column"));
      }
      return List.of(x, y);
    }

    void checkAllUsed() {
      if (positionalUsed < positional.size()) {
        throw bad(where, "unexpected argument '" + positional.get(positionalUsed) + "'");
      }
      for (String k : named.keySet()) {
        if (!used.contains(k)) {
          throw bad(where, "unknown argument '" + k + "'");
        }
      }
    }
  }
}
