package org.parboot.resample;

/**
 * The automatic block length of Politis and White (2004) with the correction of Patton, Politis
 * and White (2009), as computed by {@code arch.bootstrap.optimal_block_length} (arch 7/8):
 * {@code stationary} is the optimal mean block length of the stationary bootstrap,
 * {@code circular} the optimal block length of the circular (and moving) block bootstrap. Neither
 * is rounded.
 *
 * <p>With e the demeaned series, n its length, γ̂<sub>k</sub> = n<sup>-1</sup> Σ e<sub>t</sub>
 * e<sub>t-k</sub>:
 * <ol>
 *   <li>K<sub>N</sub> = max(5, floor(log10 n)), M<sub>max</sub> = ceil(sqrt n) + K<sub>N</sub>,
 *       b<sub>max</sub> = ceil(min(3 sqrt n, n / 3)), c = 2 sqrt(log10(n) / n);</li>
 *   <li>m̂ is the first lag i - K<sub>N</sub> such that the K<sub>N</sub> absolute
 *       autocorrelations at lags i - K<sub>N</sub> .. i - 1 are all below c (i up to
 *       M<sub>max</sub>); the autocorrelation at lag i is |Σ e<sub>t</sub> e<sub>t-i</sub>| /
 *       sqrt(Σ<sub>t>i</sub> e<sub>t</sub>² Σ<sub>t&lt;n-i-1</sub> e<sub>t</sub>²), arch's
 *       normalisation, kept so the values agree;</li>
 *   <li>M = min(2 max(m̂, 1), M<sub>max</sub>), or M<sub>max</sub> when no such lag exists;</li>
 *   <li>with the flat-top window λ(x) = 1 for |x| ≤ 1/2, 2(1 - |x|) above:
 *       Ĝ = Σ<sub>k=1..M</sub> 2 λ(k/M) k γ̂<sub>k</sub>,
 *       σ̂² = γ̂<sub>0</sub> + Σ<sub>k=1..M</sub> 2 λ(k/M) γ̂<sub>k</sub>;</li>
 *   <li>b = (2 Ĝ² / D)<sup>1/3</sup> n<sup>1/3</sup>, capped at b<sub>max</sub>, with
 *       D = 2 σ̂⁴ (stationary) or (4/3) σ̂⁴ (circular): the PPW (2009) constants.</li>
 * </ol>
 *
 * <p>The paper's K<sub>N</sub> is max(5, sqrt(log10 n)), arch's max(5, floor(log10 n)); both are
 * 5 for every n below 10<sup>25</sup>. A constant series (σ̂² = 0) gives NaN; callers fall back
 * to 1. References: D. N. Politis and H. White, "Automatic block-length selection for the
 * dependent bootstrap", Econometric Reviews 23(1), 53-70 (2004); A. Patton, D. N. Politis and
 * H. White, "Correction to ...", Econometric Reviews 28(4), 372-375 (2009).
 *
 * @param stationary the optimal mean block length of the stationary bootstrap
 * @param circular the optimal block length of the circular and moving block bootstraps
 */
record OptimalBlockLength(double stationary, double circular) {

  /** The fewest observations the rule accepts: its largest lag must leave a sample to correlate. */
  public static final int MIN_OBSERVATIONS = 16;

  /**
   * The optimal block lengths of a series (in row order).
   *
   * @throws IllegalArgumentException with fewer than {@link #MIN_OBSERVATIONS} values
   */
  public static OptimalBlockLength of(double[] x) {
    final int n = x.length;
    if (n < MIN_OBSERVATIONS) {
      throw new IllegalArgumentException("the automatic block length needs at least " + MIN_OBSERVATIONS
          + " observations; the series has " + n);
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    final double[] e = new double[n];
    for (int t = 0; t < n; t++) {
      e[t] = x[t] - mean;
    }
    final double bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3.0));
    final int kn = Math.max(5, (int) StrictMath.log10(n));
    final int mMax = (int) Math.ceil(Math.sqrt(n)) + kn;
    final double cv = 2 * Math.sqrt(StrictMath.log10(n) / n);
    final double[] acv = new double[mMax + 1];
    final double[] absCorr = new double[mMax + 1];
    int optM = -1;
    for (int i = 0; i <= mMax; i++) {
      final double v1 = dot(e, i + 1, e, i + 1, n - i - 1);
      final double v2 = dot(e, 0, e, 0, n - i - 1);
      final double cross = dot(e, i, e, 0, n - i);
      acv[i] = cross / n;
      absCorr[i] = Math.abs(cross) / Math.sqrt(v1 * v2);
      if (i >= kn && optM < 0) {
        boolean allSmall = true;
        for (int j = i - kn; j < i; j++) {
          allSmall &= absCorr[j] < cv;
        }
        if (allSmall) {
          optM = i - kn;
        }
      }
    }
    final int m = Math.min(optM >= 0 ? 2 * Math.max(optM, 1) : mMax, mMax);
    double g = 0;
    double lrAcv = acv[0];
    for (int k = 1; k <= m; k++) {
      final double lam = (double) k / m <= 0.5 ? 1 : 2 * (1 - (double) k / m);
      g += 2 * lam * k * acv[k];
      lrAcv += 2 * lam * acv[k];
    }
    final double dSb = 2 * lrAcv * lrAcv;
    final double dCb = 4.0 / 3 * lrAcv * lrAcv;
    final double cbrtN = StrictMath.cbrt(n);
    final double bSb = Math.min(StrictMath.cbrt(2 * g * g / dSb) * cbrtN, bMax);
    final double bCb = Math.min(StrictMath.cbrt(2 * g * g / dCb) * cbrtN, bMax);
    return new OptimalBlockLength(bSb, bCb);
  }

  private static double dot(double[] a, int fromA, double[] b, int fromB, int len) {
    double s = 0;
    for (int t = 0; t < len; t++) {
      s += a[fromA + t] * b[fromB + t];
    }
    return s;
  }
}
