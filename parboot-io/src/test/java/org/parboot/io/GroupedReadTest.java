package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;

class GroupedReadTest {
  private static final String CSV = "city,x,y\n b ,1,10\na,2,20\nb,NA,30\nb,4,40\nc,5,50\n";

  @Test
  void readGrouped_groupsInFirstAppearanceOrder_rowsInFileOrder_missingDropped() {
    final Map<String, Dataset> groups = CsvColumns.readGrouped(new StringReader(CSV), "t.csv", "city",
        List.of("x", "y"), CsvOptions.defaults());
    assertThat(groups.keySet()).containsExactly("b", "a", "c");
    assertThat(groups.get("b").column("x")).containsExactly(1, 4);
    assertThat(groups.get("b").column("y")).containsExactly(10, 40);
    assertThat(groups.get("a").column("y")).containsExactly(20);
    assertThat(groups.get("c").source()).isEqualTo("t.csv");
  }

  @Test
  void readGrouped_whereAppliesFirst() {
    final Map<String, Dataset> groups = CsvColumns.readGrouped(new StringReader(CSV), "t.csv", "city", List.of("x"),
        new CsvOptions(',', MissingPolicy.DROP, List.of(RowFilter.parse("city=b"))));
    assertThat(groups.keySet()).containsExactly("b");
  }

  @Test
  void readGrouped_unknownGroupColumn_namesItAndTheHeader() {
    assertThatThrownBy(() -> CsvColumns.readGrouped(new StringReader(CSV), "t.csv", "town", List.of("x"),
        CsvOptions.defaults())).isInstanceOf(InvalidInputException.class)
        .hasMessage("t.csv: unknown --group-by column 'town'; available: city, x, y");
  }

  @Test
  void bundledWeather_twoCitiesOf1461Rows() {
    final Map<String, Dataset> groups = BundledData.weatherGrouped("location", List.of("temp_max"), CsvOptions.defaults());
    assertThat(groups.keySet()).containsExactly("Seattle", "New York");
    assertThat(groups.values()).allMatch(d -> d.rows() == 1461);
  }
}
