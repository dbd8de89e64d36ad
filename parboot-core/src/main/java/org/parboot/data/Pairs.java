package org.parboot.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parboot.InvalidInputException;
import org.parboot.Messages;

/**
 * Two samples of one table matched row by row on a key (the command line's {@code --compare
 * COLUMN=A,B --pair-by KEY}): a paired comparison resamples the pairs, so row i of both samples
 * must be the same key (the same date, patient, unit).
 */
public final class Pairs {
  private Pairs() {}

  /**
   * The matched samples.
   *
   * @param first the first sample's matched rows, in its row order
   * @param second the second sample's rows with the same keys, in the same order
   * @param unmatchedFirst the first sample's rows whose key the second lacks (left out)
   * @param unmatchedSecond the second sample's rows whose key the first lacks (left out)
   */
  public record Matched(Dataset first, Dataset second, int unmatchedFirst, int unmatchedSecond) {
    /** The number of pairs. */
    public int pairs() {
      return first.rows();
    }
  }

  /**
   * The rows of {@code data} whose 0/1 column {@code inFirst} is 1 (the first sample) and those
   * whose {@code inSecond} is 1, matched on the column {@code key} (numbers, or a label column's
   * codes: equal keys are equal values), with only the columns {@code keep}.
   *
   * @param names the two samples' names, for messages
   * @throws InvalidInputException a key that repeats within one sample (a pairing must be one to
   *     one), or no key the two samples share
   */
  public static Matched match(Dataset data, String inFirst, String inSecond, String key, List<String> keep,
      List<String> names) {
    final double[] a = data.column(inFirst);
    final double[] b = data.column(inSecond);
    final double[] keys = data.column(key);
    final Map<Double, Integer> secondRow = new HashMap<>();
    final Map<Double, Integer> firstRow = new HashMap<>();
    int inA = 0;
    for (int i = 0; i < keys.length; i++) {
      final Double k = keys[i] == 0 ? 0.0 : keys[i];
      if (b[i] == 1) {
        unique(secondRow, k, i, key, names.get(1));
      }
      if (a[i] == 1) {
        unique(firstRow, k, i, key, names.get(0));
        inA++;
      }
    }
    final int[] rowsA = new int[inA];
    final int[] rowsB = new int[inA];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (a[i] == 1) {
        final Integer j = secondRow.get(keys[i] == 0 ? 0.0 : keys[i]);
        if (j != null) {
          rowsA[n] = i;
          rowsB[n] = j;
          n++;
        }
      }
    }
    if (n == 0) {
      throw new InvalidInputException("--pair-by " + Messages.quote(key) + ": " + Messages.quote(names.get(0)) + " and "
          + Messages.quote(names.get(1)) + " share no value of " + Messages.quote(key)
          + "; accepted: a key column whose values name the pairs in both samples, such as a date");
    }
    return new Matched(select(data, rowsA, n, keep), select(data, rowsB, n, keep),
        inA - n, secondRow.size() - n);
  }

  private static void unique(Map<Double, Integer> rows, Double k, int i, String key, String sample) {
    final Integer before = rows.putIfAbsent(k, i);
    if (before != null) {
      throw new InvalidInputException("--pair-by " + Messages.quote(key) + ": rows " + (before + 1) + " and " + (i + 1)
          + " of the data read (after --where and missing values) are both " + Messages.quote(sample)
          + " with the same " + Messages.quote(key) + "; accepted: each key at most once per sample (a pairing is one to one)");
    }
  }

  private static Dataset select(Dataset data, int[] rows, int n, List<String> keep) {
    final Dataset.Builder out = Dataset.builder(data.source());
    for (String c : keep) {
      final double[] all = data.column(c);
      final double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = all[rows[i]];
      }
      out.column(c, v);
    }
    return out.build();
  }
}
