package org.parboot;

/**
 * A statistic threw while evaluating one resample. The run was stopped (the other workers were
 * cancelled, not left to finish); {@link #getCause()} is the statistic's own exception.
 */
public class StatisticFailedException extends ParbootException {
  private static final long serialVersionUID = 1L;
  private final long resample;

  public StatisticFailedException(String statistics, long resample, Throwable cause) {
    super("statistic " + statistics + " failed on resample " + resample + ": " + cause, cause);
    this.resample = resample;
  }

  /** The 0-based index of the resample being evaluated when the statistic threw (-1: observed data). */
  public long resample() {
    return resample;
  }
}
