package org.parboot.engine;

import java.util.Objects;
import org.parboot.data.Dataset;

/**
 * One sample of a run: its rows, and the seed its resamples derive from.
 *
 * @param name the sample's name in messages ("" for the only sample of a run)
 * @param data its rows
 * @param seed the seed of its resamples' streams
 */
public record Sample(String name, Dataset data, long seed) {
  public Sample {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
  }
}
