package org.parboot.engine;

/**
 * How the samples' values of a statistic combine into the run's value: replicate b of a run is
 * the contrast of every sample's statistic on its resample b. The same contrast gives the observed
 * value, the jackknife (one sample's row left out, the others whole: SciPy's multi-sample
 * acceleration) and the studentized interval's standard errors.
 */
public enum Contrast {
  /** One sample: its value. */
  IDENTITY(1) {
    @Override
    double value(double[] v) {
      return v[0];
    }

    @Override
    double standardError(double[] se) {
      return se[0];
    }
  },
  /** Two independent samples: the first's value minus the second's. */
  DIFFERENCE(2) {
    @Override
    double value(double[] v) {
      return v[0] - v[1];
    }

    /** Independent samples: the root of the sum of the squares ({@link Math#hypot}). */
    @Override
    double standardError(double[] se) {
      return Math.hypot(se[0], se[1]);
    }
  },
  /**
   * Two paired samples (row i of each is one pair, and a resample draws the same rows of both):
   * the first's value minus the second's. Its jackknife leaves one pair out of both samples, and
   * it has no standard error from the samples' own (that needs their covariance).
   */
  PAIRED_DIFFERENCE(2) {
    @Override
    double value(double[] v) {
      return v[0] - v[1];
    }

    @Override
    double standardError(double[] se) {
      return Double.NaN;
    }

    @Override
    public boolean paired() {
      return true;
    }
  };

  private final int samples;

  Contrast(int samples) {
    this.samples = samples;
  }

  /** How many samples it combines. */
  public int samples() {
    return samples;
  }

  /** Whether the samples are paired: they share their resamples' rows, and a jackknife leaves a pair out. */
  public boolean paired() {
    return false;
  }

  /** The combined value of the samples' values {@code v[j]}. */
  abstract double value(double[] v);

  /** The combined standard error of the samples' standard errors {@code se[j]} (independent samples). */
  abstract double standardError(double[] se);
}
