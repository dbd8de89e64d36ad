package org.parboot.cli;

import java.util.List;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.batch.GroupJob;

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

  private GroupJob pick(List<GroupJob> jobs, String group) {
    return jobs.stream().filter(j -> j.group().equals(group)).findFirst().orElseThrow(() -> new InvalidInputException(
        "--compare: no rows with " + Messages.escape(column) + " = " + Messages.quote(group) + "; values of "
            + Messages.quote(column) + ": " + Messages.list(jobs.stream().map(GroupJob::group).toList(), Messages::quote)));
  }
}
