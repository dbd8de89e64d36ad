package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;

/** {@link CsvColumns#readWithLabels}: text columns as label codes, for {@code --strata}. */
class LabelColumnsTest {

  private static Dataset text(String csv, List<String> columns, List<String> labels, CsvOptions options) {
    return CsvColumns.readWithLabels(new StringReader(csv), "text.csv", columns, labels, options);
  }

  @Test
  void readWithLabels_codesInOrderOfFirstAppearance_afterNumericColumns() {
    final Dataset d = text("city,x\nParis,1\n Oslo ,2\nParis,3\n,4\nOslo,5\n", List.of("x"), List.of("city"),
        CsvOptions.defaults());
    assertThat(d.columnNames()).containsExactly("x", "city");
    assertThat(d.column("city")).containsExactly(0, 1, 0, 2, 1);
    assertThat(d.column("x")).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void readWithLabels_droppedRows_getNoCode() {
    final Dataset d = text("city,x\nRome,NA\nParis,1\nRome,2\n", List.of("x"), List.of("city"), CsvOptions.defaults());
    assertThat(d.column("city")).containsExactly(0, 1);
    assertThat(d.droppedMissing()).isEqualTo(1);
  }

  @Test
  void readWithLabels_unknownLabelColumn_listsHeader() {
    assertThatThrownBy(() -> text("a,b\n1,2\n", List.of("a"), List.of("city"), CsvOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("text.csv: unknown label column 'city'; available: a, b");
  }

  @Test
  void readWithLabels_sameColumnAsNumberAndLabel_refused() {
    assertThatThrownBy(() -> text("a,b\n1,2\n", List.of("a"), List.of("a"), CsvOptions.defaults()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("column 'a' is requested twice");
  }

  @Test
  void weatherWithLabels_location_twoStrataOf1461() {
    final Dataset d = BundledData.weatherWithLabels(List.of("temp_max"), List.of("location"), CsvOptions.defaults());
    assertThat(d.rows()).isEqualTo(2922);
    final double[] loc = d.column("location");
    assertThat(java.util.Arrays.stream(loc).filter(v -> v == 0).count()).isEqualTo(1461);
    assertThat(java.util.Arrays.stream(loc).filter(v -> v == 1).count()).isEqualTo(1461);
    assertThat(BundledData.weather(List.of("temp_max"), CsvOptions.defaults()).column("temp_max"))
        .containsExactly(d.column("temp_max"));
  }
}
