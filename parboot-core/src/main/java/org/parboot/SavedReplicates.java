package org.parboot;

import java.util.Objects;

/**
 * A run's replicates as saved (parboot-io's {@code ReplicatesCsv}): what made them, each
 * statistic's observed value, and {@code replicates[s][b]} for resamples {@code 0..B-1}. A run
 * can continue them ({@link Bootstrap#extend}) or summarise them again ({@link Bootstrap#summarise}).
 *
 * @param fingerprint what made them
 * @param observed each statistic's value on the data, in the fingerprint's order
 * @param replicates {@code replicates[s][b]}
 * @param columns each statistic's columns, in the fingerprint's order (a one-column statistic's
 *     label does not always name its column: {@code std / mean} over one column)
 */
public record SavedReplicates(Fingerprint fingerprint, double[] observed, double[][] replicates,
    java.util.List<java.util.List<String>> columns) {
  public SavedReplicates {
    Objects.requireNonNull(fingerprint, "fingerprint");
    columns = columns.stream().map(java.util.List::copyOf).toList();
    observed = observed.clone();
    final double[][] copy = new double[replicates.length][];
    for (int s = 0; s < replicates.length; s++) {
      copy[s] = replicates[s].clone();
    }
    replicates = copy;
    if (observed.length != fingerprint.statistics().size() || replicates.length != observed.length
        || columns.size() != observed.length) {
      throw new IllegalArgumentException(fingerprint.statistics().size() + " statistics, " + observed.length
          + " observed values, " + replicates.length + " replicate columns");
    }
  }

  /** How many resamples were saved. */
  public int resamples() {
    return replicates.length == 0 ? 0 : replicates[0].length;
  }

  /** A copy of the observed values. */
  @Override
  public double[] observed() {
    return observed.clone();
  }

  /** A copy of the replicates. */
  @Override
  public double[][] replicates() {
    final double[][] copy = new double[replicates.length][];
    for (int s = 0; s < replicates.length; s++) {
      copy[s] = replicates[s].clone();
    }
    return copy;
  }
}
