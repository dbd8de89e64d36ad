package org.parboot.stat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A statistic computed from other statistics' values by an {@link Expression}, such as
 * {@code std / mean} or {@code quantile(0.75) - quantile(0.25)}. Its parts are evaluated in the
 * same pass as every other statistic of the run (a part also asked for on its own, or by another
 * expression, is evaluated once), and the expression is applied to their values: so each
 * replicate is the expression of the parts' replicates, bit for bit, and its jackknife (for BCa)
 * is the expression of the parts' leave-one-out values.
 *
 * <p>Parse the command line's spelling with {@link org.parboot.spec.StatisticSpec#parse}.
 *
 * @param name the expression as written, spacing normalised (e.g. {@code std / mean})
 * @param label the name with the columns of its parts where the name leaves them out and they
 *     are needed to tell expressions apart (e.g. {@code std(x, ddof=1) / mean(x)}); else the name
 * @param expression the arithmetic, reading part {@code i} as {@code parts.get(i)}
 * @param parts the statistics it reads, none of them an expression
 */
public record ExpressionStatistic(String name, String label, Expression expression, List<Statistic> parts)
    implements Statistic, java.io.Serializable {

  public ExpressionStatistic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(expression, "expression");
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("an expression needs at least one statistic: " + name);
    }
    for (Statistic p : parts) {
      if (p instanceof ExpressionStatistic) {
        throw new IllegalArgumentException("a part of an expression is not itself an expression: " + p.label());
      }
    }
    if (expression.maxPart() >= parts.size()) {
      throw new IllegalArgumentException(name + " reads part " + expression.maxPart() + " of " + parts.size());
    }
  }

  /** Every column its parts read, each once, in order. */
  @Override
  public List<String> columns() {
    final Set<String> out = new LinkedHashSet<>();
    parts.forEach(p -> out.addAll(p.columns()));
    return List.copyOf(out);
  }

  /** The most its parts need. */
  @Override
  public int minObservations() {
    return parts.stream().mapToInt(Statistic::minObservations).max().orElse(2);
  }
}
