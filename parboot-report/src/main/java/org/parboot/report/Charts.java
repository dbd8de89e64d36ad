package org.parboot.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Iterator;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOWriteProgressListener;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.parboot.CancelledException;
import org.parboot.StatisticResult;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;

/**
 * The report's charts, drawn with XChart (headless: no display is needed).
 *
 * <p>Every chart is {@value #WIDTH} x {@value #HEIGHT} pixels; {@link #grid2x2} composes four of
 * them into the tutorial's {@value #GRID_WIDTH} x {@value #GRID_HEIGHT} figure. {@link #png}
 * encodes either as PNG bytes.
 *
 * <p>Degenerate input never throws: NaN and infinite replicates are left out of histograms (a
 * chart with no finite replicate says so in its title), a distribution of one value is drawn as
 * one narrow bar, and NaN interval endpoints draw no band.
 */
public final class Charts {

  /** Width of one chart, in pixels. */
  public static final int WIDTH = 800;
  /** Height of one chart, in pixels. */
  public static final int HEIGHT = 500;
  /** Width of the 2 x 2 figure, in pixels. */
  public static final int GRID_WIDTH = 2 * WIDTH;
  /** Height of the 2 x 2 figure, in pixels. */
  public static final int GRID_HEIGHT = 2 * HEIGHT;

  /** Bounds on the histogram's bin count (Freedman-Diaconis, clamped). */
  static final int MIN_BINS = 20;
  static final int MAX_BINS = 80;

  private static final Color BARS = new Color(0x4C72B0);
  private static final Color BARS_FILL = new Color(0x4C, 0x72, 0xB0, 170);
  private static final Color BAND = new Color(0xDD, 0x84, 0x52, 70);
  private static final Color OBSERVED = new Color(0xC4, 0x1E, 0x3A);
  private static final Color RUNS = new Color(0x4C, 0x72, 0xB0, 190);
  private static final Color MEDIAN = new Color(0xDD, 0x84, 0x52);
  private static final Color MEDIAN_FILL = new Color(0xDD, 0x84, 0x52, 110);

  private Charts() {}

  /**
   * The histogram of a statistic's bootstrap distribution: its finite replicates in
   * Freedman-Diaconis bins (clamped to {@value #MIN_BINS}-{@value #MAX_BINS}), the observed
   * (full-data) value as a vertical line, and one confidence interval shaded: BCa if defined,
   * else the first defined interval, else none.
   */
  public static BufferedImage histogram(StatisticResult result) {
    return BitmapEncoder.getBufferedImage(histogramChart(result));
  }

  static XYChart histogramChart(StatisticResult result) {
    final double[] finite = IntStream.range(0, result.resamples()).mapToDouble(result::replicate).filter(Double::isFinite)
        .sorted().toArray();
    final XYChart chart = base(result.label(), result.label(), "resamples");
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
    chart.getStyler().setYAxisMin(0.0);
    if (finite.length == 0) {
      chart.setTitle(result.label() + ": no finite replicates");
      line(chart, "no data", new double[] {0, 1}, new double[] {0, 0}, Color.LIGHT_GRAY);
      return chart;
    }
    final double[] edges = binEdges(finite);
    final int bins = edges.length - 1;
    final int[] counts = new int[bins];
    final double width = (edges[bins] - edges[0]) / bins;
    for (double v : finite) {
      counts[Math.min(bins - 1, Math.max(0, (int) ((v - edges[0]) / width)))]++;
    }
    final int top = Arrays.stream(counts).max().orElse(1);
    // The bars as one outline: up and down at every edge.
    final double[] x = new double[2 * bins + 2];
    final double[] y = new double[2 * bins + 2];
    for (int i = 0; i < bins; i++) {
      x[2 * i + 1] = x[2 * i] = edges[i];
      y[2 * i + 1] = counts[i];
      y[2 * i + 2] = counts[i];
      x[2 * i + 2] = edges[i + 1];
    }
    y[0] = 0;
    x[2 * bins + 1] = edges[bins];
    y[2 * bins + 1] = 0;
    // The band first, so the bars are drawn over it.
    shownInterval(result).ifPresent(ci -> {
      final XYSeries band = chart.addSeries(String.format(Locale.ROOT, "%s %s interval [%s, %s]",
          percent(ci.level()), ci.method().spelling(), number(ci.low()), number(ci.high())),
          new double[] {ci.low(), ci.low(), ci.high(), ci.high()}, new double[] {0, top * 1.05, top * 1.05, 0});
      band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
      band.setFillColor(BAND);
      band.setLineColor(BAND);
      band.setMarker(SeriesMarkers.NONE);
    });
    final XYSeries bars = chart.addSeries(String.format(Locale.ROOT, "%d replicates, %d bins", finite.length, bins),
        x, y);
    bars.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    bars.setFillColor(BARS_FILL);
    bars.setLineColor(BARS);
    bars.setMarker(SeriesMarkers.NONE);
    if (Double.isFinite(result.observed())) {
      line(chart, "observed " + number(result.observed()), new double[] {result.observed(), result.observed()},
          new double[] {0, top * 1.05}, OBSERVED);
    }
    return chart;
  }

