package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.parboot.data.Dataset;
import org.parboot.resample.Scheme;
import org.parboot.rng.ResampleStreams;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;
import org.junit.jupiter.api.Test;

/**
 * The engine fuses the draw with the sums exactly when it should, the fused run gives the bits of
 * a buffered one, and {@link BootstrapResult#indexDraw} says which draw ran.
 */
class IndexDrawTest {

  private static Dataset data() {
    final SplittableRandom r = new SplittableRandom(11);
    final double[] x = new double[1461];
    final double[] y = new double[1461];
    for (int i = 0; i < x.length; i++) {
      x[i] = 10 + 3 * r.nextGaussian();
      y[i] = x[i] + r.nextGaussian();
    }
    return Dataset.builder("test").column("x", x).column("y", y).build();
  }

  private static BootstrapResult run(List<Statistic> stats, Scheme scheme) {
    return Bootstrap.run(data(), stats, BootstrapOptions.builder().resamples(300).seed(9).scheme(scheme)
        .blockLength(scheme == Scheme.IID ? 0 : 5).build());
  }

  @Test
  void oneColumnsMoments_iid_areFusedAndEqualTheBufferedDrawBitForBit() {
    final List<Statistic> moments = List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0),
        MomentStatistic.skew("x", true), MomentStatistic.kurt("x", true));
    final BootstrapResult fused = run(moments, Scheme.IID);
    assertThat(fused.indexDraw()).startsWith("scalar, fused with the sums");
    // The same statistics with one that needs the index buffer: the moments' replicates must not move.
    final List<Statistic> withMedian = new java.util.ArrayList<>(moments);
    withMedian.add(OrderStatistic.median("x")); // moments and an order statistic: the buffered draw
    final BootstrapResult buffered = run(withMedian, Scheme.IID);
    assertThat(buffered.indexDraw()).isEqualTo(ResampleStreams.drawImplementation());
    for (int s = 0; s < moments.size(); s++) {
      assertThat(fused.statistics().get(s).replicates()).as(moments.get(s).label())
          .containsExactly(buffered.statistics().get(s).replicates());
    }
  }

  @Test
  void indexDraw_namesTheSchemeForNonIidAndTheBufferedDrawOtherwise() {
    assertThat(run(List.of(MomentStatistic.mean("x")), Scheme.MOVING_BLOCK).indexDraw())
        .startsWith("scalar (moving-block");
    assertThat(run(List.of(MomentStatistic.corr("x", "y")), Scheme.IID).indexDraw())
        .startsWith("scalar, fused with the sums");
    assertThat(run(List.of(MomentStatistic.mean("x"), MomentStatistic.mean("y")), Scheme.IID).indexDraw())
        .isEqualTo(ResampleStreams.drawImplementation());
  }
}
