package org.parboot;

import java.util.List;
import org.parboot.exec.ExecutionStrategy;
import org.parboot.exec.RangeJob;
import org.parboot.exec.RunControl;
import org.parboot.resample.IndexBuffer;
import org.parboot.resample.Resampler;
import org.parboot.rng.ResampleStreams;
import org.parboot.stat.EvaluationPlan;
import org.parboot.stat.StandardErrors;
import org.parboot.stat.Statistic;

/**
 * The studentized interval's pass over the resamples: regenerates resample b's indices from the
 * run's {@link Resampler} (a pure function of b) and computes {@code se*_b} of every statistic,
 * analytically or by a nested bootstrap ({@link StandardErrors}). It runs after the resampling
 * pass, on the same executor, writing only its own slots.
 */
final class StandardErrorPass {

  /**
   * @param replicateSe {@code se*_b} of statistic s at {@code [s][b]}
   * @param observedSe the analytic standard error of each statistic on the data, or NaN where
   *     the nested bootstrap is used (the caller then takes the bootstrap standard error)
   */
  record Result(double[][] replicateSe, double[] observedSe) {}

  private StandardErrorPass() {}

  static Result run(EvaluationPlan plan, Resampler resampler, long seed, int innerResamples, int resamples,
      ExecutionStrategy strategy, int chunk, RunControl control) {
    final List<Statistic> stats = plan.statistics();
    final int k = stats.size();
    final boolean[] analytic = new boolean[k];
    boolean anyNested = false;
    final double[] observedSe = new double[k];
    final int[] identity = new int[plan.rows()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    for (int s = 0; s < k; s++) {
      analytic[s] = StandardErrors.hasAnalytic(stats.get(s));
      anyNested |= !analytic[s];
      observedSe[s] = analytic[s] ? StandardErrors.analytic(stats.get(s), plan, identity, identity.length) : Double.NaN;
    }
    final boolean nested = anyNested;
    final double[][] se = new double[k][resamples];
    /* A worker's buffers: the outer resample (which may vary in length under poisson), and the
     * inner resample drawn from it, grown to the outer length when needed. */
    final class Scratch {
      final EvaluationPlan.Evaluator evaluator = plan.newEvaluator();
      final IndexBuffer outer = new IndexBuffer(resampler.size());
      final double[] row = new double[k];
      final double[][] values = new double[k][innerResamples];
      int[] positions = new int[0];
      int[] inner = new int[0];
    }
    strategy.execute(new RangeJob<Scratch>() {
      @Override
      public Scratch newScratch() {
        return new Scratch();
      }

      @Override
      public void run(Scratch sc, int from, int to, RunControl c) {
        for (int b = from; b < to && !c.shouldStop(); b++) {
          sc.outer.fill(resampler, b);
          final int[] outer = sc.outer.indices();
          final int len = sc.outer.length();
          try {
            for (int s = 0; s < k; s++) {
              if (analytic[s]) {
                se[s][b] = StandardErrors.analytic(stats.get(s), plan, outer, len);
              }
            }
            if (nested && len > 0) {
              if (sc.inner.length < len) {
                sc.inner = new int[len];
                sc.positions = new int[len];
              }
              final long threshold = ResampleStreams.threshold(len);
              for (int j = 0; j < innerResamples; j++) {
                ResampleStreams.fillIndices(StandardErrors.innerState(seed, b, j), len, threshold, sc.positions, len);
                for (int i = 0; i < len; i++) {
                  sc.inner[i] = outer[sc.positions[i]];
                }
                sc.evaluator.evaluate(sc.inner, len, sc.row);
                for (int s = 0; s < k; s++) {
                  sc.values[s][j] = sc.row[s];
                }
              }
              for (int s = 0; s < k; s++) {
                if (!analytic[s]) {
                  se[s][b] = StandardErrors.finiteSd(sc.values[s]);
                }
              }
            } else if (nested) {
              for (int s = 0; s < k; s++) {
                if (!analytic[s]) {
                  se[s][b] = Double.NaN; // an empty resample has no spread
                }
              }
            }
          } catch (RuntimeException e) {
            throw new StatisticFailedException(Bootstrap.labels(plan) + " (studentized standard errors)", b, e);
          }
        }
      }
    }, resamples, nested ? Math.max(1, chunk / innerResamples) : chunk, control);
    return new Result(se, observedSe);
  }
}
