package org.parboot.engine;

import java.util.ArrayList;
import java.util.List;
import org.parboot.StatisticFailedException;
import org.parboot.eval.EvaluationPlan;
import org.parboot.eval.Evaluator;
import org.parboot.exec.ExecutionStrategy;
import org.parboot.exec.RangeJob;
import org.parboot.exec.RunControl;

/**
 * The jackknife of a run, the one way it is computed: per sample, the built-in statistics in O(n)
 * ({@link EvaluationPlan#builtInJackknife}) and each custom statistic exactly n times, on the run's
 * executor ({@link EvaluationPlan#jackknifeRows} of the sample's {@link EvaluationPlan#customPlan}),
 * and an expression from its parts' values ({@link EvaluationPlan#combine}).
 * For paired samples ({@link Contrast#paired()}), pair i is left out of every sample at once: one
 * array, the contrast of the samples' values without row i. For other several samples, the values with one row of sample j left out are the {@link Contrast} of
 * that leave-one-out value with the other samples' observed values (SciPy's multi-sample
 * acceleration, {@link org.parboot.ci.IntervalMethod#acceleration(List)}).
 */
final class Jackknives {
  private Jackknives() {}

  /**
   * Per statistic, one array per sample.
   *
   * @param observed each sample's observed values
   */
  static List<List<double[]>> of(List<EvaluationPlan> plans, List<double[]> observed, Contrast contrast,
      ExecutionStrategy.Session session, int threads) {
    final int m = plans.size();
    final int k = plans.get(0).statistics().size();
    final List<double[][]> perSample = new ArrayList<>(m);
    for (EvaluationPlan plan : plans) {
      perSample.add(ofSample(plan, session, threads));
    }
    final List<List<double[]>> out = new ArrayList<>(k);
    final double[] v = new double[m];
    for (int s = 0; s < k; s++) {
      if (contrast.paired()) { // pair i left out of every sample at once: one array
        final int n = perSample.get(0)[s].length;
        final double[] combined = new double[n];
        for (int i = 0; i < n; i++) {
          for (int q = 0; q < m; q++) {
            v[q] = perSample.get(q)[s][i];
          }
          combined[i] = contrast.value(v);
        }
        out.add(List.of(combined));
        continue;
      }
      final List<double[]> arrays = new ArrayList<>(m);
      for (int j = 0; j < m; j++) {
        final double[] left = perSample.get(j)[s];
        if (m == 1) {
          arrays.add(left);
          continue;
        }
        final double[] combined = new double[left.length];
        for (int i = 0; i < left.length; i++) {
          for (int q = 0; q < m; q++) {
            v[q] = q == j ? left[i] : observed.get(q)[s];
          }
          combined[i] = contrast.value(v);
        }
        arrays.add(combined);
      }
      out.add(List.copyOf(arrays));
    }
    return List.copyOf(out);
  }

  /** One sample's leave-one-out values of every statistic. */
  private static double[][] ofSample(EvaluationPlan plan, ExecutionStrategy.Session session, int threads) {
    final double[][] out = plan.builtInJackknife();
    final EvaluationPlan custom = plan.customPlan();
    if (custom == null) {
      return plan.combine(out, null);
    }
    final int n = plan.rows();
    final double[][] generic = new double[custom.statistics().size()][n];
    final String labels = Engine.labels(custom.statistics());
    session.execute(new RangeJob<Evaluator>() {
      @Override
      public Evaluator newScratch() {
        return custom.newEvaluator();
      }

      @Override
      public void run(Evaluator e, int from, int to, RunControl c) {
        for (int i = from; i < to && !c.shouldStop(); i++) {
          try {
            custom.jackknifeRows(i, i + 1, generic, e);
          } catch (RuntimeException ex) {
            throw new StatisticFailedException(labels + " (jackknife without row " + i + ")", -1, ex);
          }
        }
      }
    }, n, Math.max(1, Math.min(64, n / (8 * threads) + 1)));
    return plan.combine(out, generic);
  }
}
