package org.parboot.engine;

import org.parboot.eval.EvaluationPlan;
import org.parboot.eval.Evaluator;
import org.parboot.resample.IidResampler;
import org.parboot.resample.IndexBuffer;
import org.parboot.resample.Permutations;
import org.parboot.resample.PoissonResampler;
import org.parboot.resample.Resampler;
import org.parboot.rng.PoissonCounts;
import org.parboot.rng.ResampleStreams;

/**
 * How one sample's resamples are drawn and evaluated. {@link #choose} decides it once per run, and
 * the run names the decision ({@link #description()}) in its result, with whether its draw and
 * sums run on SIMD lanes (decided once per run by {@link org.parboot.simd.Simd#use}). Every kernel
 * gives the same bits for a resample, because the evaluator counts the rows drawn and the
 * summation layout follows the rows ({@code PowerSums}): they differ only in speed.
 *
 * <ul>
 *   <li>{@link Streamed}: the iid draw in blocks of {@value Evaluator#BLOCK} indices
 *       ({@link ResampleStreams.Stream#fill}, on SIMD lanes when the JVM allows), each block
 *       evaluated while it is in the L1 cache: no buffer of n indices;</li>
 *   <li>{@link Counted}: the Poisson scheme's counts drawn for every row at once
 *       ({@link PoissonCounts#fill}, on SIMD lanes when the JVM allows) and evaluated as counts:
 *       no index list (unless a custom statistic needs the draws, or standard errors are wanted);</li>
 *   <li>{@link Buffered}: the scheme fills a buffer of the resample's indices, then the statistics
 *       read it; every other scheme, and every run that also computes the studentized interval's
 *       nested standard errors (they draw inner resamples from the outer resample's indices).</li>
 *   <li>{@link Repaired}: a permutation test's pairings ({@link Permutations.Shuffle}): the
 *       permuted columns read in the permutation's order, the statistics planned on that data
 *       anew. A pairing is not a multiset of rows, so no count of rows can stand for it.</li>
 * </ul>
 */
sealed interface ResampleKernel {

  /** What this kernel is, for results and reports. */
  String description();

  /** A worker's scratch (not thread-safe: one per worker thread). */
  Worker newWorker();

  /** One worker's evaluation of resamples. */
  interface Worker {
    /**
     * The statistics of resample {@code b} into {@code values}; when {@code se} is not null, also
     * each statistic's standard error on that resample ({@link StandardErrorOutput}).
     */
    void evaluate(long b, double[] values, double[] se);
  }

  /**
   * The kernel for {@code plan} resampled by {@code resampler}: streamed when the scheme is plain
   * iid and no standard errors are wanted, buffered otherwise.
   *
   * @param standardErrors the studentized interval's standard errors, or null when not wanted
   * @param simd whether the draw and the sums run on SIMD lanes (where the JVM has them)
   */
  static ResampleKernel choose(EvaluationPlan plan, Resampler resampler, StandardErrorOutput standardErrors,
      boolean simd) {
    if (resampler instanceof Permutations.Shuffle shuffle) {
      return new Repaired(plan, shuffle);
    }
    if (standardErrors == null && resampler instanceof IidResampler iid) {
      return new Streamed(plan, iid, simd);
    }
    if (standardErrors == null && resampler instanceof PoissonResampler poisson && !plan.readsDraws()) {
      return new Counted(plan, poisson, simd);
    }
    return new Buffered(plan, resampler, standardErrors, simd);
  }

  /** The second half of every description: the rows counted, then summed ({@code PowerSums}). */
  private static String sums(boolean simd) {
    return "row counts, sums (" + EvaluationPlan.sumsImplementation(simd) + ")";
  }

  /** The iid draw in blocks, evaluated as it is drawn. */
  record Streamed(EvaluationPlan plan, IidResampler resampler, boolean simd) implements ResampleKernel {
    @Override
    public String description() {
      return "iid draw (" + ResampleStreams.drawImplementation(simd) + ") in blocks of " + Evaluator.BLOCK + ", "
          + sums(simd);
    }

