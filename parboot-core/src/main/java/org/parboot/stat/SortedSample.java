package org.parboot.stat;

/**
 * A sample in ascending order, as order statistics see it. The engine provides it either as
 * cumulative counts of drawn ranks over the sorted data (a resample) or as the sorted data with
 * one position left out (the jackknife), never as a sorted copy.
 */
public interface SortedSample {

  /** The sample size. */
  int size();

  /** The value at 0-based position {@code pos} of the sorted sample. */
  double at(int pos);

  /** The sum of the values at positions {@code [from, to)}. */
  double sum(int from, int to);
}
