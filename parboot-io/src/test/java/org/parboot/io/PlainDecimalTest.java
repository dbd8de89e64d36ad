package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV reader's fast path for plain decimals must give exactly the bits of Double.parseDouble. */
class PlainDecimalTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "-0.0", "+1.5", ".5", "5.", "000123.4500", "999999999999999",
      "0.00000000000001", "-.000000000000009", "12.8", "-3.14159265358979", "0.1", "0.3", "4.35", "100000000000000"})
  void plainDecimal_edgeCases_sameBitsAsParseDouble(String s) {
    assertThat(Double.doubleToRawLongBits(Cells.plainDecimal(s)))
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
  }

  @Test
  void plainDecimal_200000RandomDecimals_sameBitsAsParseDouble() {
    final SplittableRandom rnd = new SplittableRandom(20261123);
    for (int k = 0; k < 200_000; k++) {
      final int digits = 1 + rnd.nextInt(15);
      final StringBuilder b = new StringBuilder();
      switch (rnd.nextInt(3)) {
        case 0 -> b.append('-');
        case 1 -> b.append(rnd.nextBoolean() ? "+" : "");
        default -> { }
      }
      final int point = rnd.nextInt(digits + 1); // the point before digit `point` (or at the end)
      for (int d = 0; d < digits; d++) {
        if (d == point) {
          b.append('.');
        }
        b.append((char) ('0' + rnd.nextInt(10)));
      }
      final String s = b.toString();
      assertThat(Double.doubleToRawLongBits(Cells.plainDecimal(s))).as(s)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", ".", "-.", "1.2.3", "1e5", "1E-3", "1234567890123456", "0.000000000000001",
      "12a", "0x10", "1d", "NaN", "Infinity", " 1", "1 ", "1,5"})
  void plainDecimal_notPlain_leavesItToTheGeneralPath(String s) {
    assertThat(Cells.plainDecimal(s)).isNaN();
  }
}
