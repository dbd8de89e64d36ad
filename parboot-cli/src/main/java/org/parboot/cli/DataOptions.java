package org.parboot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.data.Dataset;
import org.parboot.io.BundledData;
import org.parboot.io.CsvColumns;
import org.parboot.io.CsvOptions;
import org.parboot.io.DataFiles;
import org.parboot.io.MissingPolicy;
import org.parboot.io.RowFilter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where the data comes from: shared by every command that reads data (CSV or Parquet). */
final class DataOptions {

  /** The column used when no file and no column are given. */
  static final String BUNDLED_DEFAULT_COLUMN = "temp_max";

  @Parameters(index = "0..*", arity = "0..*", paramLabel = "FILE",
      description = "CSV file(s) with a header row (plain, .gz or .zst), Parquet file(s), or quoted globs such as "
          + "'data/*.csv'; - reads standard input (CSV); "
          + "several files are read concurrently and bootstrapped independently (run only). Default: standard "
          + "input when data is piped or redirected into it, else the bundled weather data (Seattle and New York, "
          + "2012-2015; columns location, date, precipitation, temp_max, temp_min, wind, weather).")
  List<String> files = new ArrayList<>();

  private List<Path> inputs;

  /**
   * The inputs: the FILE arguments with globs expanded ({@link InputFiles#STDIN} for {@code -}),
   * or standard input alone when no FILE is given and data is piped or redirected into it; empty
   * for the bundled data.
   */
  List<Path> inputs() {
    if (inputs == null) {
      final List<Path> expanded = InputFiles.expand(files);
      inputs = expanded.isEmpty() && CommandScope.current().stdin().kind().hasData() ? List.of(InputFiles.STDIN)
          : expanded;
    }
    return inputs;
  }

  /** The inputs that are files (not standard input), for the check that no output overwrites one. */
  List<Path> inputFiles() {
    return inputs().stream().filter(p -> !InputFiles.isStdin(p)).toList();
  }

  /** Says on stderr when the bundled data is used, since no FILE was given and nothing was piped in. */
  void noteInput(Console console) {
    if (inputs().isEmpty()) {
      console.note("no FILE given and nothing piped into standard input: using the bundled weather data ("
          + BundledData.SOURCE + ")");
    }
  }

  /** The one input, or null for the bundled data; refuses several (commands that read one file). */
  Path file() {
    final List<Path> paths = inputs();
    if (paths.size() > 1) {
      throw new InvalidInputException("this command reads one FILE, got " + paths.size() + " (" + Messages.list(
          paths.stream().map(Path::toString).toList(), Messages::quote) + "); accepted: one CSV file");
    }
    return paths.isEmpty() ? null : paths.get(0);
  }

  @Option(names = {"-c", "--column"}, paramLabel = "NAME", split = ",",
      description = "Column(s) the one-column statistics are computed on; repeat or separate with commas; a name "
          + "with a comma in double quotes (--column '\"a,b\"'). Default with the bundled data: "
          + BUNDLED_DEFAULT_COLUMN + ".")
  List<String> columns = new ArrayList<>();

  /** The --column names: a name in double quotes is taken literally (picocli does not split it). */
  List<String> columnNames() {
    return columns.stream().map(c -> c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")
        ? c.substring(1, c.length() - 1) : c).toList();
  }

  @Option(names = "--where", paramLabel = "COLUMN=VALUE",
      description = "Keep only rows whose COLUMN equals VALUE (repeatable; all must match), e.g. --where location=Seattle.")
  List<String> where = new ArrayList<>();

  @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR", defaultValue = ",",
      description = "Field delimiter: one character, or 'tab'. Default: ${DEFAULT-VALUE}")
  String delimiter;

  @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "drop",
      description = "Missing cells (empty, NA, NaN, nan, null): drop the row, or error. Default: ${DEFAULT-VALUE}")
  String missing;

  /** The columns one-column statistics apply to. */
  List<String> defaultColumns() {
    if (columns.isEmpty() && inputs().isEmpty()) {
      return List.of(BUNDLED_DEFAULT_COLUMN);
    }
    return columnNames();
  }

  /** A name for the input in output and messages. */
  String sourceName() {
    return inputs().isEmpty() ? BundledData.SOURCE : String.join(", ", inputs().stream().map(InputFiles::name).toList());
  }

  CsvOptions csvOptions() {
    final List<RowFilter> filters = new ArrayList<>();
    for (String w : where) {
      filters.add(RowFilter.parse(w));
    }
    return new CsvOptions(delimiterChar(), MissingPolicy.parse(missing), filters);
  }

  private char delimiterChar() {
    if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
      return '\t';
    }
    if (delimiter.length() != 1 || delimiter.charAt(0) == '"' || delimiter.charAt(0) == '\n'
        || delimiter.charAt(0) == '\r') {
      throw new InvalidInputException("--delimiter '" + delimiter
          + "' is not accepted; accepted: one character other than a quote or line break, or 'tab'");
    }
    return delimiter.charAt(0);
  }

  /** Reads the given columns (in order, without repeats) from the file or the bundled data. */
  Dataset load(List<String> needed) {
    return loadWithLabels(needed, List.of());
  }

  /**
   * Reads the given numeric columns and label columns (stored as label codes, see
   * {@link CsvColumns#readWithLabels(Path, List, List, CsvOptions)}) from CSV or Parquet.
   */
  Dataset loadWithLabels(List<String> needed, List<String> labels) {
    final Path file = file();
    final List<String> cols = uniqueColumns(needed);
    if (file == null) {
      return BundledData.weatherWithLabels(cols, labels, csvOptions());
    }
    if (InputFiles.isStdin(file)) {
      return InputFiles.readStdin(CommandScope.current().stdin(), reader -> CsvColumns.readWithLabels(reader, InputFiles.STDIN_NAME, cols, labels,
          csvOptions()));
    }
    return InputFiles.read(file, () -> DataFiles.readWithLabels(file, cols, labels, csvOptions()));
  }

  /** The columns, in order and without repeats; refuses none. */
  List<String> uniqueColumns(List<String> needed) {
    final Set<String> unique = new LinkedHashSet<>(needed);
    if (unique.isEmpty()) {
      throw new InvalidInputException("no column to bootstrap: give --column NAME"
          + (inputs().isEmpty() ? "" : " (a column of " + Messages.list(inputs().stream().map(InputFiles::name)
              .toList(), Messages::quote) + ")"));
    }
    return List.copyOf(unique);
  }
}
