package org.parboot.spark;

import org.parboot.InvalidSettingException;

/**
 * The Bag of Little Bootstraps' settings (Kleiner, Talwalkar, Sarkar and Jordan 2012, "A scalable
 * bootstrap for massive data"): {@code subsets} subsets of {@code b = ceil(n^gamma)} rows, each
 * resampled {@code resamples} times up to n rows.
 *
 * @param subsets s, at least 1 (the paper: 10 to 20 are enough in its experiments)
 * @param gamma the subset size exponent, in (0.5, 1] (the paper: 0.6 to 0.8; 0.7 by default)
 * @param resamples r, resamples per subset, at least 2 (the paper: 100)
 */
public record BlbOptions(int subsets, double gamma, int resamples) {
  /** The defaults: 10 subsets, gamma 0.7, 100 resamples each. */
  public static final BlbOptions DEFAULTS = new BlbOptions(10, 0.7, 100);

  public BlbOptions {
    if (subsets < 1 || subsets > 10_000) {
      throw new InvalidSettingException("blbSubsets", Integer.toString(subsets), "is out of range", "1 to 10000");
    }
    if (!(gamma > 0.5 && gamma <= 1)) {
      throw new InvalidSettingException("blbGamma", Double.toString(gamma), "is out of range",
          "above 0.5 and at most 1 (a subset of n^gamma rows)");
    }
    if (resamples < 2 || resamples > 1_000_000) {
      throw new InvalidSettingException("blbResamples", Integer.toString(resamples), "is out of range", "2 to 1000000");
    }
  }

  /** b for n rows: {@code ceil(n^gamma)}, at least 2 and at most n. */
  public long subsetSize(long n) {
    return Math.max(2, Math.min(n, (long) Math.ceil(Math.pow(n, gamma))));
  }
}
