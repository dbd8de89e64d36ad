package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --report}: the report names the parboot that wrote it and the command line that repeats
 * the run (with the drawn seed added), draws each statistic's normal QQ plot, and lists the
 * warnings; running that command line again gives the same results.
 */
class ReportProvenanceTest {
  @TempDir
  Path dir;

  @Test
  void report_namesVersionAndARepeatableCommandLine_andDrawsQqPlots() throws IOException {
    final Path out = dir.resolve("rep");
    final CliRun first = CliRun.of("run", "--where", "location=Seattle", "--stat", "mean", "--stat", "std/mean",
        "-B", "300", "--report", out.toString(), "--format", "csv", "-q");
    assertThat(first.code()).as(first.err()).isZero();
    final String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<th scope=\"row\">parboot</th><td>parboot ");
    final Matcher m = Pattern.compile("<code>parboot (run [^<]*)</code>").matcher(html);
    assertThat(m.find()).isTrue();
    final String line = m.group(1).replace("&#39;", "'");
    assertThat(line).startsWith("run --where location=Seattle --stat mean --stat std/mean -B 300 --report ")
        .containsPattern(" --seed \\d+$");
    assertThat(Files.exists(out.resolve("qq-1-mean-temp-max.png"))).isTrue();
    assertThat(Files.exists(out.resolve("qq-2-std-mean.png"))).isTrue();
    assertThat(html).contains("<h2>Warnings</h2>").contains("lag-1 autocorrelation");
    // The command line repeats the run: the same CSV (its words need no quoting here).
    final CliRun again = CliRun.of(line.split(" "));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo(first.out());
  }
}
