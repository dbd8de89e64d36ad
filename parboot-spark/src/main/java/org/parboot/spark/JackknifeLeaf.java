package org.parboot.spark;

/**
 * The jackknife pass's leaf, for BCa's acceleration: for each row i and statistic s, the
 * deviation {@code t = theta_(i) - theta} of the statistic without row i ({@link
 * MomentPlan#leaveOneOut}, from the full data's moments) from its observed value; the leaf holds the
 * moments of t up to the third (one "column" per statistic, weight 1 per row). At the root,
 * {@code sum U^2 = M2} and {@code sum U^3 = -M3} for {@code U_i = mean(theta_(.)) - theta_(i)}.
 */
final class JackknifeLeaf implements Leaf {
  private static final long serialVersionUID = 1L;

  private final MomentPlan plan;
  private final Shape full;
  private final double[][] fullMoments;
  private final int observedReplicate;
  private final double[][] observed;
  private final Shape shape;
  private transient double[][] t;

  /**
   * @param plan the statistics
   * @param full the shape of the Poisson pass's nodes
   * @param fullMoments each group's root of the Poisson pass
   * @param observedReplicate the replicate of the root that holds the full data (every count 1)
   * @param observed each group's observed value of each statistic
   */
  JackknifeLeaf(MomentPlan plan, Shape full, double[][] fullMoments, int observedReplicate, double[][] observed) {
    this.plan = plan;
    this.full = full;
    this.fullMoments = fullMoments;
    this.observedReplicate = observedReplicate;
    this.observed = observed;
    this.shape = Shape.of(plan.statistics.size(), 3);
  }

  @Override
  public Shape shape() {
    return shape;
  }

  @Override
  public double[] block(int group, long first, int len, double[][] cols) {
    final int k = plan.statistics.size();
    if (t == null || t[0].length < len) {
      t = new double[k][len];
    }
    final double[] x = new double[cols.length];
    final double[] leaf = plan.leafScratch();
    final double[] out = new double[k];
    for (int j = 0; j < len; j++) {
      for (int c = 0; c < cols.length; c++) {
        x[c] = cols[c][j];
      }
      plan.leaveOneOut(full, fullMoments[group], observedReplicate, x, leaf, out);
      for (int s = 0; s < k; s++) {
        t[s][j] = out[s] - observed[group][s];
      }
    }
    return Sums.unweighted(shape, t, len);
  }
}
