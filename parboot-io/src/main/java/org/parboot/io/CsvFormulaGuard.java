package org.parboot.io;

/**
 * Whether the CSV parboot writes ({@link OutputFormat#CSV} results and {@link ReplicatesCsv})
 * keeps a spreadsheet from reading text cells as formulas (CSV injection, see the OWASP page
 * "CSV Injection"): a group value such as {@code =HYPERLINK("http://...")} or a column named
 * {@code @SUM(A1)} would otherwise run as a formula when the file is opened in Excel, LibreOffice
 * or Google Sheets.
 *
 * <p>The rule, applied to text cells only (statistic names and labels, column names, interval
 * methods, file names, group values; never to the number cells: estimates, levels, bounds, n,
 * seeds, replicates): with {@link #ON} a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is written with a single quote ({@code '}) in front,
 * unless the whole cell is a decimal number as {@link CsvColumns} reads one ({@code -5},
 * {@code -1.5}, {@code +2}, {@code -3e-2} stay as they are). A spreadsheet shows such a cell as
 * text; a program reading the CSV sees the quote. {@link #OFF} writes every cell as it is.
 * {@link #ON} is the default of every method that does not take a guard.
 */
public enum CsvFormulaGuard {
  /** Text cells that a spreadsheet would read as a formula get a leading {@code '}. */
  ON,
  /** Every cell written as it is. */
  OFF;

  /**
   * Parses {@code on} or {@code off} (case-insensitive).
   *
   * @throws org.parboot.InvalidInputException listing the accepted spellings
   */
  public static CsvFormulaGuard parse(String s) {
    return Spellings.parse(values(), "--csv-formula-guard", s);
  }

  /** The name on the command line. */
  public String spelling() {
    return Spellings.of(this);
  }

  /** The text cell as this guard writes it (see the class description). */
  public String cell(String text) {
    if (this == OFF || text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> Cells.isDecimal(text) ? text : "'" + text;
      default -> text;
    };
  }
}
