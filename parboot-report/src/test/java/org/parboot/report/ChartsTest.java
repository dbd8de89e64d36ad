package org.parboot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.parboot.StatisticResult;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;
import org.parboot.stat.MomentStatistic;

class ChartsTest {

  @Test
  void histogram_allReplicatesEqualAndNaNEndpoints_drawsWithoutThrowing() throws IOException {
    final double[] same = new double[50];
    Arrays.fill(same, 3.25);
    final StatisticResult r = result(3.25, same,
        new Interval(IntervalMethod.BCA, 0.95, Double.NaN, Double.NaN),
        new Interval(IntervalMethod.PERCENTILE, 0.95, 3.25, 3.25));

    assertThat(decode(Charts.png(Charts.histogram(r)))).satisfies(size(Charts.WIDTH, Charts.HEIGHT));
  }

  @Test
  void histogram_noFiniteReplicatesAndNaNObserved_drawsWithoutThrowing() throws IOException {
    final StatisticResult r = result(Double.NaN, new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN},
        new Interval(IntervalMethod.BCA, 0.95, Double.NaN, Double.NaN));

    assertThat(decode(Charts.png(Charts.histogram(r)))).satisfies(size(Charts.WIDTH, Charts.HEIGHT));
  }

  @Test
  void histogram_zeroReplicatesAndSomeNaN_drawsWithoutThrowing() throws IOException {
    final StatisticResult r = result(0, new double[] {0, 0, Double.NaN, 0},
        new Interval(IntervalMethod.NORMAL, 0.9, 0, 0));

    assertThat(decode(Charts.png(Charts.histogram(r)))).satisfies(size(Charts.WIDTH, Charts.HEIGHT));
  }

  @Test
  void shownInterval_bcaUndefined_fallsBackToFirstDefined() {
    final StatisticResult r = result(1, new double[] {0, 1, 2},
        new Interval(IntervalMethod.PERCENTILE, 0.95, Double.NaN, 2),
        new Interval(IntervalMethod.BCA, 0.95, Double.NaN, Double.NaN),
        new Interval(IntervalMethod.BASIC, 0.95, 0.5, 1.5));

    assertThat(Charts.shownInterval(r)).get().extracting(Interval::method).isEqualTo(IntervalMethod.BASIC);
  }

  @Test
  void binEdges_manyOrFewValues_binCountClamped() {
    final double[] wide = new double[1001];
    for (int i = 0; i < 1000; i++) {
      wide[i] = i / 1000.0;
    }
    wide[1000] = 1e6; // one far outlier: Freedman-Diaconis wants millions of bins
    assertThat(Charts.binEdges(wide)).hasSize(Charts.MAX_BINS + 1);
    assertThat(Charts.binEdges(new double[] {0, 1, 2, 3})).hasSize(Charts.MIN_BINS + 1);
    assertThat(Charts.binEdges(new double[] {5, 5, 5})).hasSize(2);
  }

  @Test
  void qq_normalReplicates_lieOnTheLine_andFewReplicatesStillDraw() throws IOException {
    final java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
    final double[] reps = new double[5000];
    for (int i = 0; i < reps.length; i++) {
      reps[i] = 3 + 2 * rnd.nextGaussian();
    }
    final StatisticResult s = result(3, reps);
    final org.knowm.xchart.XYChart chart = Charts.qqChart(s);
    final var dots = chart.getSeriesCollection().iterator().next();
    final double[] z = dots.getXData();
    final double[] q = dots.getYData();
    assertThat(z).hasSize(Charts.QQ_POINTS);
    for (int k = z.length / 10; k < z.length * 9 / 10; k++) {
      assertThat(q[k]).isCloseTo(3 + 2 * z[k], org.assertj.core.data.Offset.offset(0.15)); // on the line
    }
    assertThat(decode(Charts.png(Charts.qq(s)))).satisfies(size(800, 500));
    final StatisticResult one = result(3, new double[] {Double.NaN, 1});
    assertThat(decode(Charts.png(Charts.qq(one)))).satisfies(size(800, 500));
  }

  @Test
  void grid2x2_fourCharts_hasGridSize() {
    final BufferedImage h = Charts.histogram(result(1, new double[] {0.5, 1, 1.5, 2}));
    final BufferedImage grid = Charts.grid2x2(h, h, h, h);

    assertThat(grid).satisfies(size(Charts.GRID_WIDTH, Charts.GRID_HEIGHT));
  }

  static StatisticResult result(double observed, double[] replicates, Interval... intervals) {
    return new StatisticResult(MomentStatistic.mean("x"), observed, 0, 0, List.of(intervals),
        (int) Arrays.stream(replicates).filter(v -> !Double.isFinite(v)).count(), replicates);
  }

  static BufferedImage decode(byte[] png) throws IOException {
    final BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("decodes as an image").isNotNull();
    return image;
  }

  static java.util.function.Consumer<BufferedImage> size(int width, int height) {
    return image -> {
      assertThat(image.getWidth()).as("width").isEqualTo(width);
      assertThat(image.getHeight()).as("height").isEqualTo(height);
    };
  }
}
