package org.parboot.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;
import org.parboot.Messages;
import org.parboot.stat.TextCondition;

/**
 * Turns the records of one table, its column names first, into the requested columns: the one
 * place for the rules every input format shares. It finds the requested columns by name, applies
 * the row filters ({@code --where}), reads only the requested cells and drops or refuses rows with
 * missing cells ({@code --missing}), records each kept row's group ({@code --group-by}) and reads
 * label columns ({@code --strata}) as label codes (see {@link CsvColumns#readWithLabels}). A CSV
 * file feeds it {@link FieldPicker} records ({@link #accept}); a Parquet file its names
 * ({@link #header}) and then {@link Row}s. One instance per file; not thread-safe.
 */
final class ColumnLoader {

  /** One data row of a table, as the loader reads it. */
  interface Row {
    /** The row's place for messages, after the source: {@code :17} (CSV line 17) or {@code : row 17}. */
    String at();

    /** Field {@code field} as text (a filter, group or label cell). */
    String text(int field);

    /**
     * Field {@code field} as a number: NaN when the cell is missing.
     *
     * @throws InvalidInputException for a cell that is not an accepted number, naming it
     */
    double number(int field, String column);

    /** A missing cell as a message shows it, e.g. {@code 'NA'} or {@code null}. */
    String missingCell(int field);

    /** What a missing cell could have been instead, for the message under {@code --missing error}. */
    String acceptedInstead();
  }

  /** What a field of the table is needed for: its index, the role messages name, and whether it is a number. */
  record Need(int field, String name, String role, boolean number) {}
  private static final int SEEN_VALUES = Messages.MAX_LIST_ITEMS;

  private final String source;
  private final String shown; // the source as messages show it, control characters escaped
  private final List<String> columns;
  private final CsvOptions options;
  private final RowFilter[] filters;
  private final GrowingDoubles[] values;
  private final double[] row;
  private final List<Set<String>> seen = new ArrayList<>();
  private final List<String> labels;
  private final GrowingDoubles[] labelCodes;
  private final List<Map<String, Integer>> codeOf = new ArrayList<>();
  private int[] labelIndex = new int[0];
  private final String groupColumn; // null: not grouped
  private final Map<String, Integer> groupIds = new LinkedHashMap<>();
  private int[] groupOfRow = new int[0];

  private List<String> header;
  private long headerLine;
  private boolean delimited; // CSV: a one-field header may mean a wrong delimiter
  private final CsvRow csvRow = new CsvRow();
  private int[] columnIndex;
  private int[] filterIndex;
  private int groupIndex = -1;
  private long dataRows;
  private long matched;
  private long dropped;

  ColumnLoader(String source, List<String> columns, CsvOptions options) {
    this(source, columns, List.of(), options, null);
  }

  /** A loader that also reads label columns as codes (see {@link CsvColumns#readWithLabels}). */
  ColumnLoader(String source, List<String> columns, List<String> labels, CsvOptions options) {
    this(source, columns, labels, options, null);
  }

  /** A loader that also records each kept row's value of the text column {@code groupColumn} (null: none). */
  ColumnLoader(String source, List<String> columns, CsvOptions options, String groupColumn) {
    this(source, columns, List.of(), options, groupColumn);
  }

  private ColumnLoader(String source, List<String> columns, List<String> labels, CsvOptions options,
      String groupColumn) {
    this.groupColumn = groupColumn;
    this.source = source;
    this.shown = Messages.escape(source);
    this.labels = List.copyOf(labels);
    this.labelCodes = new GrowingDoubles[this.labels.size()];
    for (int j = 0; j < labelCodes.length; j++) {
      labelCodes[j] = new GrowingDoubles();
      codeOf.add(new HashMap<>());
    }
    this.columns = List.copyOf(columns);
    this.options = options;
    this.filters = options.where().toArray(RowFilter[]::new);
    this.values = new GrowingDoubles[columns.size()];
    for (int j = 0; j < values.length; j++) {
      values[j] = new GrowingDoubles();
    }
    this.row = new double[columns.size()];
    for (int k = 0; k < filters.length; k++) {
      seen.add(new LinkedHashSet<>());
    }
    final Set<String> distinct = new HashSet<>();
    for (String c : columns) {
      if (!distinct.add(c)) {
        throw new InvalidInputException(shown + ": column " + Messages.quote(c) + " is requested twice; accepted: each column once");
      }
    }
    for (String c : this.labels) {
      if (!distinct.add(c)) {
        throw new InvalidInputException(shown + ": column " + Messages.quote(c) + " is requested twice (as a number and as a label, "
            + "or as a label twice); accepted: each column once");
      }
    }
    if (columns.isEmpty()) {
      throw new InvalidInputException(shown + ": no columns requested; accepted: one or more numeric column names");
    }
  }

