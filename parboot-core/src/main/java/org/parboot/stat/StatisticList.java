package org.parboot.stat;

import java.util.ArrayList;
import java.util.List;
import org.parboot.spec.StatisticSpec;

/**
 * Statistics on a list of columns named once ({@link Statistic#on}): each one-column statistic on
 * every column, in the order added. Not thread-safe; {@link #list} gives an immutable copy.
 */
public final class StatisticList {
  private final List<String> columns;
  private final List<Statistic> statistics = new ArrayList<>();

  StatisticList(List<String> columns) {
    this.columns = List.copyOf(columns);
    if (this.columns.isEmpty()) {
      throw new IllegalArgumentException("Statistic.on needs at least one column");
    }
  }

  /**
   * Statistics in the command line's spellings ({@link StatisticSpec#parse}): {@code "mean"},
   * {@code "quantile(0.9)"}, {@code "std/mean"}, {@code "ols(y ~ x)"}; a one-column statistic on
   * each column.
   *
   * @throws org.parboot.InvalidInputException a spelling it does not accept
   */
  public StatisticList spec(String... specs) {
    for (String spec : specs) {
      statistics.addAll(StatisticSpec.parse(spec, columns));
    }
    return this;
  }

  /** Functions of one column's values, each on every column. */
  public StatisticList with(ColumnFunction... functions) {
    for (ColumnFunction f : functions) {
      statistics.addAll(f.on(columns));
    }
    return this;
  }

  /** A function of all the columns, resampled as rows. */
  public StatisticList rows(String name, CustomStatistic.SampleFunction function) {
    statistics.add(Statistic.custom(name, columns, function));
    return this;
  }

  /** A vector of statistics of all the columns as rows ({@link Statistic#vector}). */
  public StatisticList vector(String name, List<String> outputs, CustomStatistic.VectorFunction function) {
    statistics.addAll(Statistic.vector(name, columns, outputs, function));
    return this;
  }

  /** The statistics added, in order. */
  public List<Statistic> list() {
    return List.copyOf(statistics);
  }
}
