package org.parboot.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS, images as PNG data URIs, no
 * scripts, no URL of any kind), so it opens offline and still works when moved alone.
 */
final class HtmlReport {

  /** A chart to embed, with the file it was also saved as. */
  record Figure(String fileName, String alt, String caption, byte[] png, int width, int height) {}

  private static final String CSS = """
      body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;margin:2em auto;max-width:1200px;color:#222;\
      padding:0 1em}
      h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;margin:.5em 0}
      th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      th{background:#f2f2f2}
      figure{margin:1em 0}img{max-width:100%;height:auto;border:1px solid #eee}
      figcaption{font-size:.9em;color:#555}
      .warn{color:#8a4b00}.undefined{color:#999;font-style:italic}
      """;

  private HtmlReport() {}

  static String render(BootstrapResult result, Optional<TimingResult> timing, List<Figure> figures,
      Instant date) {
    return render(result, timing, figures, date, Provenance.unknown());
  }

  static String render(BootstrapResult result, Optional<TimingResult> timing, List<Figure> figures,
      Instant date, Provenance provenance) {
    final StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>parboot report: ").append(escape(result.source())).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>parboot bootstrap report</h1>\n<p>")
        .append(result.options().resamples()).append(" resamples of ").append(result.n())
        .append(" observations from <code>").append(escape(result.source())).append("</code>.</p>\n");
    settings(h, result, timing, date, provenance);
    results(h, result);
    warnings(h, result.warnings());
    timing.ifPresent(t -> timingTable(h, t));
    h.append("<h2>Figures</h2>\n");
    for (Figure f : figures) {
      h.append("<figure><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(f.png()))
          .append("\" width=\"").append(f.width()).append("\" height=\"").append(f.height())
          .append("\" alt=\"").append(escape(f.alt())).append("\"><figcaption>").append(escape(f.caption()))
          .append(" (also saved as <code>").append(escape(f.fileName())).append("</code>)</figcaption></figure>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void settings(StringBuilder h, BootstrapResult r, Optional<TimingResult> timing, Instant date,
      Provenance provenance) {
    final BootstrapOptions o = r.options();
    h.append("<h2>Settings</h2>\n<table>\n");
    if (!provenance.version().isEmpty()) {
      row(h, "parboot", provenance.version());
    }
    if (!provenance.commandLine().isEmpty()) {
      h.append("<tr><th scope=\"row\">Command line (repeats this run)</th><td><code>")
          .append(escape(provenance.commandLine())).append("</code></td></tr>\n");
    }
    row(h, "Data source", r.source());
    row(h, "Observations (n)", Long.toString(r.n()));
    row(h, "Rows dropped (missing)", Long.toString(r.droppedMissing()));
    row(h, "Resamples (B)", Integer.toString(o.resamples()));
    row(h, "Seed", o.seed() + (o.seedGiven() ? "" : " (drawn at random)"));
    row(h, "RNG algorithm", r.rng());
    row(h, "Resampling scheme", r.scheme());
    row(h, "Summation layout", r.layout());
    row(h, "Kernel", r.kernel());
    row(h, "Executor", !r.local() ? r.engine() : timing.isPresent()
        ? "timed: " + String.join(", ", timing.get().configs().stream().map(TimingConfig::label).toList())
        : o.execution().executor().spelling() + ", " + o.execution().threads() + " thread(s)");
    row(h, "Confidence level", Charts.percent(o.intervals().level()));
    row(h, "Interval methods", String.join(", ", o.intervals().methods().stream().map(IntervalMethod::spelling).toList()));
    row(h, "Run time", String.format(Locale.ROOT, "%.1f ms", r.elapsed().toNanos() / 1e6));
    row(h, "JDK", Runtime.version() + " (" + System.getProperty("java.vm.name", "?") + ")");
    row(h, "Cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    row(h, "Date", date.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toString());
    h.append("</table>\n");
  }

  private static void row(StringBuilder h, String name, String value) {
    h.append("<tr><th scope=\"row\">").append(escape(name)).append("</th><td>").append(escape(value))
        .append("</td></tr>\n");
  }

  private static void results(StringBuilder h, BootstrapResult r) {
    final List<IntervalMethod> methods = r.options().intervals().methods();
    final boolean omitted = r.statistics().stream().anyMatch(s -> s.nonFinite() > 0);
    h.append("<h2>Results</h2>\n<table>\n<tr><th>Statistic</th><th>Observed</th><th>Bias</th>")
        .append("<th>Standard error</th>");
    for (IntervalMethod m : methods) {
      h.append("<th>").append(escape(Charts.percent(r.options().intervals().level()) + " " + m.spelling())).append("</th>");
    }
    if (omitted) {
      h.append("<th>Non-finite replicates</th>");
    }
    h.append("</tr>\n");
    for (StatisticResult s : r.statistics()) {
      h.append("<tr><td><code>").append(escape(s.label())).append("</code></td>");
      num(h, s.observed());
      num(h, s.bias(), s.biasMcError());
      num(h, s.standardError(), s.standardErrorMcError());
      for (Interval ci : s.intervals()) {
        if (ci.defined()) {
          h.append("<td class=\"num\">").append(escape(ci.spelling(Charts::number)));
          if (Double.isFinite(ci.lowError()) || Double.isFinite(ci.highError())) {
            h.append(" <small class=\"mc\">").append(mc(ci.lowError())).append(" / ").append(mc(ci.highError()))
                .append("</small>");
          }
          h.append("</td>");
        } else {
          h.append("<td class=\"undefined\">undefined</td>");
        }
      }
      if (omitted) {
        h.append("<td class=\"num\">").append(s.nonFinite()).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n<p class=\"note\">± is the Monte Carlo standard error of the value before it (of an "
        + "interval's low / high endpoint): how much another seed would move it at the same number of resamples.</p>\n");
  }

  private static void num(StringBuilder h, double v) {
    h.append("<td class=\"num\">").append(escape(Charts.number(v))).append("</td>");
  }

  /** A number with its Monte Carlo standard error. */
  private static void num(StringBuilder h, double v, double error) {
    h.append("<td class=\"num\">").append(escape(Charts.number(v)));
    if (Double.isFinite(error)) {
      h.append(" <small class=\"mc\">").append(mc(error)).append("</small>");
    }
    h.append("</td>");
  }

  /** {@code ±0.0014}, two significant digits; {@code –} when not known (an open side). */
  private static String mc(double error) {
    return Double.isFinite(error) ? "±" + escape(String.format(java.util.Locale.ROOT, "%.2g", error)) : "–";
  }

  private static void warnings(StringBuilder h, List<String> warnings) {
    if (warnings.isEmpty()) {
      return;
    }
    h.append("<h2>Warnings</h2>\n<ul class=\"warn\">\n");
    for (String w : warnings) {
      h.append("<li>").append(escape(w)).append("</li>\n");
    }
    h.append("</ul>\n");
  }

  private static void timingTable(StringBuilder h, TimingResult t) {
    h.append("<h2>Timing</h2>\n<p>").append(t.warmups()).append(" warm-up and ").append(t.runsPerConfig())
        .append(" timed run(s) per strategy, interleaved round-robin; speed-up is over ")
        .append(escape(t.baseline().label()))
        .append(". Every run of every strategy gave bit-identical replicates.</p>\n<table>\n")
        .append("<tr><th>Strategy</th><th>Threads</th><th>Runs</th><th>Median (ms)</th><th>Min&ndash;max (ms)</th>")
        .append("<th>Speed-up</th><th>Resamples/s</th></tr>\n");
    for (StrategyTiming s : t.strategies()) {
      h.append("<tr><td>").append(escape(s.config().executor().spelling())).append("</td><td class=\"num\">")
          .append(s.config().threads()).append("</td><td class=\"num\">").append(s.runs().size())
          .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.2f", s.medianMillis()))
          .append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.2f&ndash;%.2f", s.minMillis(), s.maxMillis()))
          .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.2f", s.speedup()))
          .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,.0f", s.resamplesPerSecond()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** Escapes text for HTML element content and double- or single-quoted attributes. */
  static String escape(String s) {
    final StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      final char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
