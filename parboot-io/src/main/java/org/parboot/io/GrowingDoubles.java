package org.parboot.io;

import java.util.Arrays;

/** An append-only list of primitive doubles (no boxing), grown by half each time it fills. */
final class GrowingDoubles {
  /** The most values an array holds. */
  static final int MAX = Integer.MAX_VALUE - 8;

  private double[] values = new double[1024];
  private int size;

  void add(double v) {
    if (size == values.length) {
      if (size == MAX) {
        throw new IllegalStateException("more than " + MAX + " values");
      }
      values = Arrays.copyOf(values, (int) Math.min(MAX, size + (size >> 1) + 16L));
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  /** A copy of exactly the values added. */
  double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