  /**
   * The next record: the header if none was read yet, else a data row. After the header, tells
   * the picker which fields the rows need.
   */
  void accept(FieldPicker record) {
    if (header == null) {
      readHeader(record);
    } else {
      readRow(record);
    }
  }

  private void readHeader(FieldPicker record) {
    final List<String> names = new ArrayList<>(record.fieldCount());
    for (int i = 0; i < record.fieldCount(); i++) {
      names.add(record.field(i).strip());
    }
    if (names.size() == 1 && names.get(0).isEmpty()) {
      return; // a line of blanks before the header is skipped, as an empty line is
    }
    delimited = true;
    record.keepOnly(header(names, record.line()).stream().mapToInt(Need::field).toArray());
  }

  /**
   * The table's column names ({@code line}: where they are, 0 when not on a line): finds every
   * requested column and returns the fields the rows are needed for, numbers first (in the order
   * of the requested columns), then filters, labels and the group column.
   *
   * @throws InvalidInputException naming an unknown or ambiguous column and the columns there are
   */
  List<Need> header(List<String> names, long line) {
    header = List.copyOf(names);
    headerLine = line;
    final List<Need> needs = new ArrayList<>();
    columnIndex = new int[columns.size()];
    conditions = new TextCondition[columns.size()];
    for (int j = 0; j < columnIndex.length; j++) {
      // A column the table lacks but whose name is a text condition (prop(location == 'Seattle')):
      // the 0/1 indicator of that condition on the text column.
      final TextCondition t = header.contains(columns.get(j)) ? null : TextCondition.parse(columns.get(j));
      if (t != null && !header.contains(t.column())) {
        throw new InvalidInputException(shown + ": unknown column " + Messages.quote(t.column()) + " (in the condition "
            + Messages.quote(columns.get(j)) + "); available: " + Messages.list(header));
      }
      if (t != null) {
        conditions[j] = t;
        columnIndex[j] = indexOf(t.column(), "column");
        needs.add(new Need(columnIndex[j], t.column(), "column", false));
        continue;
      }
      columnIndex[j] = indexOf(columns.get(j), "column");
      needs.add(new Need(columnIndex[j], columns.get(j), "column", true));
    }
    filterIndex = new int[filters.length];
    for (int k = 0; k < filters.length; k++) {
      filterIndex[k] = indexOf(filters[k].column(), "--where column");
      needs.add(new Need(filterIndex[k], filters[k].column(), "--where column", false));
    }
    labelIndex = new int[labels.size()];
    for (int j = 0; j < labelIndex.length; j++) {
      labelIndex[j] = indexOf(labels.get(j), "label column");
      needs.add(new Need(labelIndex[j], labels.get(j), "label column", false));
    }
    if (groupColumn != null) {
      groupIndex = indexOf(groupColumn, "group column");
      needs.add(new Need(groupIndex, groupColumn, "group column", false));
    }
    return needs;
  }

  // Per requested column: the text condition it is the indicator of, or null for a plain column.
  private TextCondition[] conditions = new TextCondition[0];

