package org.parboot;

/**
 * The bootstrap of statistic(first) − statistic(second) for two independent samples, or for two
 * paired ones ({@link TwoSampleBootstrap#paired}).
 *
 * @param first the first sample (file, group, size)
 * @param second the second sample
 * @param firstSeed the seed the first sample's resamples derive from ({@link org.parboot.rng.Seeds#group})
 * @param secondSeed the seed the second sample's resamples derive from
 * @param paired whether the samples were paired: both then have one row per pair, and both seeds
 *     are the run's (the pairs are resampled together)
 * @param result the differences: each statistic's observed value, replicates, bias, standard
 *     error and intervals are of statistic(first) − statistic(second); {@code n} is the two
 *     sizes added (paired: the pairs); the options carry the seed both samples' seeds derive from
 */
public record TwoSampleResult(Side first, Side second, long firstSeed, long secondSeed, boolean paired,
    BootstrapResult result) {

  /** Two independent samples. */
  public TwoSampleResult(Side first, Side second, long firstSeed, long secondSeed, BootstrapResult result) {
    this(first, second, firstSeed, secondSeed, false, result);
  }

  /**
   * One sample of a comparison, as results name it (not its data: a result does not keep the rows).
   *
   * @param file the file's name
   * @param group the group's value
   * @param n its rows
   */
  public record Side(String file, String group, long n) {}

  /** How a statistic is labelled in the output, e.g. {@code mean(temp_max): Seattle - New York}. */
  public String label(StatisticResult s) {
    return s.label() + ": " + first.group() + " - " + second.group();
  }
}
