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

  /** Several statistics of resampled columns at once (see {@link Statistic#vector}). */
  @FunctionalInterface
  public interface VectorFunction {
    /** The outputs, as many as declared, in their order. */
    double[] apply(double[][] columns);
  }

  /**
   * Output {@code index} (named {@code output}) of a vector function of {@code size} outputs: the
   * engine calls the function once per resample for all of its outputs (called alone, it computes
   * the vector and takes its element).
   */
  public record Output(VectorFunction function, String output, int index, int size) implements SampleFunction {
    public Output {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(output, "output");
      if (index < 0 || index >= size) {
        throw new IllegalArgumentException("output " + index + " of " + size);
      }
    }

    @Override
    public double apply(double[][] columns) {
      final double[] v = function.apply(columns);
      check(v);
      return v[index];
    }

    /**
     * Checks that a vector the function returned has the declared size.
     *
     * @throws IllegalStateException it is null or of another size
     */
    public void check(double[] vector) {
      if (vector == null || vector.length != size) {
        throw new IllegalStateException("a vector statistic declared " + size + " outputs and returned "
            + (vector == null ? "null" : vector.length + " values"));
      }
    }
  }

  public CustomStatistic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(function, "function");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a custom statistic needs at least one column: " + name);
    }
  }

  /** {@code name(columns)}, and {@code [output]} after it for an output of a vector statistic. */
  @Override
  public String label() {
    return name + "(" + String.join(", ", columns) + ")" + (function instanceof Output o ? "[" + o.output() + "]" : "");
  }

  @Override
  public int minObservations() {
    return 2;
  }
}
