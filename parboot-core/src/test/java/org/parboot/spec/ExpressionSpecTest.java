package org.parboot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.parboot.InvalidSettingException;
import org.parboot.stat.ExpressionStatistic;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * The expression grammar of {@code --stat}: precedence and associativity (checked by evaluating
 * each expression on part values 2, 3 and 5 against the same arithmetic written in Java), labels
 * (the spec with normalised spacing), the parts each expression reads, and errors that point at
 * the character.
 */
class ExpressionSpecTest {

  private static final List<String> ONE = List.of("t");

  private static ExpressionStatistic expression(String spec, List<String> columns) {
    final List<Statistic> s = StatisticSpec.parse(spec, columns);
    assertThat(s).hasSize(1);
    assertThat(s.get(0)).isInstanceOf(ExpressionStatistic.class);
    return (ExpressionStatistic) s.get(0);
  }

  /** The value with mean = 2, std = 3, median = 5 (parts in order of first appearance). */
  private static double value(ExpressionStatistic e) {
    final double[] v = new double[e.parts().size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = switch (e.parts().get(i).name()) {
        case "mean" -> 2;
        case "std(ddof=1)" -> 3;
        case "median" -> 5;
        default -> throw new AssertionError(e.parts().get(i));
      };
    }
    return e.expression().value(v);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "mean + std * median;        17",
      "(mean + std) * median;      25",
      "mean - std - median;        -6",
      "mean / std / median;        0.13333333333333333",
      "mean ^ std ^ 2;             512",
      "(mean ^ std) ^ 2;           64",
      "-mean ^ 2;                  -4",
      "(-mean) ^ 2;                4",
      "mean ^ -1;                  0.5",
      "--mean;                     2",
      "std - -mean;                5",
      "2 * mean + 1e-1;            4.1",
      ".5 * median;                2.5",
      "sqrt(median - 1) + abs(-std); 5",
      "exp(log(median));           4.999999999999999",
      "median * median - mean;     23"})
  void parse_arithmetic_followsPrecedenceAndAssociativity(String spec, double expected) {
    assertThat(value(expression(spec, ONE))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "std/mean;                          std / mean",
      "  std/   mean  ;                   std / mean",
      "quantile( 0.75 )-quantile(p = 0.25); quantile(0.75) - quantile(p=0.25)",
      "sqrt(var(ddof=0));                 sqrt(var(ddof=0))",
      "SQRT ( var( ddof = 0 ) );          sqrt(var(ddof=0))",
      "-(mean)*2;                         -(mean) * 2",
      "mean(t)-mean(u);                   mean(t) - mean(u)",
      "corr(t,u)^2;                       corr(t, u) ^ 2"})
  void label_isTheSpecWithNormalisedSpacing(String spec, String label) {
    final ExpressionStatistic e = expression(spec, ONE);
    assertThat(e.label()).isEqualTo(label);
    assertThat(e.name()).isEqualTo(label);
    assertThat(StatisticSpec.parse(label, ONE)).as("the label parses back to the same statistic").containsExactly(e);
  }

  @Test
  void parse_partsAreTheStatisticsEachOnce() {
    final ExpressionStatistic e = expression("(quantile(0.75) - quantile(0.25)) / median + quantile(0.75)", ONE);
    assertThat(e.parts()).containsExactly(OrderStatistic.quantile("t", 0.75), OrderStatistic.quantile("t", 0.25),
        OrderStatistic.median("t"));
    assertThat(e.columns()).containsExactly("t");
    assertThat(expression("mean(a) - mean(b)", List.of()).parts())
        .containsExactly(MomentStatistic.mean("a"), MomentStatistic.mean("b"));
    assertThat(expression("kurt(bias=false) * 2", ONE).minObservations()).isEqualTo(4);
  }

  @Test
  void parse_barePartsOverSeveralColumns_oneExpressionPerColumnLabelledWithItsParts() {
    final List<Statistic> s = StatisticSpec.parse("std / mean(z) + mean", List.of("a", "b"));
    assertThat(s).extracting(Statistic::label).containsExactly("std(a, ddof=1) / mean(z) + mean(a)",
        "std(b, ddof=1) / mean(z) + mean(b)");
    assertThat(s).extracting(Statistic::name).containsOnly("std / mean(z) + mean");
    assertThat(((ExpressionStatistic) s.get(1)).parts()).containsExactly(MomentStatistic.std("b", 1),
        MomentStatistic.mean("z"), MomentStatistic.mean("b"));
    for (Statistic x : s) {
      assertThat(StatisticSpec.parse(x.label(), List.of())).as("a label is a spec of the same statistic")
          .extracting(Statistic::label).containsExactly(x.label());
    }
    assertThat(StatisticSpec.parse("corr / mean(z)", List.of("a", "b"))).extracting(Statistic::label)
        .containsExactly("corr / mean(z)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "std/;                 at character 5: the spec ends where a statistic, a number or '(' is expected",
      "std/ mean +;          at character 12: the spec ends where",
      "(std;                 at character 5: missing ')' to close the '(' at character 1",
      "sqrt(std;             at character 9: missing ')' to close the '(' at character 5",
      "(std));               at character 6: unexpected ')'; expected an operator",
      "std mean;             at character 5: unexpected 'm'; expected an operator",
      "std * * mean;         at character 7: unexpected '*'; expected a statistic, a number or '('",
      "mean $ 2;             at character 6: unexpected '$'",
      "sqrt + 1;             at character 5: sqrt is a function: write sqrt(...)",
      "2 * 3;                no statistic in it",
      "1.2.3 * mean;         at character 1: '1.2.3' is not a number",
      "1e999 * mean;         at character 1: the number 1e999 is out of range",
      "quantile(2) * 3;      at character 1, in quantile(2): p must be in [0, 1], got 2",
      "mean + quantile(x, 0.5, 3); at character 8, in quantile(x, 0.5, 3): unexpected argument '3'",
      "std(ddof=1 / mean;    at character 18: missing ')' to close the '(' at character 4",
      "std(1 + (2));         at character 9: unbalanced parentheses"})
  void parse_malformed_namesTheCharacter(String spec, String why) {
    assertThatThrownBy(() -> StatisticSpec.parse(spec, ONE)).isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("statistic '" + spec + "' is malformed: " + why)
        .hasMessageEndingWith("accepted: " + StatisticSpec.ACCEPTED);
  }

  @Test
  void parse_regressionOutputInAnExpression_oneOutputSelected() {
    final ExpressionStatistic e = expression("ols(y~x1+x2)[x1] / ols(y ~ x1 + x2)[x2]", ONE);
    assertThat(e.label()).isEqualTo("ols(y ~ x1 + x2)[x1] / ols(y ~ x1 + x2)[x2]");
    assertThat(e.parts()).extracting(Statistic::label).containsExactly("ols(y ~ x1 + x2)[x1]", "ols(y ~ x1 + x2)[x2]");
    assertThatThrownBy(() -> StatisticSpec.parse("2 * ols(y ~ x)", ONE)).isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("at character 5, in ols(y ~ x): a regression has several outputs; an expression takes one, "
            + "as in ols(y ~ x)[x]");
  }

  @Test
  void parse_unknownPart_namesItAndTheCharacter() {
    assertThatThrownBy(() -> StatisticSpec.parse("std / stdev", ONE)).isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("names an unknown statistic 'stdev' at character 7");
  }

  @Test
  void parse_deepNesting_refusedNotOverflowed() {
    final String deep = "(".repeat(1000) + "mean" + ")".repeat(1000);
    assertThatThrownBy(() -> StatisticSpec.parse(deep, ONE)).isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("nested more than " + SpecSyntax.MAX_DEPTH + " deep");
    assertThatThrownBy(() -> StatisticSpec.parse("-".repeat(1000) + "mean", ONE))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("nested more than");
  }
}
