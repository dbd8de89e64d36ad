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
  private final int resamples;

  public NonFiniteReplicatesException(String statistic, int count, int resamples, long firstResample) {
    super(format(statistic, count, resamples, firstResample, "nanPolicy"));
    this.statistic = statistic;
    this.count = count;
    this.firstResample = firstResample;
    this.resamples = resamples;
  }

  /** The message with the setting {@code nanPolicy} spelt {@code spelling} instead, e.g. {@code --nan-policy}. */
  public String messageFor(String spelling) {
    return format(statistic, count, resamples, firstResample, spelling);
  }

  private static String format(String statistic, int count, int resamples, long firstResample, String setting) {
    return "statistic " + statistic + " is NaN or infinite on " + count + " of " + resamples
        + " resamples (first: resample " + firstResample + ") and " + setting + " is error; "
        + "accepted: " + setting + " omit (leave them out) or propagate (NaN intervals)";
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
