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
 * @param timingChart {@code timing.png}, when timing was given
 * @param figure {@code figure.png}, the tutorial's 2 x 2 figure, when timing was given and there
 *     are at least three statistics
 */
public record ReportFiles(Path html, List<Path> histograms, Optional<Path> timingChart, Optional<Path> figure) {

  public ReportFiles {
    histograms = List.copyOf(histograms);
  }

  /** Every file written: the PNGs, then the report (the order they were written). */
  public List<Path> all() {
    final List<Path> out = new ArrayList<>(histograms);
    timingChart.ifPresent(out::add);
    figure.ifPresent(out::add);
    out.add(html);
    return out;
  }
}
