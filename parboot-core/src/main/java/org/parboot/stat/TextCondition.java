package org.parboot.stat;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on a text column, {@code column == 'value'} or {@code column != 'value'}, for
 * {@code prop(location == 'Seattle')}: the share of rows whose cell, stripped of surrounding
 * blanks, equals the value (case-sensitive, as {@code --where} compares). A dataset holds numbers,
 * so the condition is read as a 0/1 column named {@link #columnName()}, which the readers derive
 * from the text column (parboot-io's loader, when a statistic asks for a column of that name and
 * the file has none); in the Java API, build that column yourself under that name.
 *
 * @param column the text column
 * @param comparison {@code ==} or {@code !=}
 * @param value the text compared with (without quotes; no quote character in it)
 */
public record TextCondition(String column, MomentStatistic.Comparison comparison, String value)
    implements java.io.Serializable {

  private static final Pattern NAME = Pattern.compile("^(.+) (==|!=) '([^']*)'$", Pattern.DOTALL);

  public TextCondition {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, "value");
    column = column.strip();
    value = value.strip();
    if (comparison != MomentStatistic.Comparison.EQ && comparison != MomentStatistic.Comparison.NE) {
      throw new IllegalArgumentException("a text condition compares with == or !=, got " + comparison.symbol());
    }
    if (column.isEmpty() || value.indexOf('\'') >= 0) {
      throw new IllegalArgumentException("a text condition needs a column and a value without quotes: " + column
          + " " + comparison.symbol() + " '" + value + "'");
    }
  }

  /** The 0/1 column's name, {@code column == 'value'}. */
  public String columnName() {
    return column + " " + comparison.symbol() + " '" + value + "'";
  }

  /** The condition a column named {@code name} stands for, or null when the name is not one. */
  public static TextCondition parse(String name) {
    final Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return null;
    }
    try {
      return new TextCondition(m.group(1), MomentStatistic.Comparison.of(m.group(2)), m.group(3));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether a cell meets it: stripped, it equals the value (==) or does not (!=). */
  public boolean test(String cell) {
    return cell.strip().equals(value) == (comparison == MomentStatistic.Comparison.EQ);
  }
}
