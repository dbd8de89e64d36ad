package org.parboot;

/**
 * Under {@link org.parboot.ci.NanPolicy#ERROR}, a statistic gave NaN (or an infinite value) on at
 * least one resample. The command line prints it as one line and exits 1: it is a property of
 * the statistic on this data, not a usage error.
 */
public class NonFiniteReplicatesException extends ParbootException {
  private static final long serialVersionUID = 1L;
  private final String statistic;
  private final int count;
  private final long firstResample;

  public NonFiniteReplicatesException(String statistic, int count, int resamples, long firstResample) {
    super("statistic " + statistic + " is NaN or infinite on " + count + " of " + resamples
        + " resamples (first: resample " + firstResample + ") and --nan-policy is error; "
        + "accepted: --nan-policy omit (leave them out) or propagate (NaN intervals)");
    this.statistic = statistic;
    this.count = count;
    this.firstResample = firstResample;
  }

  /** The statistic's label. */
  public String statistic() {
    return statistic;
  }

  /** How many replicates were not finite. */
  public int count() {
    return count;
  }

  /** The 0-based index of the first resample whose replicate was not finite. */
  public long firstResample() {
    return firstResample;
  }
}
