package org.parboot.io;

import java.util.List;
import java.util.Objects;
import org.parboot.InvalidInputException;
import org.parboot.Messages;

/**
 * How {@link CsvColumns} reads a file. Immutable.
 *
 * @param delimiter the field separator, e.g. ',' (default), ';' or '\t'
 * @param missing what to do with rows that have a missing requested cell (default {@link MissingPolicy#DROP})
 * @param where filters every kept row must match, applied before missing cells are looked at
 */
public record CsvOptions(char delimiter, MissingPolicy missing, List<RowFilter> where) {

  public CsvOptions {
    Objects.requireNonNull(missing, "missing");
    where = List.copyOf(where);
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
      throw new InvalidInputException("--delimiter " + Messages.quote(String.valueOf(delimiter))
          + " cannot separate fields; accepted: any single character except a double quote, CR or LF, such as ',', ';' or a tab");
    }
  }

  /** Comma-separated, rows with missing cells dropped, no filters. */
  public static CsvOptions defaults() {
    return new CsvOptions(',', MissingPolicy.DROP, List.of());
  }
}
