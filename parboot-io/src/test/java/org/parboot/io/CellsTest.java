package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "+1", "1.", ".5", "1.5e3", "1E-3", "-0.0e+0", "123456789012345678901234567890"})
  void isDecimal_decimalText_isTrue(String s) {
    assertThat(Cells.isDecimal(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "0x10", "0x1p3", "1d", "12f",
      "Infinity", "NaN", "1_000", "١", "1e5.0", "--1", " 1"})
  void isDecimal_otherText_isFalse(String s) {
    assertThat(Cells.isDecimal(s)).isFalse();
  }
}
