package org.parboot.eval;

import org.parboot.stat.OlsStatistic;

/**
 * One regression model of a plan ({@link OlsStatistic}): every output of it comes from one fit per
 * resample. Its columns (the terms, then the response) are moment columns of the plan, centred on
 * their full-data means, and every pair of them has a cross sum, so a resample's fit reads the
 * sums the plan's one pass already made: the centred cross products
 * {@code S_jk = sum c d_j d_k - m mean(d_j) mean(d_k)}, the normal equations of the terms solved
 * by Cholesky. Residual resampling reads the resample's draws of the modified residuals instead,
 * in draw order (gathered like a custom statistic's column), against the full data's fixed fit.
 *
 * <p>Outputs, in {@link OlsStatistic#outputNames} order: the intercept, each coefficient, r2.
 */
final class OlsModel {
  /** A pivot below this share of its diagonal is collinearity: the fit is NaN. */
  static final double SINGULAR = 1e-12;

  final OlsStatistic.Resampling resampling;
  final int p;
  // Moment slots of the terms and (last) the response; pair slot of columns j < k.
  final int[] slots;
  final int[][] pairs;
  // Residual resampling: the custom column of centred modified residuals, and the fixed fit.
  int residualColumn = -1;
  private double[] fitted;     // fitted value less the mean response, per row
  private double[][] solve;    // S^-1 Xc', p rows of n
  private double fittedSquares;

  OlsModel(OlsStatistic.Resampling resampling, int[] slots, int[][] pairs) {
    this.resampling = resampling;
    this.p = slots.length - 1;
    this.slots = slots;
    this.pairs = pairs;
  }

  /** A worker's scratch for this model. */
  Scratch newScratch() {
    return new Scratch(p);
  }

  /** The matrices of one fit: a worker's, so a resample's fit allocates nothing. */
  static final class Scratch {
    final double[][] s;
    final double[][] l;
    final double[] b;
    final double[] out;

    Scratch(int p) {
      s = new double[p + 1][p + 1];
      l = new double[p][p];
      b = new double[p];
      out = new double[p + 2];
    }
  }

  /**
   * The fit of the resample whose sums the evaluator made ({@code m} rows), into {@code sc.out}.
   *
   * @param centres the plan's column centres, by slot
   * @param columnSums each slot's sums (s1, s2, ...)
   * @param pairSums each pair's sums ([4] the cross sum)
   */
  void fromSums(double m, double[] centres, double[][] columnSums, double[][] pairSums, Scratch sc) {
    final double[][] s = sc.s;
    for (int j = 0; j <= p; j++) {
      final double dj = columnSums[slots[j]][0] / m;
      for (int k = j; k <= p; k++) {
        final double dk = columnSums[slots[k]][0] / m;
        final double cross = j == k ? columnSums[slots[j]][1] : pairSums[pairs[j][k]][4];
        s[j][k] = cross - m * dj * dk;
        s[k][j] = s[j][k];
      }
    }
    fit(s, sc, m, centres, columnSums);
  }

  /** Solves the centred normal equations in {@code s} (terms, then the response) into {@code sc.out}. */
  private void fit(double[][] s, Scratch sc, double m, double[] centres, double[][] columnSums) {
    final double[] out = sc.out;
    if (!solve(s, p, sc.l, sc.b)) {
      java.util.Arrays.fill(out, Double.NaN);
      return;
    }
    double intercept = centres[slots[p]] + columnSums[slots[p]][0] / m;
    double explained = 0;
    for (int j = 0; j < p; j++) {
      out[j + 1] = sc.b[j];
      intercept -= sc.b[j] * (centres[slots[j]] + columnSums[slots[j]][0] / m);
      explained += sc.b[j] * s[j][p];
    }
    out[0] = intercept;
    final double total = s[p][p];
    out[p + 1] = total > 0 ? explained / total : Double.NaN;
  }