    @Override
    public Worker newWorker() {
      final Evaluator evaluator = plan.newEvaluator(simd);
      final long threshold = resampler.threshold();
      return (b, values, se) -> evaluator.evaluateStream(
          new ResampleStreams.Stream(resampler.streamState(b)).simd(simd), threshold, values);
    }
  }

  /** The Poisson scheme's counts of every row, evaluated as counts. */
  record Counted(EvaluationPlan plan, PoissonResampler resampler, boolean simd) implements ResampleKernel {
    @Override
    public String description() {
      return "poisson counts (" + PoissonCounts.fillImplementation(simd) + "), " + sums(simd);
    }

    @Override
    public Worker newWorker() {
      final Evaluator evaluator = plan.newEvaluator(simd);
      final int[] counts = new int[plan.rows()];
      return (b, values, se) -> {
        PoissonCounts.fill(resampler.streamState(b), 0, counts, counts.length, simd);
        long size = 0;
        for (int c : counts) {
          size += c;
        }
        evaluator.evaluateCounts(counts, (int) size, values); // at most 17 n: n < 2^31 / 32 (Resamplers)
      };
    }
  }

  /** The scheme's indices into a buffer, then the statistics (and standard errors) over it. */
  record Buffered(EvaluationPlan plan, Resampler resampler, StandardErrorOutput standardErrors, boolean simd)
      implements ResampleKernel {
    @Override
    public String description() {
      final String draw = resampler instanceof IidResampler ? "iid draw (" + ResampleStreams.drawImplementation(simd) + ")"
          : resampler.name() + " draw (scalar)";
      return draw + " into an index buffer, " + sums(simd);
    }

    @Override
    public Worker newWorker() {
      final Evaluator evaluator = plan.newEvaluator(simd);
      final IndexBuffer buffer = new IndexBuffer(resampler.size());
      final StandardErrorOutput.Scratch seScratch = standardErrors == null ? null : standardErrors.newScratch();
      return (b, values, se) -> {
        buffer.fill(resampler, b, simd);
        evaluator.evaluate(buffer.indices(), buffer.length(), values);
        if (se != null) {
          standardErrors.compute(b, buffer.indices(), buffer.length(), evaluator, seScratch, se);
        }
      };
    }
  }

  /**
   * The pairings of a permutation test: each permutation gathers the permuted columns in its
   * order and plans the statistics on that data (copies, centres), its ranks derived from the
   * base plan's ({@link EvaluationPlan#permuted}: no sort): a few passes over the rows per
   * permutation, where a resample is one.
   */
  record Repaired(EvaluationPlan plan, Permutations.Shuffle resampler) implements ResampleKernel {
    @Override
    public String description() {
      return resampler.name() + " (scalar), the statistics planned on each permutation's data";
    }

    @Override
    public Worker newWorker() {
      final org.parboot.data.Dataset data = plan.data();
      final java.util.List<String> names = data.columnNames();
      final double[][] columns = new double[names.size()][];
      final boolean[] permuted = new boolean[names.size()];
      for (int c = 0; c < columns.length; c++) {
        columns[c] = data.column(names.get(c));
        permuted[c] = resampler.columns().contains(names.get(c));
      }
      final int n = plan.rows();
      final int[] order = new int[n];
      final double[] gathered = new double[n];
      final java.util.Set<String> permutedNames = java.util.Set.copyOf(resampler.columns());
      return (b, values, se) -> {
        resampler.fill(b, order);
        final org.parboot.data.Dataset.Builder builder = org.parboot.data.Dataset.builder(data.source());
        for (int c = 0; c < columns.length; c++) {
          if (permuted[c]) {
            for (int i = 0; i < n; i++) {
              gathered[i] = columns[c][order[i]];
            }
            builder.column(names.get(c), gathered); // copied
          } else {
            builder.column(names.get(c), columns[c]);
          }
        }
        final double[] v = new EvaluationPlan(builder.build(), plan.statistics(), plan.weightsColumn(),
            EvaluationPlan.permuted(plan, order, permutedNames)).observed();
        System.arraycopy(v, 0, values, 0, v.length);
      };
    }
  }
}
