package org.parboot.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files {@link ReportWriter#write} wrote, all in one directory.
 *
 * @param html {@code report.html}
 * @param histograms {@code hist-<n>-<slug>.png}, one per statistic, in result order
 * @param qqPlots {@code qq-<n>-<slug>.png}, each statistic's normal QQ plot, in result order
 * @param timingChart {@code timing.png}, when timing was given
 * @param figure {@code figure.png}, the tutorial's 2 x 2 figure, when timing was given and there
 *     are at least three statistics
 */
public record ReportFiles(Path html, List<Path> histograms, List<Path> qqPlots, Optional<Path> timingChart,
    Optional<Path> figure) {

  public ReportFiles {
    histograms = List.copyOf(histograms);
    qqPlots = List.copyOf(qqPlots);
  }

  /** Every file written: the PNGs, then the report (the order they were written). */
  public List<Path> all() {
    final List<Path> out = new ArrayList<>();
    for (int i = 0; i < histograms.size(); i++) {
      out.add(histograms.get(i));
      out.add(qqPlots.get(i));
    }
    timingChart.ifPresent(out::add);
    figure.ifPresent(out::add);
    out.add(html);
    return out;
  }
}
