package org.parboot.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parboot.BootstrapResult;
import org.parboot.CancelledException;
import org.parboot.StatisticResult;
import org.parboot.io.OutputSink;

/**
 * Writes a run's report into a directory:
 *
 * <ul>
 *   <li>{@code hist-<n>-<slug>.png}: one histogram per statistic ({@link Charts#WIDTH} x
 *       {@link Charts#HEIGHT}), n from 1 in result order, slug the label in lower-case letters,
 *       digits and dashes;</li>
 *   <li>{@code qq-<n>-<slug>.png}: each statistic's normal QQ plot ({@link Charts#qq}), as R's
 *       {@code plot.boot} draws it beside the histogram;</li>
 *   <li>{@code timing.png}: run times per strategy ({@link Charts#WIDTH} x {@link Charts#HEIGHT}),
 *       when timing is given;</li>
 *   <li>{@code figure.png}: the tutorial's 2 x 2 figure ({@link Charts#GRID_WIDTH} x
 *       {@link Charts#GRID_HEIGHT}: timing, then the first three histograms), when timing is given
 *       and there are at least three statistics;</li>
 *   <li>{@code report.html}: settings (with the parboot version and the command line that repeats
 *       the run, when the caller gives them: {@link Provenance}), results with their Monte Carlo
 *       errors, warnings, timing table and the figures, embedded
 *       as PNG data URIs, so the page is complete on its own and makes no network request.</li>
 * </ul>
 *
 * <p>Every file goes through an {@link OutputSink}: written at once and atomically
 * ({@link OutputSink#immediate()}: a reader never sees half a file, and {@code report.html} comes
 * last, so it never names a missing file), or staged with a command's other outputs until they
 * are committed together ({@link org.parboot.io.StagedOutputs}). The writer checks the thread's
 * interrupt between files. Existing files of the same names are replaced.
 */
public final class ReportWriter {

  /** The report's file name. */
  public static final String HTML = "report.html";
  /** The timing chart's file name. */
  public static final String TIMING_PNG = "timing.png";
  /** The 2 x 2 figure's file name. */
  public static final String FIGURE_PNG = "figure.png";

  private static final int MAX_SLUG = 40;

  private ReportWriter() {}

  /**
   * Writes the report of {@code result}, with the timing section and charts if {@code timing} is
   * present, into {@code dir} (created if missing).
   *
   * @throws IOException if a file cannot be written (temporary files are removed)
   * @throws CancelledException if the thread is interrupted before the report is written
   */
  public static ReportFiles write(Path dir, BootstrapResult result, Optional<TimingResult> timing) throws IOException {
    return write(OutputSink.immediate(), dir, result, timing);
  }

  /** True for the names of the files a report writes ({@code report.html}, {@code *.png}). */
  public static boolean writesFileNamed(String name) {
    return name.equals(HTML) || name.endsWith(".png");
  }

  /**
   * Writes the report as {@link #write(Path, BootstrapResult, Optional)} does, each file through
   * {@code sink}.
   */
  public static ReportFiles write(OutputSink sink, Path dir, BootstrapResult result, Optional<TimingResult> timing)
      throws IOException {
    return write(sink, dir, result, timing, Provenance.unknown());
  }

