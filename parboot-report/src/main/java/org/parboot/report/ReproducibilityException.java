package org.parboot.report;

import org.parboot.ParbootException;

/**
 * Two runs of one timing plan gave replicates that are not bit-identical: a broken guarantee of
 * parboot (for one seed, replicates never depend on the executor or thread count), never a
 * property of the data. Names both configurations and the first difference.
 */
public final class ReproducibilityException extends ParbootException {
  private static final long serialVersionUID = 1L;

  private final TimingConfig reference;
  private final TimingConfig differing;
  private final String statistic;
  private final int resample;

  ReproducibilityException(TimingConfig reference, TimingConfig differing, String statistic, int resample,
      double expected, double actual) {
    super(String.format("REPRODUCIBILITY FAILURE: %s and %s gave different replicates: %s, resample %d: %s (0x%016x) "
        + "against %s (0x%016x)", reference.label(), differing.label(), statistic, resample, expected,
        Double.doubleToRawLongBits(expected), actual, Double.doubleToRawLongBits(actual)));
    this.reference = reference;
    this.differing = differing;
    this.statistic = statistic;
    this.resample = resample;
  }

  ReproducibilityException(TimingConfig reference, TimingConfig differing, String what) {
    super("REPRODUCIBILITY FAILURE: " + reference.label() + " and " + differing.label() + " differ: " + what);
    this.reference = reference;
    this.differing = differing;
    this.statistic = null;
    this.resample = -1;
  }

  /** The configuration whose replicates are the reference (the plan's first). */
  public TimingConfig reference() {
    return reference;
  }

  /** The configuration whose replicates differ. */
  public TimingConfig differing() {
    return differing;
  }

  /** The label of the first statistic that differs, or null when the shapes differ. */
  public String statistic() {
    return statistic;
  }

  /** The first resample index that differs, or -1 when the shapes differ. */
  public int resample() {
    return resample;
  }
}
