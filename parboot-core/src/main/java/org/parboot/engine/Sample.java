package org.parboot.engine;

import java.util.Objects;
import org.parboot.data.Dataset;
import org.parboot.resample.Resampler;

/**
 * One sample of a run: its rows, and the seed its resamples derive from.
 *
 * @param name the sample's name in messages ("" for the only sample of a run)
 * @param data its rows
 * @param seed the seed of its resamples' streams
 * @param resampler how its resamples are drawn, or null for the run's scheme
 *     ({@link org.parboot.resample.Resamplers#create}); a permutation test gives its permutations
 *     ({@link org.parboot.resample.Permutations})
 * @param observedRows the rows its observed values are computed on, or null for every row (a
 *     permutation test pools its samples' rows, and each sample's observed value reads its own)
 */
public record Sample(String name, Dataset data, long seed, Resampler resampler, int[] observedRows) {
  public Sample {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
  }

  /** A sample resampled by the run's scheme, observed on every row. */
  public Sample(String name, Dataset data, long seed) {
    this(name, data, seed, null, null);
  }
}
