package org.parboot.stat;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A statistic of one column's resampled values, not yet bound to a column ({@link Statistic#of}).
 * The function gets an array of the resample's values, owned by the calling worker and reused:
 * it must not keep it, and must be safe to call from many threads.
 */
public final class ColumnFunction {
  private final String name;
  private final ToDoubleFunction<double[]> function;

  ColumnFunction(String name, ToDoubleFunction<double[]> function) {
    this.name = Objects.requireNonNull(name, "name");
    this.function = Objects.requireNonNull(function, "function");
  }

  /** The name, labelled {@code name(column)} once bound. */
  public String name() {
    return name;
  }

  /** The statistic on {@code column}. */
  public Statistic on(String column) {
    return Statistic.custom(name, column, function);
  }

  /** The statistic on each column, in order. */
  public List<Statistic> on(List<String> columns) {
    return columns.stream().map(this::on).toList();
  }
}
