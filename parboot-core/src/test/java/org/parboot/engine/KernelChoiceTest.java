package org.parboot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.eval.EvaluationPlan;
import org.parboot.rng.ResampleStreams;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * The kernel is chosen once per run ({@link ResampleKernel#choose}) and named in the result, with
 * the summation layout; the streamed and the buffered kernels give the same bits.
 */
class KernelChoiceTest {
  private static final Dataset DATA = data();

  private static Dataset data() {
    final java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    final double[] x = new double[1461];
    final double[] y = new double[1461];
    for (int i = 0; i < x.length; i++) {
      x[i] = 10 + 3 * r.nextGaussian();
      y[i] = x[i] + r.nextGaussian();
    }
    return Dataset.builder("test").column("x", x).column("y", y).build();
  }

  private static BootstrapResult run(List<Statistic> stats, Scheme scheme, IntervalMethod... methods) {
    return Bootstrap.run(DATA, stats, BootstrapOptions.builder().seed(9).resamples(300).scheme(scheme)
        .intervals(methods.length == 0 ? List.of(IntervalMethod.PERCENTILE) : List.of(methods)).build());
  }

  @Test
  void kernel_iidWithoutStudentized_streamedInBlocksWhateverTheStatistics() {
    final String streamed = "iid draw (" + ResampleStreams.drawImplementation() + ") in blocks of 256, row counts, sums ("
        + EvaluationPlan.sumsImplementation() + ")";
    assertThat(run(List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0)), Scheme.iid()).kernel())
        .isEqualTo(streamed);
    assertThat(run(List.of(MomentStatistic.corr("x", "y"), OrderStatistic.median("x")), Scheme.iid()).kernel())
        .isEqualTo(streamed);
    assertThat(run(List.of(MomentStatistic.mean("x")), Scheme.iid(), IntervalMethod.BCA).layout()).isEqualTo("rows8");
  }

  @Test
  void kernel_otherSchemesOrStudentized_buffered() {
    assertThat(run(List.of(MomentStatistic.mean("x")), Scheme.iid(), IntervalMethod.STUDENTIZED).kernel())
        .isEqualTo("iid draw (" + ResampleStreams.drawImplementation() + ") into an index buffer, row counts, sums ("
            + EvaluationPlan.sumsImplementation() + ")");
    assertThat(run(List.of(MomentStatistic.mean("x")), new Scheme.MovingBlock(BlockLength.of(5))).kernel())
        .startsWith("moving-block(L=5) draw (scalar) into an index buffer, row counts, sums (");
  }

  @Test
  void replicates_streamedAndBuffered_sameBits() {
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0),
        MomentStatistic.skew("x", true), MomentStatistic.corr("x", "y"), OrderStatistic.median("y"));
    final BootstrapResult streamed = run(stats, Scheme.iid());
    // The studentized interval needs the index buffer: the same statistics, buffered.
    final BootstrapResult buffered = run(stats, Scheme.iid(), IntervalMethod.PERCENTILE, IntervalMethod.STUDENTIZED);
    assertThat(streamed.kernel()).contains("blocks");
    assertThat(buffered.kernel()).contains("index buffer");
    for (int s = 0; s < stats.size(); s++) {
      assertThat(streamed.statistics().get(s).replicates()).isEqualTo(buffered.statistics().get(s).replicates());
    }
  }
}
