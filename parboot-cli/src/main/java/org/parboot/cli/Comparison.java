package org.parboot.cli;

import java.util.List;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.batch.GroupJob;
import org.parboot.data.Dataset;
import org.parboot.data.Pairs;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.TextCondition;

/**
 * {@code --compare COLUMN=A,B}: the text column whose values name the two samples, and the two
 * values. {@code run} bootstraps the difference between them, {@code test} permutes their rows.
 *
 * @param column the column (stripped)
 * @param first A (stripped)
 * @param second B (stripped)
 */
record Comparison(String column, String first, String second) {

  /**
   * Parses {@code COLUMN=A,B}.
   *
   * @throws InvalidInputException naming the option and the accepted form
   */
  static Comparison parse(String text) {
    final int eq = text.indexOf('=');
    final String[] groups = eq < 0 ? new String[0] : text.substring(eq + 1).split(",", -1);
    if (eq <= 0 || groups.length != 2 || groups[0].isBlank() || groups[1].isBlank()) {
      throw new InvalidInputException("--compare " + Messages.quote(text) + " is not accepted; accepted: COLUMN=A,B, "
          + "e.g. --compare 'location=Seattle,New York'");
    }
    return new Comparison(text.substring(0, eq).strip(), groups[0].strip(), groups[1].strip());
  }

  /** The first sample among the groups read by {@link #column}. */
  GroupJob first(List<GroupJob> jobs) {
    return pick(jobs, first);
  }

  /** The second sample among the groups read by {@link #column}. */
  GroupJob second(List<GroupJob> jobs) {
    return pick(jobs, second);
  }

  /**
   * The two samples matched on {@code key} ({@code --pair-by}), as one read of one table: the
   * columns, a 0/1 column per sample (the core's {@link TextCondition}: {@code location ==
   * 'Seattle'}) and the key as a label column (equal codes where the text is equal); a note says
   * how many rows had no partner.
   *
   * @throws InvalidInputException several FILEs, a group with no rows, a repeated key
   */
  GroupJob[] paired(DataOptions data, List<String> columns, String key, Console console) {
    if (data.inputs().size() > 1) {
      throw new InvalidInputException("--pair-by pairs the rows of one table; accepted: one FILE (or the bundled data)");
    }
    final TextCondition inFirst;
    final TextCondition inSecond;
    try {
      inFirst = new TextCondition(column, MomentStatistic.Comparison.EQ, first);
      inSecond = new TextCondition(column, MomentStatistic.Comparison.EQ, second);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--compare " + Messages.quote(column + "=" + first + "," + second)
          + " with --pair-by: a group value cannot hold a single quote; accepted: values without one");
    }
    final List<String> read = new java.util.ArrayList<>(columns);
    read.add(inFirst.columnName());
    read.add(inSecond.columnName());
    final Dataset all = data.loadWithLabels(read, List.of(key));
    for (TextCondition c : List.of(inFirst, inSecond)) {
      if (all.firstRow(c.columnName(), v -> v == 1) < 0) {
        throw new InvalidInputException("--compare: no rows with " + Messages.escape(column) + " = "
            + Messages.quote(c.value()) + (data.where.isEmpty() ? "" : " among the rows --where keeps"));
      }
    }
    final Pairs.Matched m = Pairs.match(all, inFirst.columnName(), inSecond.columnName(), key, columns,
        List.of(first, second));
    if (m.unmatchedFirst() + m.unmatchedSecond() > 0) {
      console.note("--pair-by " + key + ": " + m.pairs() + " pairs; " + m.unmatchedFirst() + " " + first + " and "
          + m.unmatchedSecond() + " " + second + " rows have no partner and are left out");
    }
    final String file = data.inputs().isEmpty() ? BatchInputs.BUNDLED_NAME : BatchInputs.names(data.inputs()).get(0);
    return new GroupJob[] {new GroupJob(file, first, m.first()), new GroupJob(file, second, m.second())};
  }

  private GroupJob pick(List<GroupJob> jobs, String group) {
    return jobs.stream().filter(j -> j.group().equals(group)).findFirst().orElseThrow(() -> new InvalidInputException(
        "--compare: no rows with " + Messages.escape(column) + " = " + Messages.quote(group) + "; values of "
            + Messages.quote(column) + ": " + Messages.list(jobs.stream().map(GroupJob::group).toList(), Messages::quote)));
  }
}
