package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parboot.data.Dataset;
import org.parboot.stat.MomentStatistic;

/**
 * The core's unknown-column messages ({@link Dataset#column}, the evaluation plan, {@code --strata})
 * list at most 20 column names and never show control characters from names raw.
 */
class UnknownColumnMessagesTest {
  private static final String OSC = "\u001b]0;owned\u0007";
  private static final String CSI = "\u001b[31m";
  private static final String TAIL = ", c19, ... and 99,980 more";
  private static final Dataset WIDE = wide();

  /** 100,000 columns c0 .. c99999 of 3 rows, from a source whose name holds an OSC sequence. */
  private static Dataset wide() {
    final Dataset.Builder b = Dataset.builder("wide" + OSC + ".csv");
    for (int i = 0; i < 100_000; i++) {
      b.column("c" + i, new double[] {1, 2, 3});
    }
    return b.build();
  }

  private static String refusal(Runnable run) {
    final String message = catchThrowableOfType(InvalidInputException.class, run::run).getMessage();
    assertThat(message.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)).toArray()).isEmpty();
    return message;
  }

  @Test
  void column_unknownAmong100000_listsTwentyEscaped() {
    assertThat(refusal(() -> WIDE.column("nope" + CSI))).isEqualTo(
        "unknown column 'nope\\u001b[31m' in wide\\u001b]0;owned\\u0007.csv; available: c0, c1, c2, c3, c4, c5, c6, "
            + "c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18" + TAIL);
  }

  @Test
  void run_statisticOnUnknownColumnAmong100000_listsTwentyEscaped() {
    assertThat(refusal(() -> Bootstrap.run(WIDE, List.of(MomentStatistic.mean("nope" + CSI)),
        BootstrapOptions.builder().seed(1).resamples(10).build())))
        .startsWith("unknown column 'nope\\u001b[31m' (used by mean(nope\\u001b[31m)) in wide\\u001b]0;owned\\u0007.csv")
        .endsWith(TAIL).hasSizeLessThan(400);
  }

  @Test
  void run_unknownStrataColumnAmong100000_listsTwentyEscaped() {
    assertThat(refusal(() -> Bootstrap.run(WIDE, List.of(MomentStatistic.mean("c0")),
        BootstrapOptions.builder().seed(1).resamples(10).scheme(org.parboot.scheme.Scheme.iid().withStrata("g" + OSC))
            .build())))
        .startsWith("strata 'g\\u001b]0;owned\\u0007' is not a column of wide\\u001b]0;owned\\u0007.csv")
        .endsWith(TAIL).hasSizeLessThan(400);
  }
}
