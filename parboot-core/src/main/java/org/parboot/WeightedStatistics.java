package org.parboot;

import java.util.List;
import org.parboot.data.Dataset;
import org.parboot.eval.EvaluationPlan;
import org.parboot.eval.Evaluator;
import org.parboot.stat.CustomStatistic;
import org.parboot.stat.Statistic;

/**
 * Moment and order statistics of a frequency-weighted sample: row i of the data counted
 * {@code counts[i]} times, with the engine's own evaluation (the counts are what a resample is
 * to the engine: {@code rows8} sums, order statistics through the counts in rank order), so
 * nothing is expanded to the weighted size. The Spark module's Bag of Little Bootstraps evaluates
 * each resample of a subset this way: b rows whose counts add up to n.
 *
 * <p>Not thread-safe: one per thread.
 */
public final class WeightedStatistics {
  /** The layout of the moment statistics' sums, as results name it ({@code rows8}). */
  public static final String LAYOUT = EvaluationPlan.LAYOUT;

  private final EvaluationPlan plan;
  private final Evaluator evaluator;

  /**
   * Plans the statistics over the data (a copy of each column read).
   *
   * @throws InvalidInputException a custom statistic, an unknown column, too few rows
   */
  public WeightedStatistics(Dataset data, List<? extends Statistic> statistics) {
    for (Statistic s : org.parboot.stat.StatisticParts.leavesOf(statistics)) {
      if (s instanceof org.parboot.stat.OlsStatistic o && o.resampling() == org.parboot.stat.OlsStatistic.Resampling.RESIDUALS) {
        throw new InvalidInputException(s.label() + " resamples residuals in draw order; weighted samples take "
            + "moment, order, rank and case-resampled regression statistics");
      }
      if (s instanceof CustomStatistic) {
        throw new InvalidInputException(s.label() + " is a custom statistic, which reads resamples in draw order; "
            + "weighted samples take moment and order statistics");
      }
    }
    this.plan = new EvaluationPlan(data, statistics);
    this.evaluator = plan.newEvaluator();
  }

  /** The statistics on the data, each row counted once. */
  public double[] observed() {
    return plan.observed();
  }

  /**
   * The statistics of the sample in which row i appears {@code counts[i]} times, into
   * {@code out[0..k)}, in the order given.
   *
   * @param counts one count per row, non-negative
   * @param size their sum
   */
  public void evaluate(int[] counts, int size, double[] out) {
    if (counts.length != plan.rows()) {
      throw new IllegalArgumentException(counts.length + " counts for " + plan.rows() + " rows");
    }
    evaluator.evaluateCounts(counts, size, out);
  }
}
