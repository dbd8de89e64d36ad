package org.parboot.cli;

import java.nio.file.Path;
import java.util.List;
import org.parboot.io.CsvFormulaGuard;
import org.parboot.io.OutputFormat;
import picocli.CommandLine.Option;

/** Where and how {@code run} and {@code test} write their results: the format, the CSV guard, the output file. */
final class ResultOptions {

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: table, json or csv. Default: ${DEFAULT-VALUE}")
  String format;

  @Option(names = "--csv-formula-guard", paramLabel = "on|off", defaultValue = "on",
      description = "CSV output and the CSV files written beside it (--replicates, --null-distribution): a text cell "
          + "from the data that starts with = + - @, a tab or a carriage return (a file name, group value or column "
          + "label) gets a leading ' so a spreadsheet does not run it as a formula; numbers are never changed. off "
          + "writes every cell as it is. Default: ${DEFAULT-VALUE}")
  String csvFormulaGuard;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the results to FILE (atomically) instead of standard output.")
  Path output;

  /** The output format (checked). */
  OutputFormat format() {
    return OutputFormat.parse(format);
  }

  /** The CSV guard (checked). */
  CsvFormulaGuard guard() {
    return CsvFormulaGuard.parse(csvFormulaGuard);
  }

  /**
   * Stages the results' text for --output or standard output; the warnings go to standard error,
   * unless they are in a table on standard output.
   */
  void emit(String text, List<String> warnings, Console console, Outputs outputs) {
    outputs.text(output, text);
    if (output != null || format() != OutputFormat.TABLE) {
      warnings.forEach(console::warn);
    }
  }
}