  /**
   * Solves {@code S_xx b = S_xy} (the top-left p x p block of {@code s} and its column p) by a
   * Cholesky factorisation into {@code l} (p x p scratch, lower triangle); false for a pivot at or below
   * {@link #SINGULAR} of its diagonal (collinear terms, or a constant one).
   */
  static boolean solve(double[][] s, int p, double[][] l, double[] b) {
    for (int j = 0; j < p; j++) {
      double d = s[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      if (!(d > SINGULAR * s[j][j]) || !(s[j][j] > 0)) {
        return false;
      }
      l[j][j] = Math.sqrt(d);
      for (int i = j + 1; i < p; i++) {
        double v = s[i][j];
        for (int k = 0; k < j; k++) {
          v -= l[i][k] * l[j][k];
        }
        l[i][j] = v / l[j][j];
      }
    }
    for (int i = 0; i < p; i++) { // L z = S_xy
      double v = s[i][p];
      for (int k = 0; k < i; k++) {
        v -= l[i][k] * b[k];
      }
      b[i] = v / l[i][i];
    }
    for (int i = p - 1; i >= 0; i--) { // L' b = z
      double v = b[i];
      for (int k = i + 1; k < p; k++) {
        v -= l[k][i] * b[k];
      }
      b[i] = v / l[i][i];
    }
    return true;
  }

  /**
   * For residual resampling, the fixed parts of every resample's fit, from the full data's fit:
   * the fitted values, {@code S^-1 Xc'}, and the centred modified residuals {@code r_i - mean(r)},
   * {@code r_i = e_i / sqrt(1 - h_i)}, returned for the plan to gather in draw order.
   *
   * @param centred the plan's centred moment columns, by slot
   * @param centres their centres
   * @return the centred modified residuals, or null for case resampling
   * @throws org.parboot.InvalidInputException the full data's terms are collinear
   */
  double[] prepare(double[][] centred, double[] centres) {
    if (resampling != OlsStatistic.Resampling.RESIDUALS) {
      return null;
    }
    final Full f = full(centred, centres, null);
    if (f == null) {
      throw new org.parboot.InvalidInputException("the terms of this regression are collinear on the full data, "
          + "so resample=residuals has no fit to start from");
    }
    final int n = f.residual.length;
    full = f;
    fitted = new double[n];
    solve = new double[p][n];
    final double[] r = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      double fi = 0;
      for (int j = 0; j < p; j++) {
        fi += f.coefficient[j] * f.x[j][i];
        double v = 0;
        for (int k = 0; k < p; k++) {
          v += f.inverse[j][k] * f.x[k][i];
        }
        solve[j][i] = v;
      }
      fitted[i] = fi;
      fittedSquares += fi * fi;
      r[i] = f.residual[i] / Math.sqrt(1 - f.leverage[i]);
      mean += r[i];
    }
    mean /= n;
    for (int i = 0; i < n; i++) {
      r[i] -= mean;
    }
    return r;
  }

