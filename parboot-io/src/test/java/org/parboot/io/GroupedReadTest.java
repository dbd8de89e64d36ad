package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
  void readGrouped_interleavedGroups_sameAsSplittingTheRowsInFileOrder() {
    final SplittableRandom r = new SplittableRandom(7);
    final StringBuilder csv = new StringBuilder("g,x,y\n");
    final Map<String, List<double[]>> expected = new LinkedHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      final String g = "g" + r.nextInt(300);
      final double x = i;
      final double y = -i * 0.5;
      csv.append(g).append(',').append(x).append(',').append(y).append('\n');
      expected.computeIfAbsent(g, k -> new ArrayList<>()).add(new double[] {x, y});
    }
    final Map<String, Dataset> groups = CsvColumns.readGrouped(new StringReader(csv.toString()), "t.csv", "g",
        List.of("x", "y"), CsvOptions.defaults());
    assertThat(groups.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((g, rows) -> {
      assertThat(groups.get(g).column("x")).containsExactly(rows.stream().mapToDouble(v -> v[0]).toArray());
      assertThat(groups.get(g).column("y")).containsExactly(rows.stream().mapToDouble(v -> v[1]).toArray());
      assertThat(groups.get(g).droppedMissing()).isZero();
    });
  }

  @Test
  void readGrouped_100000GroupsIn300000Rows_linearTime() {
    final StringBuilder csv = new StringBuilder("g,x\n");
    for (int i = 0; i < 300_000; i++) {
      csv.append('k').append(i % 100_000).append(',').append(i).append('\n');
    }
    // one pass over the rows per group took about 40 s here; linear loading takes well under a second
    final Map<String, Dataset> groups = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
        CsvColumns.readGrouped(new StringReader(csv.toString()), "t.csv", "g", List.of("x"), CsvOptions.defaults()));
    assertThat(groups).hasSize(100_000);
    assertThat(groups.keySet()).first().isEqualTo("k0");
    assertThat(groups.get("k99999").column("x")).containsExactly(99_999, 199_999, 299_999);
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
        .hasMessage("t.csv: unknown group column 'town'; available: city, x, y");
  }

  @Test
  void bundledWeather_twoCitiesOf1461Rows() {
    final Map<String, Dataset> groups = BundledData.weatherGrouped("location", List.of("temp_max"), CsvOptions.defaults());
    assertThat(groups.keySet()).containsExactly("Seattle", "New York");
    assertThat(groups.values()).allMatch(d -> d.rows() == 1461);
  }
}