  /**
   * The interval a histogram shades: BCa if defined and finite, else the first defined finite
   * one, else none.
   */
  static Optional<Interval> shownInterval(StatisticResult result) {
    final List<Interval> usable = result.intervals().stream()
        .filter(ci -> Double.isFinite(ci.low()) && Double.isFinite(ci.high())).toList();
    return usable.stream().filter(ci -> ci.method() == IntervalMethod.BCA).findFirst()
        .or(() -> usable.stream().findFirst());
  }

  /**
   * Histogram bin edges for sorted finite values: Freedman-Diaconis width {@code 2 IQR n^(-1/3)},
   * the count clamped to {@value #MIN_BINS}-{@value #MAX_BINS} ({@value #MIN_BINS} when the IQR is
   * 0); one bar of small width around the value when all values are equal.
   */
  static double[] binEdges(double[] sorted) {
    final int n = sorted.length;
    final double lo = sorted[0];
    final double hi = sorted[n - 1];
    if (!(hi > lo)) {
      final double half = Math.max(Math.abs(lo) * 1e-3, 1e-9);
      return new double[] {lo - half, lo + half};
    }
    final double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    int bins = MIN_BINS;
    if (iqr > 0) {
      final double h = 2 * iqr / Math.cbrt(n);
      bins = (int) Math.max(MIN_BINS, Math.min(MAX_BINS, Math.ceil((hi - lo) / h)));
    }
    final double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = lo + (hi - lo) * i / bins;
    }
    edges[bins] = hi;
    return edges;
  }

  private static double quantile(double[] sorted, double p) {
    final double pos = p * (sorted.length - 1);
    final int i = (int) Math.floor(pos);
    final int j = Math.min(sorted.length - 1, i + 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }

  /**
   * Run times per configuration ({@value #WIDTH} x {@value #HEIGHT}): the median of each as a
   * bar, every timed run as a point over it; configurations left to right in plan order.
   */
  public static BufferedImage timing(TimingResult timing) {
    return BitmapEncoder.getBufferedImage(timingChart(timing));
  }

  static CategoryChart timingChart(TimingResult timing) {
    final List<StrategyTiming> strategies = timing.strategies();
    final int r = timing.runsPerConfig();
    final CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title(String.format(Locale.ROOT, "Run time, %d run%s each (B = %d)", r, r == 1 ? "" : "s",
            timing.resamples()))
        .xAxisTitle("strategy").yAxisTitle("run time (ms)").build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setOverlapped(true); // the runs' points over their median's bar
    chart.getStyler().setAvailableSpaceFill(0.5);
    final List<String> labels = strategies.stream().map(s -> s.config().label()).toList();
    final CategorySeries median = chart.addSeries("median", labels,
        strategies.stream().map(StrategyTiming::medianMillis).toList());
    median.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Bar);
    median.setFillColor(MEDIAN_FILL);
    median.setLineColor(MEDIAN);
    for (int k = 0; k < r; k++) {
      final int run = k;
      final CategorySeries runs = chart.addSeries(k == 0 ? "runs" : "run " + (k + 1), labels,
          strategies.stream().map(s -> s.runsMillis().get(run)).toList());
      runs.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Scatter);
      runs.setMarker(SeriesMarkers.CIRCLE);
      runs.setMarkerColor(RUNS);
      runs.setShowInLegend(k == 0);
    }
    return chart;
  }

  /** The most points a QQ plot draws: quantiles at evenly spaced probabilities beyond it. */
  static final int QQ_POINTS = 2000;

  /**
   * The normal QQ plot of a statistic's bootstrap distribution (as R's {@code plot.boot} draws
   * beside the histogram): its finite replicates' quantiles against the standard normal's at the
   * same probabilities ({@code (i + 0.5)/m}; at most {@value #QQ_POINTS} points), and the line of a
   * normal distribution with the replicates' mean and standard deviation. Points on the line: the
   * normal and percentile intervals agree; a curve: skewness, which BCa corrects for.
   */
  public static BufferedImage qq(StatisticResult result) {
    return BitmapEncoder.getBufferedImage(qqChart(result));
  }

  static XYChart qqChart(StatisticResult result) {
    final double[] finite = IntStream.range(0, result.resamples()).mapToDouble(result::replicate).filter(Double::isFinite)
        .sorted().toArray();
    final XYChart chart = base("Normal QQ plot: " + result.label(), "standard normal quantile",
        result.label() + " (replicate quantile)");
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
    if (finite.length < 2) {
      chart.setTitle(result.label() + ": fewer than two finite replicates");
      line(chart, "no data", new double[] {0, 1}, new double[] {0, 0}, Color.LIGHT_GRAY);
      return chart;
    }
    final int m = finite.length;
    final int points = Math.min(m, QQ_POINTS);
    final double[] z = new double[points];
    final double[] q = new double[points];
    final org.apache.commons.statistics.distribution.NormalDistribution normal =
        org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);
    for (int k = 0; k < points; k++) {
      final int i = points == m ? k : (int) Math.round((double) k * (m - 1) / (points - 1));
      z[k] = normal.inverseCumulativeProbability((i + 0.5) / m);
      q[k] = finite[i];
    }
    double mean = 0;
    for (double v : finite) {
      mean += v;
    }
    mean /= m;
    double ss = 0;
    for (double v : finite) {
      ss += (v - mean) * (v - mean);
    }
    final double sd = Math.sqrt(ss / (m - 1));
    final XYSeries dots = chart.addSeries(String.format(Locale.ROOT, "%d replicates", m), z, q);
    dots.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    dots.setMarker(SeriesMarkers.CIRCLE);
    dots.setMarkerColor(RUNS);
    line(chart, "normal(mean " + number(mean) + ", sd " + number(sd) + ")", new double[] {z[0], z[points - 1]},
        new double[] {mean + sd * z[0], mean + sd * z[points - 1]}, OBSERVED);
    return chart;
  }

  /**
   * The tutorial's figure: four charts in a 2 x 2 grid ({@value #GRID_WIDTH} x
   * {@value #GRID_HEIGHT}), row by row; each is drawn at {@value #WIDTH} x {@value #HEIGHT}.
   */
  public static BufferedImage grid2x2(BufferedImage topLeft, BufferedImage topRight, BufferedImage bottomLeft,
      BufferedImage bottomRight) {
    final BufferedImage out = new BufferedImage(GRID_WIDTH, GRID_HEIGHT, BufferedImage.TYPE_INT_RGB);
    final Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, GRID_WIDTH, GRID_HEIGHT);
      final BufferedImage[] charts = {topLeft, topRight, bottomLeft, bottomRight};
      for (int i = 0; i < 4; i++) {
        g.drawImage(charts[i], (i % 2) * WIDTH, (i / 2) * HEIGHT, WIDTH, HEIGHT, null);
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * PNG bytes of an image, encoded in memory: ImageIO's disk cache is not used, so no
   * {@code imageio*.tmp} file is made in the system's temporary folder (where an interrupted run
   * would leave it). An interrupt of the calling thread aborts the encoding (the PNG writer polls
   * between rows), with {@link CancelledException}.
   */
  public static byte[] png(BufferedImage image) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    final Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IllegalStateException("no PNG writer in this JDK");
    }
    final ImageWriter writer = writers.next();
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.addIIOWriteProgressListener(new AbortOnInterrupt());
      writer.write(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: does not happen
    } finally {
      writer.dispose();
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new CancelledException("interrupted while encoding a chart", false);
    }
    return out.toByteArray();
  }

  /** Aborts a PNG write when the writing thread is interrupted. */
  private static final class AbortOnInterrupt implements IIOWriteProgressListener {
    @Override
    public void imageProgress(ImageWriter source, float percentageDone) {
      if (Thread.currentThread().isInterrupted()) {
        source.abort();
      }
    }

    @Override
    public void imageStarted(ImageWriter source, int imageIndex) {
      imageProgress(source, 0);
    }

    @Override
    public void imageComplete(ImageWriter source) {}

    @Override
    public void thumbnailStarted(ImageWriter source, int imageIndex, int thumbnailIndex) {}

    @Override
    public void thumbnailProgress(ImageWriter source, float percentageDone) {}

    @Override
    public void thumbnailComplete(ImageWriter source) {}

    @Override
    public void writeAborted(ImageWriter source) {}
  }

  private static XYChart base(String title, String xTitle, String yTitle) {
    final XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    return chart;
  }

  private static void style(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotGridVerticalLinesVisible(false);
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    styler.setLocale(Locale.ROOT);
  }

  private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
    final XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(new BasicStroke(2f));
    return s;
  }

  static String percent(double level) {
    return String.format(Locale.ROOT, "%s%%", number(level * 100));
  }

  /** A number with up to 6 significant digits, "NaN" or "undefined"-free: for labels. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    final String s = String.format(Locale.ROOT, "%.6g", v);
    if (s.contains("e")) {
      return s;
    }
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