  /**
   * Writes the report as {@link #write(OutputSink, Path, BootstrapResult, Optional)} does, its
   * settings naming the parboot that wrote it and the command line that repeats the run.
   */
  public static ReportFiles write(OutputSink sink, Path dir, BootstrapResult result, Optional<TimingResult> timing,
      Provenance provenance) throws IOException {
    final List<HtmlReport.Figure> shown = new ArrayList<>();
    final List<Path> histograms = new ArrayList<>();
    final List<BufferedImage> histImages = new ArrayList<>();
    final List<HtmlReport.Figure> histFigures = new ArrayList<>();
    final List<Path> qqPlots = new ArrayList<>();
    final List<HtmlReport.Figure> qqFigures = new ArrayList<>();
    final List<StatisticResult> stats = result.statistics();
    for (int i = 0; i < stats.size(); i++) {
      final StatisticResult s = stats.get(i);
      final BufferedImage image = Charts.histogram(s);
      final String name = histogramFileName(i + 1, s.label());
      final byte[] png = Charts.png(image);
      histograms.add(write(sink, dir, name, png));
      histImages.add(image);
      histFigures.add(new HtmlReport.Figure(name, "Histogram of the bootstrap distribution of " + s.label(),
          "Bootstrap distribution of " + s.label() + ": observed value marked, confidence interval shaded",
          png, Charts.WIDTH, Charts.HEIGHT));
      checkInterrupt();
      final String qqName = chartFileName("qq", i + 1, s.label());
      final byte[] qqPng = Charts.png(Charts.qq(s));
      qqPlots.add(write(sink, dir, qqName, qqPng));
      qqFigures.add(new HtmlReport.Figure(qqName, "Normal QQ plot of the bootstrap distribution of " + s.label(),
          "Normal QQ plot of " + s.label() + "'s replicates: on the line, the normal and percentile intervals agree; "
              + "a curve is skewness, which BCa corrects for", qqPng, Charts.WIDTH, Charts.HEIGHT));
    }
    Optional<Path> timingPath = Optional.empty();
    Optional<Path> figurePath = Optional.empty();
    int histogramsInFigure = 0;
    if (timing.isPresent()) {
      checkInterrupt();
      final BufferedImage timingChart = Charts.timing(timing.get());
      final byte[] png = Charts.png(timingChart);
      timingPath = Optional.of(write(sink, dir, TIMING_PNG, png));
      final HtmlReport.Figure timingFigure = new HtmlReport.Figure(TIMING_PNG, "Run time of each strategy",
          "Run time of each strategy: every timed run a point, the median a bar", png, Charts.WIDTH, Charts.HEIGHT);
      if (stats.size() >= 3) {
        checkInterrupt();
        final byte[] grid = Charts.png(Charts.grid2x2(timingChart, histImages.get(0), histImages.get(1),
            histImages.get(2)));
        figurePath = Optional.of(write(sink, dir, FIGURE_PNG, grid));
        shown.add(new HtmlReport.Figure(FIGURE_PNG,
            "Run times per strategy and histograms of the first three bootstrap distributions",
            "Run times of serial against the parallel strategies, and the bootstrap distributions of "
                + stats.get(0).label() + ", " + stats.get(1).label() + " and " + stats.get(2).label(),
            grid, Charts.GRID_WIDTH, Charts.GRID_HEIGHT));
        histogramsInFigure = 3;
      } else {
        shown.add(timingFigure);
      }
    }
    // The figure already shows the first three histograms; embed each picture once.
    for (int i = 0; i < stats.size(); i++) {
      if (i >= histogramsInFigure) {
        shown.add(histFigures.get(i));
      }
      shown.add(qqFigures.get(i));
    }
    checkInterrupt();
    final String html = HtmlReport.render(result, timing, shown, Instant.now(), provenance);
    final Path htmlPath = write(sink, dir, HTML, html.getBytes(StandardCharsets.UTF_8));
    return new ReportFiles(htmlPath, histograms, qqPlots, timingPath, figurePath);
  }

  /** {@code hist-<n>-<slug>.png}, e.g. {@code hist-2-std-temp-max-ddof-0.png}. */
  static String histogramFileName(int n, String label) {
    return chartFileName("hist", n, label);
  }

  /** {@code <kind>-<n>-<slug>.png}: a statistic's chart, e.g. {@code qq-2-std-temp-max-ddof-0.png}. */
  static String chartFileName(String kind, int n, String label) {
    String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_SLUG) {
      slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
    }
    return kind + "-" + n + (slug.isEmpty() ? "" : "-" + slug) + ".png";
  }

  private static void checkInterrupt() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancelledException("interrupted while writing the report; " + HTML + " was not written", false);
    }
  }

  private static Path write(OutputSink sink, Path dir, String name, byte[] bytes) throws IOException {
    final Path target = dir.resolve(name);
    sink.writeBytes(target, bytes);
    return target;
  }
}
