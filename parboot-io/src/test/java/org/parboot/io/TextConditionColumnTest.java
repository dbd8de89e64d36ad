package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.TextCondition;

/**
 * The 0/1 column of a text condition ({@code prop(location == 'Seattle')}): asked for by its name,
 * read from the text column in CSV and Parquet alike, cells stripped and compared exactly as
 * {@code --where} compares them; beside a filter on the same column; an unknown column named.
 */
class TextConditionColumnTest {
  @TempDir
  Path dir;

  @Test
  void csv_conditionColumn_isTheIndicatorOfTheStrippedCell() throws IOException {
    final Path f = Files.writeString(dir.resolve("d.csv"),
        "city,x\nSeattle,1\n Seattle ,2\nseattle,3\nNew York,4\n,5\n");
    final String eq = new TextCondition("city", MomentStatistic.Comparison.EQ, "Seattle").columnName();
    final String ne = new TextCondition("city", MomentStatistic.Comparison.NE, "Seattle").columnName();
    final Dataset d = CsvColumns.read(f, List.of("x", eq, ne), CsvOptions.defaults());
    assertThat(eq).isEqualTo("city == 'Seattle'");
    assertThat(d.column(eq)).containsExactly(1, 1, 0, 0, 0);
    assertThat(d.column(ne)).containsExactly(0, 0, 1, 1, 1);
    final CsvOptions where = new CsvOptions(',', MissingPolicy.DROP, List.of(RowFilter.parse("city=Seattle")));
    assertThat(CsvColumns.read(f, List.of("x", eq), where).column(eq)).containsExactly(1, 1);
  }

  @Test
  void parquet_conditionColumn_readFromTheStringColumn() {
    final String eq = new TextCondition("city", MomentStatistic.Comparison.EQ, "New York").columnName();
    final Dataset d = ParquetColumns.read(ParquetColumnsTest.fixture("types.parquet"), List.of("i32", eq),
        CsvOptions.defaults());
    // types.parquet's cities: Seattle, New York, Seattle, New York, Seattle, New York
    assertThat(d.column(eq)).containsExactly(0, 1, 0, 1, 0, 1);
  }

  @Test
  void unknownConditionColumn_namedWithItsCondition() throws IOException {
    final Path f = Files.writeString(dir.resolve("d.csv"), "city,x\nSeattle,1\n");
    assertThatThrownBy(() -> CsvColumns.read(f, List.of("town == 'Seattle'"), CsvOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown column 'town' (in the condition 'town == 'Seattle''); available: city, x");
  }
}
