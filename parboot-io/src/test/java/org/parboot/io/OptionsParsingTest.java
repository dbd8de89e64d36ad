package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.InvalidInputException;

class OptionsParsingTest {

  @ParameterizedTest
  @EnumSource(MissingPolicy.class)
  void missingPolicyParse_spelling_roundTrips(MissingPolicy p) {
    assertThat(MissingPolicy.parse(p.spelling())).isEqualTo(p);
    assertThat(MissingPolicy.parse(" " + p.spelling().toUpperCase() + " ")).isEqualTo(p);
  }

  @Test
  void missingPolicyParse_unknown_listsAccepted() {
    assertThatThrownBy(() -> MissingPolicy.parse("skip")).isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("unknown --missing 'skip'; accepted: drop, error");
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void outputFormatParse_spelling_roundTrips(OutputFormat f) {
    assertThat(OutputFormat.parse(f.spelling())).isEqualTo(f);
  }

  @Test
  void outputFormatParse_unknown_listsAccepted() {
    assertThatThrownBy(() -> OutputFormat.parse("xml")).isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("unknown --format 'xml'; accepted: table, json, csv");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"location=Seattle|location|Seattle", " location = New York |location|New York",
      "k=a=b|k|a=b", "k=|k|''"})
  void rowFilterParse_valid_splitsAtFirstEquals(String spec, String column, String value) {
    assertThat(RowFilter.parse(spec)).isEqualTo(new RowFilter(column, value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"location", "=Seattle", " =x", ""})
  void rowFilterParse_invalid_throwsWithExample(String spec) {
    assertThatThrownBy(() -> RowFilter.parse(spec)).isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("location=Seattle");
  }

  @Test
  void rowFilter_toString_isCommandLineSpelling() {
    assertThat(RowFilter.parse("a=b")).hasToString("a=b");
  }

  @Test
  void csvOptionsDefaults_commaDropNoFilters() {
    assertThat(CsvOptions.defaults()).isEqualTo(new CsvOptions(',', MissingPolicy.DROP, List.of()));
  }

  @ParameterizedTest
  @ValueSource(chars = {'"', '\n', '\r'})
  void csvOptions_impossibleDelimiter_throws(char delimiter) {
    assertThatThrownBy(() -> new CsvOptions(delimiter, MissingPolicy.DROP, List.of()))
        .isExactlyInstanceOf(InvalidInputException.class).hasMessageContaining("--delimiter");
  }

  @Test
  void csvOptions_where_isCopied() {
    final List<RowFilter> where = new ArrayList<>(List.of(RowFilter.parse("a=b")));
    final CsvOptions o = new CsvOptions(';', MissingPolicy.ERROR, where);
    where.clear();
    assertThat(o.where()).hasSize(1);
  }
}
