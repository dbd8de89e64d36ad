package org.parboot.engine;

import java.util.List;
import org.parboot.eval.EvaluationPlan;
import org.parboot.eval.Evaluator;
import org.parboot.eval.StandardErrors;
import org.parboot.rng.ResampleStreams;
import org.parboot.rng.Seeds;
import org.parboot.stat.Statistic;

/**
 * The studentized interval's second output of a resample: {@code se*_b} of every statistic,
 * computed in the same pass as its value, from the same index buffer (so no resample is drawn
 * twice): analytic where the statistic has one ({@link StandardErrors}), else the standard
 * deviation of J inner resamples of resample b's rows, inner resample j drawn from
 * {@link Seeds#inner Seeds.inner(seed, b, j)}.
 */
final class StandardErrorOutput {
  private final EvaluationPlan plan;
  private final long seed;
  private final int innerResamples;
  private final boolean[] analytic;
  private final boolean nested;
  private final double[] observed;
  private final boolean simd;

  /**
   * The standard errors of {@code plan}'s statistics for a sample resampled under {@code seed}; the
   * inner draws on SIMD lanes if {@code simd} (the same indices).
   */
  public StandardErrorOutput(EvaluationPlan plan, long seed, int innerResamples, boolean simd) {
    this.plan = plan;
    this.seed = seed;
    this.innerResamples = innerResamples;
    this.simd = simd;
    final List<Statistic> stats = plan.statistics();
    this.analytic = new boolean[stats.size()];
    this.observed = new double[stats.size()];
    final int[] identity = new int[plan.rows()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    boolean anyNested = false;
    for (int s = 0; s < stats.size(); s++) {
      analytic[s] = StandardErrors.hasAnalytic(stats.get(s));
      anyNested |= !analytic[s];
      observed[s] = analytic[s] ? StandardErrors.analytic(stats.get(s), plan, identity, identity.length) : Double.NaN;
    }
    this.nested = anyNested;
  }

  /**
   * The analytic standard error of each statistic on the data, or NaN where the nested bootstrap
   * is used (the run then takes the bootstrap standard error).
   */
  public double[] observed() {
    return observed.clone();
  }

  /** Whether some statistic needs the nested bootstrap: then a resample costs J more evaluations. */
  public boolean nested() {
    return nested;
  }

  /** A worker's scratch for the nested bootstrap. */
  Scratch newScratch() {
    return new Scratch(plan.statistics().size(), innerResamples);
  }

  /** The inner resample drawn from the outer one, grown to the outer length when needed. */
  static final class Scratch {
    final double[] row;
    final double[][] values;
    int[] positions = new int[0];
    int[] inner = new int[0];

    Scratch(int statistics, int innerResamples) {
      this.row = new double[statistics];
      this.values = new double[statistics][innerResamples];
    }
  }

  /** {@code se*_b} of every statistic on resample b, whose rows are {@code outer[0, len)}, into {@code out}. */
  void compute(long b, int[] outer, int len, Evaluator evaluator, Scratch sc, double[] out) {
    final List<Statistic> stats = plan.statistics();
    final int k = stats.size();
    for (int s = 0; s < k; s++) {
      if (analytic[s]) {
        out[s] = StandardErrors.analytic(stats.get(s), plan, outer, len);
      }
    }
    if (!nested) {
      return;
    }
    if (len == 0) {
      for (int s = 0; s < k; s++) {
        if (!analytic[s]) {
          out[s] = Double.NaN; // an empty resample has no spread
        }
      }
      return;
    }
    if (sc.inner.length < len) {
      sc.inner = new int[len];
      sc.positions = new int[len];
    }
    final long threshold = ResampleStreams.threshold(len);
    for (int j = 0; j < innerResamples; j++) {
      ResampleStreams.fillIndices(Seeds.inner(seed, b, j), len, threshold, sc.positions, len, simd);
      for (int i = 0; i < len; i++) {
        sc.inner[i] = outer[sc.positions[i]];
      }
      evaluator.evaluate(sc.inner, len, sc.row);
      for (int s = 0; s < k; s++) {
        sc.values[s][j] = sc.row[s];
      }
    }
    for (int s = 0; s < k; s++) {
      if (!analytic[s]) {
        out[s] = StandardErrors.finiteSd(sc.values[s]);
      }
    }
  }
}
