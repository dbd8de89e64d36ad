package org.parboot.stat;

import java.util.List;
import java.util.Objects;

/**
 * A user-supplied statistic (Java API only). It costs a gather of its columns per resample, and
 * its jackknife (for BCa) evaluates it {@code n} times on {@code n - 1} rows.
 *
 * @param name a name for results and messages
 * @param columns the columns it reads
 * @param function the computation; see {@link Statistic#custom}
 */
public record CustomStatistic(String name, List<String> columns, SampleFunction function) implements Statistic {

  /** A statistic of resampled columns, each an array of the sample's size (reused: do not keep). */
  @FunctionalInterface
  public interface SampleFunction {
    double apply(double[][] columns);
  }

  public CustomStatistic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(function, "function");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a custom statistic needs at least one column: " + name);
    }
  }

  @Override
  public String label() {
    return name + "(" + String.join(", ", columns) + ")";
  }

  @Override
  public int minObservations() {
    return 2;
  }
}
