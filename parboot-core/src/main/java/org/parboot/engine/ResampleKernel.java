package org.parboot.engine;

import org.parboot.eval.EvaluationPlan;
import org.parboot.eval.Evaluator;
import org.parboot.resample.IidResampler;
import org.parboot.resample.IndexBuffer;
import org.parboot.resample.Resampler;
import org.parboot.rng.ResampleStreams;

/**
 * How one sample's resamples are drawn and evaluated. {@link #choose} decides it once per run, and
 * the run names the decision ({@link #description()}) in its result. Every kernel gives the same
 * bits for a resample: they differ only in speed.
 *
 * <ul>
 *   <li>{@link Fused}: the iid draw inside the loop that sums or counts
 *       ({@link Evaluator#evaluateIid}), with no index buffer: for one column's moments, one pair's,
 *       or one column's order statistics, while the columns fit {@link #FUSED_MAX_BYTES};</li>
 *   <li>{@link Buffered}: the scheme fills an index buffer, then the statistics read it
 *       ({@link Evaluator#evaluate}); every other case, and every run that also computes the
 *       studentized interval's standard errors (they read the buffer).</li>
 * </ul>
 */
sealed interface ResampleKernel {

  /**
   * The largest columns, in bytes read per drawn row times rows, that the fused loop draws from.
   * Beyond about half of a core's L2 cache every read misses, and the fused loop measured 10-30 %
   * slower than the buffered passes with two threads (n = 100,000), while at n = 3,000 it is
   * 1.3-1.4x faster (docs/benchmarks.md).
   */
  long FUSED_MAX_BYTES = 256 * 1024;

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
   * The kernel for {@code plan} resampled by {@code resampler}: fused when the scheme is plain iid,
   * the plan fuses the draw ({@link EvaluationPlan#iidFusion()}), its columns fit
   * {@link #FUSED_MAX_BYTES} and no standard errors are wanted; buffered otherwise.
   *
   * @param standardErrors the studentized interval's standard errors, or null when not wanted
   */
  static ResampleKernel choose(EvaluationPlan plan, Resampler resampler, StandardErrorOutput standardErrors) {
    if (standardErrors == null && resampler instanceof IidResampler iid
        && plan.iidFusion() != EvaluationPlan.IidFusion.NONE
        && plan.fusedBytesPerRow() * plan.rows() <= FUSED_MAX_BYTES) {
      return new Fused(plan, iid);
    }
    return new Buffered(plan, resampler, standardErrors);
  }

  /** The iid draw fused with the sums or rank counts of one column or pair. */
  record Fused(EvaluationPlan plan, IidResampler resampler) implements ResampleKernel {
    @Override
    public String description() {
      return "iid draw (scalar) fused with " + switch (plan.iidFusion()) {
        case MOMENTS -> "one column's power sums";
        case PAIR -> "one pair's power and cross sums";
        case RANKS -> "one column's rank counts";
        case NONE -> throw new IllegalStateException("not fused");
      };
    }

    @Override
    public Worker newWorker() {
      final Evaluator evaluator = plan.newEvaluator();
      final long threshold = resampler.threshold();
      return (b, values, se) -> evaluator.evaluateIid(resampler.streamState(b), threshold, values);
    }
  }

  /** The scheme's indices into a buffer, then the statistics (and standard errors) over it. */
  record Buffered(EvaluationPlan plan, Resampler resampler, StandardErrorOutput standardErrors)
      implements ResampleKernel {
    @Override
    public String description() {
      final String draw = resampler instanceof IidResampler ? "iid draw (" + ResampleStreams.drawImplementation() + ")"
          : resampler.name() + " draw (scalar)";
      return draw + " into an index buffer";
    }

    @Override
    public Worker newWorker() {
      final Evaluator evaluator = plan.newEvaluator();
      final IndexBuffer buffer = new IndexBuffer(resampler.size());
      final StandardErrorOutput.Scratch seScratch = standardErrors == null ? null : standardErrors.newScratch();
      return (b, values, se) -> {
        buffer.fill(resampler, b);
        evaluator.evaluate(buffer.indices(), buffer.length(), values);
        if (se != null) {
          standardErrors.compute(b, buffer.indices(), buffer.length(), evaluator, seScratch, se);
        }
      };
    }
  }
}
