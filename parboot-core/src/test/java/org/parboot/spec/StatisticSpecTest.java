package org.parboot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.InvalidInputException;
import org.parboot.stat.Statistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OlsStatistic;
import org.parboot.stat.RankStatistic;
import org.parboot.stat.TextCondition;

/** Every spelling {@link StatisticSpec#parse} accepts, and every way it refuses one. */
class StatisticSpecTest {

  private static final List<String> ONE = List.of("t");
  private static final List<String> TWO = List.of("a", "b");

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("mean", ONE, List.of(MomentStatistic.mean("t"))),
        Arguments.of("  MEAN  ", ONE, List.of(MomentStatistic.mean("t"))),
        Arguments.of("mean()", ONE, List.of(MomentStatistic.mean("t"))),
        Arguments.of("mean", TWO, List.of(MomentStatistic.mean("a"), MomentStatistic.mean("b"))),
        Arguments.of("mean(column=z)", TWO, List.of(MomentStatistic.mean("z"))),
        Arguments.of("mean(COLUMN=z)", List.of(), List.of(MomentStatistic.mean("z"))),
        Arguments.of("var", ONE, List.of(MomentStatistic.var("t", 1))),
        Arguments.of("var(0)", ONE, List.of(MomentStatistic.var("t", 0))),
        Arguments.of("var(ddof=0)", ONE, List.of(MomentStatistic.var("t", 0))),
        Arguments.of("Var( ddof = 3 )", ONE, List.of(MomentStatistic.var("t", 3))),
        Arguments.of("std", ONE, List.of(MomentStatistic.std("t", 1))),
        Arguments.of("std(0)", ONE, List.of(MomentStatistic.std("t", 0))),
        Arguments.of("std(ddof=2,column=z)", ONE, List.of(MomentStatistic.std("z", 2))),
        Arguments.of("skew", ONE, List.of(MomentStatistic.skew("t", false))),
        Arguments.of("skew(true)", ONE, List.of(MomentStatistic.skew("t", true))),
        Arguments.of("skew(bias=TRUE)", ONE, List.of(MomentStatistic.skew("t", true))),
        Arguments.of("kurt", ONE, List.of(MomentStatistic.kurt("t", false))),
        Arguments.of("kurt(bias=false)", ONE, List.of(MomentStatistic.kurt("t", false))),
        Arguments.of("kurt(True)", ONE, List.of(MomentStatistic.kurt("t", true))),
        Arguments.of("median", ONE, List.of(OrderStatistic.median("t"))),
        Arguments.of("min", ONE, List.of(OrderStatistic.min("t"))),
        Arguments.of("max(column=z)", ONE, List.of(OrderStatistic.max("z"))),
        Arguments.of("quantile(0.9)", ONE, List.of(OrderStatistic.quantile("t", 0.9))),
        Arguments.of("quantile(p=0.9)", ONE, List.of(OrderStatistic.quantile("t", 0.9))),
        Arguments.of("quantile(0)", ONE, List.of(OrderStatistic.quantile("t", 0))),
        Arguments.of("quantile(1)", ONE, List.of(OrderStatistic.quantile("t", 1))),
        Arguments.of("quantile(1e-1, column=z)", ONE, List.of(OrderStatistic.quantile("z", 0.1))),
        Arguments.of("trimmed_mean(0.1)", ONE, List.of(OrderStatistic.trimmedMean("t", 0.1))),
        Arguments.of("trimmed_mean(f=0)", ONE, List.of(OrderStatistic.trimmedMean("t", 0))),
        Arguments.of("trimmed_mean(0.499)", TWO,
            List.of(OrderStatistic.trimmedMean("a", 0.499), OrderStatistic.trimmedMean("b", 0.499))),
        Arguments.of("corr(x,y)", ONE, List.of(MomentStatistic.corr("x", "y"))),
        Arguments.of("corr( x , y )", ONE, List.of(MomentStatistic.corr("x", "y"))),
        Arguments.of("corr(x=x,y=y)", ONE, List.of(MomentStatistic.corr("x", "y"))),
        Arguments.of("corr(y=q, x=p)", ONE, List.of(MomentStatistic.corr("p", "q"))),
        Arguments.of("corr", TWO, List.of(MomentStatistic.corr("a", "b"))),
        Arguments.of("cov(x,y)", ONE, List.of(MomentStatistic.cov("x", "y", 1))),
        Arguments.of("cov(x,y,0)", ONE, List.of(MomentStatistic.cov("x", "y", 0))),
        Arguments.of("cov(x,y,ddof=0)", ONE, List.of(MomentStatistic.cov("x", "y", 0))),
        Arguments.of("cov", TWO, List.of(MomentStatistic.cov("a", "b", 1))),
        Arguments.of("ratio(x,y)", ONE, List.of(MomentStatistic.ratio("x", "y"))),
        Arguments.of("mean_diff(x,y)", ONE, List.of(MomentStatistic.meanDiff("x", "y"))),
        Arguments.of("mean_diff", TWO, List.of(MomentStatistic.meanDiff("a", "b"))),
        Arguments.of("mean(z)", TWO, List.of(MomentStatistic.mean("z"))),
        Arguments.of("(mean(z))", TWO, List.of(MomentStatistic.mean("z"))),
        Arguments.of("std(z, 0)", ONE, List.of(MomentStatistic.std("z", 0))),
        Arguments.of("std(z, ddof=2)", ONE, List.of(MomentStatistic.std("z", 2))),
        Arguments.of("skew(z, true)", ONE, List.of(MomentStatistic.skew("z", true))),
        Arguments.of("quantile(z, 0.9)", ONE, List.of(OrderStatistic.quantile("z", 0.9))),
        Arguments.of("quantile(z, p=0.9)", ONE, List.of(OrderStatistic.quantile("z", 0.9))),
        Arguments.of("iqr(z)", ONE, List.of(OrderStatistic.iqr("z"))),
        Arguments.of("geomean", TWO, List.of(MomentStatistic.geomean("a"), MomentStatistic.geomean("b"))),
        Arguments.of("hmean(z)", ONE, List.of(MomentStatistic.hmean("z"))),
        Arguments.of("mad", ONE, List.of(OrderStatistic.mad("t", 1))),
        Arguments.of("mad(scale=normal)", ONE, List.of(OrderStatistic.mad("t", OrderStatistic.NORMAL_SCALE))),
        Arguments.of("mad(z, scale=NORMAL)", ONE, List.of(OrderStatistic.mad("z", OrderStatistic.NORMAL_SCALE))),
        Arguments.of("mad(scale=2)", ONE, List.of(OrderStatistic.mad("t", 2))),
        Arguments.of("prop(z > 3)", ONE, List.of(MomentStatistic.prop("z",
            new MomentStatistic.Condition(MomentStatistic.Comparison.GT, 3)))),
        Arguments.of("prop( z>=-1.5 )", ONE, List.of(MomentStatistic.prop("z",
            new MomentStatistic.Condition(MomentStatistic.Comparison.GE, -1.5)))),
        Arguments.of("prop(z == 0)", ONE, List.of(MomentStatistic.prop("z",
            new MomentStatistic.Condition(MomentStatistic.Comparison.EQ, 0)))),
        Arguments.of("prop(< 2)", TWO, List.of(
            MomentStatistic.prop("a", new MomentStatistic.Condition(MomentStatistic.Comparison.LT, 2)),
            MomentStatistic.prop("b", new MomentStatistic.Condition(MomentStatistic.Comparison.LT, 2)))),
        Arguments.of("spearman(x,y)", ONE, List.of(RankStatistic.spearman("x", "y"))),
        Arguments.of("ols(y ~ x)", ONE, OlsStatistic.outputs("y", List.of("x"), OlsStatistic.Resampling.CASES)),
        Arguments.of("OLS( y~x1+x2 , resample = residuals )", ONE,
            OlsStatistic.outputs("y", List.of("x1", "x2"), OlsStatistic.Resampling.RESIDUALS)),
        Arguments.of("ols(y ~ x1 + x2)[x2]", ONE,
            List.of(new OlsStatistic("y", List.of("x1", "x2"), "x2", OlsStatistic.Resampling.CASES))),
        Arguments.of("ols(y ~ x, resample=cases) [r2]", ONE,
            List.of(new OlsStatistic("y", List.of("x"), "r2", OlsStatistic.Resampling.CASES))),
        Arguments.of("spearman", TWO, List.of(RankStatistic.spearman("a", "b"))),
        Arguments.of("KENDALL(y=q, x=p)", ONE, List.of(RankStatistic.kendall("p", "q"))),
        Arguments.of("prop(location == 'Seattle')", ONE, List.of(MomentStatistic.prop(
            new TextCondition("location", MomentStatistic.Comparison.EQ, "Seattle")))),
        Arguments.of("prop(city != \"New York\")", ONE, List.of(MomentStatistic.prop(
            new TextCondition("city", MomentStatistic.Comparison.NE, "New York")))),
        Arguments.of("prop(z != 1e-3)", ONE, List.of(MomentStatistic.prop("z",
            new MomentStatistic.Condition(MomentStatistic.Comparison.NE, 1e-3)))));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("accepted")
  void parse_acceptedSpelling_statistics(String spec, List<String> columns, List<Statistic> expected) {
    assertThat(StatisticSpec.parse(spec, columns)).isEqualTo(expected);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("foo", "unknown statistic 'foo'"),
        Arguments.of("stdev(ddof=1)", "unknown statistic 'stdev'"),
        Arguments.of("", "no statistic name"),
        Arguments.of("(x)", "unknown statistic 'x'"),
        Arguments.of("   ", "no statistic name"),
        Arguments.of("std(ddof=-1)", "ddof must be an integer >= 0, got -1"),
        Arguments.of("std(ddof=one)", "ddof must be an integer >= 0, got 'one'"),
        Arguments.of("var(1.5)", "ddof must be an integer >= 0, got '1.5'"),
        Arguments.of("cov(x,y,ddof=-2)", "ddof must be an integer >= 0"),
        Arguments.of("skew(bias=yes)", "bias must be true or false, got 'yes'"),
        Arguments.of("quantile", "missing p"),
        Arguments.of("quantile()", "missing p"),
        Arguments.of("quantile(1.5)", "p must be in [0, 1], got 1.5"),
        Arguments.of("quantile(p=-0.1)", "p must be in [0, 1], got -0.1"),
        Arguments.of("quantile(NaN)", "p must be in [0, 1], got NaN"),
        Arguments.of("quantile(p=high)", "p must be a number, got 'high'"),
        Arguments.of("quantile(high)", "missing p"),
        Arguments.of("mean(x, y)", "unexpected argument 'y'"),
        Arguments.of("mean(x, column=y)", "unexpected argument 'x'"),
        Arguments.of("trimmed_mean(0.5)", "must be in [0, 0.5), got 0.5"),
        Arguments.of("trimmed_mean(-0.1)", "must be in [0, 0.5), got -0.1"),
        Arguments.of("corr", "needs two columns, as in corr(x,y), or exactly two --column"),
        Arguments.of("corr(x)", "needs two columns"),
        Arguments.of("ratio(y=b)", "needs two columns"),
        Arguments.of("mean(3)", "unexpected argument '3'"),
        Arguments.of("var(1,2)", "unexpected argument '2'"),
        Arguments.of("corr(x,y,z)", "unexpected argument 'z'"),
        Arguments.of("quantile(0.5,p2=1)", "unknown argument 'p2'"),
        Arguments.of("median(ddof=1)", "unknown argument 'ddof'"),
        Arguments.of("std(ddof=1", "at character 11: missing ')' to close the '(' at character 4"),
        Arguments.of("std((1))", "unbalanced parentheses"),
        Arguments.of("var(,)", "empty argument"),
        Arguments.of("std(ddof=1,0)", "positional argument '0' after a key=value argument"),
        Arguments.of("std(ddof=)", "needs the form key=value"),
        Arguments.of("std(ddof=1,ddof=2)", "argument 'ddof' given twice"),
        Arguments.of("mad(scale=wide)", "scale must be normal or a positive number, got 'wide'"),
        Arguments.of("mad(scale=0)", "scale must be normal or a positive number, got 0"),
        Arguments.of("prop", "prop takes one condition"),
        Arguments.of("prop(x > 1, y < 2)", "prop takes one condition"),
        Arguments.of("prop(x)", "needs a comparison: one of < <= > >= == !="),
        Arguments.of("prop(x > big)", "compares with 'big', which is not a number"),
        Arguments.of("prop(x > Infinity)", "accepted: a finite number"),
        Arguments.of("ols", "ols takes one model"),
        Arguments.of("ols(y)", "needs one '~' between the response and the terms"),
        Arguments.of("ols(y ~ x ~ z)", "needs one '~'"),
        Arguments.of("ols(y ~ x +)", "has an empty column name"),
        Arguments.of("ols(y ~ x + y)", "column 'y' is in the model twice"),
        Arguments.of("ols(y ~ x, resample=rows)", "resample must be cases or residuals, got 'rows'"),
        Arguments.of("ols(y ~ x)[z]", "no output 'z'; its outputs: intercept, x, r2"),
        Arguments.of("mean[x]", "[x] selects an output, and mean has one"),
        Arguments.of("ols(y ~ x)[x", "missing ']'"),
        Arguments.of("prop(location > 'Seattle')", "text compares with == or !=, not >"),
        Arguments.of("prop(== 'Seattle')", "a text condition names its column"),
        Arguments.of("prop(city == \"Sea'ttle\")", "needs one pair of quotes and none inside"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void parse_badSpec_invalidInputQuotingSpecAndListingAccepted(String spec, String why) {
    assertThatThrownBy(() -> StatisticSpec.parse(spec, ONE)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'" + spec + "'").hasMessageContaining(why)
        .hasMessageEndingWith("accepted: " + StatisticSpec.ACCEPTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mean", "median", "std(0)", "quantile(0.5)"})
  void parse_oneColumnStatisticWithoutColumns_asksForOne(String spec) {
    assertThatThrownBy(() -> StatisticSpec.parse(spec, List.of())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'" + spec + "'").hasMessageContaining("--column NAME, or column=NAME");
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void label_acceptedSpelling_parsesBackToItself(String spec, List<String> columns, List<Statistic> expected) {
    // A statistic's name, with its column added, is itself an accepted spelling of that statistic.
    for (Statistic s : expected) {
      final String name = s.name();
      final String withColumn = s.name().startsWith("prop(") || s instanceof OlsStatistic ? s.label() // columns inside
          : s.columns().size() == 2
          ? name.replaceFirst("^(\\w+)(\\((.*)\\))?$", "$1(" + String.join(",", s.columns()) + ",$3)")
              .replace(",)", ")")
          : name.endsWith(")") ? name.replace(")", ",column=" + s.columns().get(0) + ")")
              : name + "(column=" + s.columns().get(0) + ")";
      assertThat(StatisticSpec.parse(withColumn, List.of())).as(withColumn).containsExactly(s);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mean", "var", "std", "cv", "sem", "skew", "kurt", "median", "quantile", "iqr", "trimmed_mean", "min", "max", "geomean", "hmean", "mad", "prop", "spearman", "kendall", "ols",
      "corr", "cov", "ratio", "mean_diff"})
  void accepted_listsEveryName(String name) {
    assertThat(StatisticSpec.ACCEPTED).containsPattern("(^|, )" + name + "(\\(|,|$)");
  }
}