  private int indexOf(String name, String what) {
    int found = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equals(name)) {
        if (found >= 0) {
          throw new InvalidInputException(shown + ":" + headerLine + ": " + what + " " + Messages.quote(name)
              + " appears more than once in the header (fields " + (found + 1) + " and " + (i + 1)
              + "); accepted: a header whose names are unique, so rename one");
        }
        found = i;
      }
    }
    if (found < 0) {
      final String hint = delimited && header.size() == 1
          ? " (the header has a single field: is the delimiter " + Messages.quote(String.valueOf(options.delimiter()))
              + " right? set it with --delimiter)"
          : "";
      throw new InvalidInputException(shown + ": unknown " + what + " " + Messages.quote(name) + "; available: "
          + Messages.list(header) + hint);
    }
    return found;
  }

  private void readRow(FieldPicker record) {
    if (record.fieldCount() != header.size()) {
      throw new InvalidInputException(shown + ":" + record.line() + ": expected " + header.size()
          + " fields, as in the header, found " + record.fieldCount() + "; accepted: one field per header column, separated by "
          + Messages.quote(String.valueOf(options.delimiter())) + " (fields that contain it must be in double quotes)");
    }
    csvRow.record = record;
    row(csvRow);
  }

  /** A CSV record as a {@link Row}: cells parsed by {@link Cells}. */
  private final class CsvRow implements Row {
    FieldPicker record;

    @Override
    public String at() {
      return ":" + record.line();
    }

    @Override
    public String text(int field) {
      return record.field(field);
    }

    @Override
    public double number(int field, String column) {
      return Cells.parse(record.field(field), shown, record.line(), column);
    }

    @Override
    public String missingCell(int field) {
      return Messages.quote(record.field(field));
    }

    @Override
    public String acceptedInstead() {
      return Cells.NUMBER;
    }
  }

  /** The next data row (after {@link #header}). */
  void row(Row r) {
    dataRows++;
    if (!matchesFilters(r)) {
      return;
    }
    matched++;
    boolean missing = false;
    for (int j = 0; j < row.length; j++) {
      if (conditions[j] != null) {
        row[j] = conditions[j].test(r.text(columnIndex[j])) ? 1 : 0;
        continue;
      }
      row[j] = r.number(columnIndex[j], columns.get(j));
      if (Double.isNaN(row[j])) {
        if (options.missing() == MissingPolicy.ERROR) {
          throw new InvalidInputException(shown + r.at() + ": column " + Messages.quote(columns.get(j)) + ": missing value "
              + r.missingCell(columnIndex[j]) + " (--missing error); accepted: " + r.acceptedInstead()
              + ", or --missing drop to drop rows with missing values");
        }
        missing = true;
      }
    }
    if (missing) {
      dropped++;
      return;
    }
    if (values[0].size() == GrowingDoubles.MAX) {
      throw new InvalidInputException(shown + r.at() + ": more than " + GrowingDoubles.MAX
          + " data rows; accepted: at most " + GrowingDoubles.MAX + " (split the file or filter it with --where)");
    }
    if (groupIndex >= 0) {
      final int kept = values[0].size();
      if (kept == groupOfRow.length) {
        groupOfRow = Arrays.copyOf(groupOfRow, (int) Math.min(GrowingDoubles.MAX, kept + (kept >> 1) + 1024L));
      }
      final String group = r.text(groupIndex).strip();
      Integer id = groupIds.get(group);
      if (id == null) {
        id = groupIds.size();
        groupIds.put(group, id);
      }
      groupOfRow[kept] = id;
    }
    for (int j = 0; j < row.length; j++) {
      values[j].add(row[j]);
    }
    for (int j = 0; j < labelIndex.length; j++) {
      final Map<String, Integer> codes = codeOf.get(j);
      labelCodes[j].add(codes.computeIfAbsent(r.text(labelIndex[j]).strip(), k -> codes.size()));
    }
  }

  private boolean matchesFilters(Row r) {
    boolean all = true;
    for (int k = 0; k < filters.length && all; k++) {
      final String cell = r.text(filterIndex[k]);
      if (matched == 0 && seen.get(k).size() <= SEEN_VALUES) {
        seen.get(k).add(cell.strip()); // only for the message if nothing matches
      }
      all = filters[k].matches(cell);
    }
    return all;
  }

  CsvOptions options() {
    return options;
  }

  /** The columns read. */
  Dataset build() {
    requireRows();
    final Dataset.Builder data = Dataset.builder(source).droppedMissing(dropped);
    for (int j = 0; j < values.length; j++) {
      final double[] column = values[j].toArray();
      // Let the growing buffer (up to 1.5 x the column) go before the dataset copies the column:
      // the peak is then two copies of a column, not three. The loader is used up by build().
      values[j] = null;
      data.column(columns.get(j), column);
    }
    for (int j = 0; j < labelCodes.length; j++) {
      data.column(labels.get(j), labelCodes[j].toArray());
    }
    return data.build();
  }

  /** Refuses input with no header, no data rows, no rows matching the filters or no complete rows. */
  private void requireRows() {
    if (header == null) {
      throw new InvalidInputException(shown + ": the file is empty; accepted: a header row naming the columns, then data rows");
    }
    if (dataRows == 0) {
      throw new InvalidInputException(delimited
          ? shown + ": no data rows after the header on line " + headerLine + "; accepted: a header row, then at least one data row"
          : shown + ": no rows; accepted: a table with at least one row");
    }
    if (matched == 0) {
      throw new InvalidInputException(shown + ": no rows match --where "
          + Messages.list(options.where().stream().map(RowFilter::toString).toList()) + " (" + dataRows + " data rows; "
          + seenValues() + ")");
    }
    if (values[0].size() == 0) {
      throw new InvalidInputException(shown + ": every one of the " + matched + " data rows" + (filters.length > 0 ? " that match --where" : "")
          + " has a missing value in " + Messages.list(columns) + ", so no rows are left");
    }
  }

  /**
   * The rows read, split by the value of the group column (stripped of blanks), groups in order
   * of first appearance, each group's rows in file order; each group's dataset is named
   * {@code source} and counts none dropped. Time and memory are linear in the rows, whatever the
   * number of groups: a stable counting sort by group id (group sizes, each group's start, then
   * one scatter pass per column). The loader is used up.
   */
  Map<String, Dataset> buildGrouped() {
    requireRows();
    final int n = values[0].size();
    final int groups = groupIds.size();
    final int[] start = new int[groups + 1]; // group g's rows are start[g] .. start[g + 1] - 1 of the sorted order
    for (int i = 0; i < n; i++) {
      start[groupOfRow[i] + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    final int[] next = Arrays.copyOf(start, groups);
    final int[] slot = new int[n]; // row i's place in the sorted order; rows of a group keep their file order
    for (int i = 0; i < n; i++) {
      slot[i] = next[groupOfRow[i]]++;
    }
    groupOfRow = null;
    final double[][] sorted = new double[values.length][];
    for (int j = 0; j < values.length; j++) {
      final double[] column = values[j].toArray();
      values[j] = null;
      final double[] byGroup = new double[n];
      for (int i = 0; i < n; i++) {
        byGroup[slot[i]] = column[i];
      }
      sorted[j] = byGroup;
    }
    final Map<String, Dataset> out = LinkedHashMap.newLinkedHashMap(groups);
    int g = 0;
    for (String group : groupIds.keySet()) { // ids were given in this order: 0, 1, 2, ...
      final Dataset.Builder data = Dataset.builder(source);
      for (int j = 0; j < sorted.length; j++) {
        data.column(columns.get(j), Arrays.copyOfRange(sorted[j], start[g], start[g + 1]));
      }
      out.put(group, data.build());
      g++;
    }
    return out;
  }

  /**
   * The first distinct values of each filtered column, for the message when no row matches: at
   * most {@value #SEEN_VALUES}, then "..." if there were more (their number is not known: counting
   * them would mean keeping every distinct value of a column).
   */
  private String seenValues() {
    final List<String> parts = new ArrayList<>();
    for (int k = 0; k < filters.length; k++) {
      final List<String> v = new ArrayList<>(seen.get(k));
      final String more = v.size() > SEEN_VALUES ? ", ..." : "";
      parts.add("values of " + Messages.quote(filters[k].column()) + " include "
          + Messages.list(v.subList(0, Math.min(SEEN_VALUES, v.size())), Messages::quote) + more);
    }
    return String.join("; ", parts);
  }
}
