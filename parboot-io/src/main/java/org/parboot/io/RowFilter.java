package org.parboot.io;

import java.util.Objects;
import org.parboot.InvalidInputException;
import org.parboot.Messages;

/**
 * Keeps only the rows whose cell in {@code column}, stripped of surrounding blanks, equals
 * {@code value} exactly (case-sensitive). The column is compared as text, never parsed.
 *
 * @param column the header name of the column compared
 * @param value the text the cell must equal
 */
public record RowFilter(String column, String value) implements java.io.Serializable {

  public RowFilter {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, "value");
    column = column.strip();
    value = value.strip();
    if (column.isEmpty()) {
      throw new InvalidInputException("--where needs a column name before '='; accepted: column=value, such as location=Seattle");
    }
  }

  /**
   * Parses {@code column=value}, such as {@code location=Seattle}; the value may be empty, and
   * may itself contain '=' (only the first one separates).
   *
   * @throws InvalidInputException if there is no '=' or no column name
   */
  public static RowFilter parse(String spec) {
    final int eq = spec.indexOf('=');
    if (eq < 0) {
      throw new InvalidInputException("--where " + Messages.quote(spec) + " has no '='; accepted: column=value, such as location=Seattle");
    }
    return new RowFilter(spec.substring(0, eq), spec.substring(eq + 1));
  }

  /** True if the (unstripped) cell matches: the one rule every reader applies (the Spark engine's too). */
  public boolean matches(String cell) {
    return cell.strip().equals(value);
  }

  /** The command-line spelling, {@code column=value}. */
  @Override
  public String toString() {
    return column + "=" + value;
  }
}