  /**
   * The fit of a residual resample: {@code y* = fitted + e*} on the fixed design, e* the drawn
   * residuals in draw order ({@code e[i]} pairs with row i), into {@code sc.out}. With
   * {@code delta = S^-1 Xc' e*}: the coefficients are the full fit's plus delta, the residual sum of
   * squares {@code sum (e* - mean e*)^2 - delta' S delta}.
   */
  void fromResiduals(double[] e, Scratch sc) {
    final Full f = full;
    final int n = fitted.length;
    final double[] out = sc.out;
    final double[] delta = sc.b;
    double mean = 0;
    double fe = 0;
    for (int i = 0; i < n; i++) {
      mean += e[i];
      fe += fitted[i] * e[i];
    }
    mean /= n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      final double d = e[i] - mean;
      ss += d * d;
    }
    double intercept = f.mean[p] + mean;
    for (int j = 0; j < p; j++) {
      double v = 0;
      for (int i = 0; i < n; i++) {
        v += solve[j][i] * e[i];
      }
      delta[j] = v;
      out[j + 1] = f.coefficient[j] + v;
      intercept -= out[j + 1] * f.mean[j];
    }
    double explainedByDesign = 0;
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        explainedByDesign += delta[j] * f.s[j][k] * delta[k];
      }
    }
    out[0] = intercept;
    final double total = fittedSquares + 2 * fe + ss;
    out[p + 1] = total > 0 ? 1 - (ss - explainedByDesign) / total : Double.NaN;
  }

  /**
   * The full data's fit: the columns centred exactly on their means ({@code x[j]}, the response
   * last), {@code S} of the terms and its inverse, the coefficients, residuals and leverages.
   */
  private record Full(double[][] x, double[] mean, double[][] s, double[][] inverse, double[] coefficient,
      double[] residual, double[] leverage) {}

  private Full full;

  /**
   * The full data's fit, weighted least squares when {@code w} is not null (the columns centred on
   * their weighted means, every sum weighted), or null when its terms are collinear.
   */
  private Full full(double[][] centred, double[] centres, double[] w) {
    final int n = centred[slots[0]].length;
    final double total = w == null ? n : java.util.Arrays.stream(w).sum();
    final double[][] x = new double[p + 1][n];
    final double[] mean = new double[p + 1];
    for (int j = 0; j <= p; j++) {
      final double[] d = centred[slots[j]];
      double dm = 0;
      for (int i = 0; i < n; i++) {
        dm += w == null ? d[i] : w[i] * d[i];
      }
      dm /= total;
      for (int i = 0; i < n; i++) {
        x[j][i] = d[i] - dm;
      }
      mean[j] = centres[slots[j]] + dm;
    }
    final double[][] s = new double[p + 1][p + 1];
    for (int j = 0; j <= p; j++) {
      for (int k = j; k <= p; k++) {
        double v = 0;
        for (int i = 0; i < n; i++) {
          v += (w == null ? 1 : w[i]) * x[j][i] * x[k][i];
        }
        s[j][k] = v;
        s[k][j] = v;
      }
    }
    final double[] b = new double[p];
    final double[][] l = new double[p][p];
    if (!solve(s, p, l, b)) {
      return null;
    }
    final double[][] inverse = new double[p][p];
    final double[] unit = new double[p];
    final double[][] rhs = new double[p + 1][p + 1];
    for (int k = 0; k < p; k++) {
      for (int i = 0; i < p; i++) {
        System.arraycopy(s[i], 0, rhs[i], 0, p);
        rhs[i][p] = i == k ? 1 : 0;
      }
      solve(rhs, p, l, unit);
      for (int i = 0; i < p; i++) {
        inverse[i][k] = unit[i];
      }
    }
    final double[] residual = new double[n];
    final double[] leverage = new double[n];
    for (int i = 0; i < n; i++) {
      double fit = 0;
      double h = 0;
      for (int j = 0; j < p; j++) {
        fit += b[j] * x[j][i];
        for (int k = 0; k < p; k++) {
          h += x[j][i] * inverse[j][k] * x[k][i];
        }
      }
      residual[i] = x[p][i] - fit;
      final double wi = w == null ? 1 : w[i];
      leverage[i] = wi / total + wi * h;
    }
    return new Full(x, mean, s, inverse, b, residual, leverage);
  }

  /**
   * The outputs without each row in turn (case deletion, exact): with e the residuals and h the
   * leverages of the full fit, the centred coefficients move by {@code -S^-1 xc_i e_i / (1 - h_i)}
   * and the mean by {@code -e_i / (n (1 - h_i))}; the residual sum of squares loses
   * {@code e_i^2 / (1 - h_i)} and the total one {@code n/(n-1) (y_i - mean)^2}. The acceleration of
   * BCa for both resamplings. Every output NaN without row i when its fit is singular or h_i is 1.
   *
   * @return per output, the n leave-one-out values
   */
  double[][] jackknife(double[][] centred, double[] centres, double[] weights) {
    final int n = centred[slots[0]].length;
    final double[][] out = new double[p + 2][n];
    final Full f = full(centred, centres, weights);
    if (f == null) {
      for (double[] o : out) {
        java.util.Arrays.fill(o, Double.NaN);
      }
      return out;
    }
    double total = 0;
    double rss = 0;
    double tss = 0;
    for (int i = 0; i < n; i++) {
      final double w = weights == null ? 1 : weights[i];
      total += w;
      rss += w * f.residual[i] * f.residual[i];
      tss += w * f.x[p][i] * f.x[p][i];
    }
    for (int i = 0; i < n; i++) {
      final double w = weights == null ? 1 : weights[i];
      final double e = f.residual[i];
      final double keep = 1 - f.leverage[i];
      if (!(keep > SINGULAR) || !(total - w > 0)) {
        for (double[] o : out) {
          o[i] = Double.NaN;
        }
        continue;
      }
      double intercept = f.mean[p] - w * e / (total * keep);
      for (int j = 0; j < p; j++) {
        double v = 0;
        for (int k = 0; k < p; k++) {
          v += f.inverse[j][k] * f.x[k][i];
        }
        final double bj = f.coefficient[j] - v * w * e / keep;
        out[j + 1][i] = bj;
        intercept -= bj * f.mean[j];
      }
      out[0][i] = intercept;
      final double dy = f.x[p][i];
      final double left = tss - w * dy * dy * total / (total - w);
      out[p + 1][i] = left > 0 ? 1 - (rss - w * e * e / keep) / left : Double.NaN;
    }
    return out;
  }
}
