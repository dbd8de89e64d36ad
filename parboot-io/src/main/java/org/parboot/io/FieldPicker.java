package org.parboot.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.Arrays;

/**
 * A FastCSV callback handler that makes Strings only of the fields someone will read: every
 * field until {@link #keepOnly} is called (for the header), then only the chosen ones, so a wide
 * file costs little more than its one requested column. The record it returns is itself, reused
 * for the next record: read it before asking for another. Fields beyond {@link #fieldCount()}
 * and fields not kept are stale or null.
 */
final class FieldPicker extends AbstractBaseCsvCallbackHandler<FieldPicker> {
  private boolean[] kept; // null: keep every field
  private String[] fields = new String[16];

  /** From now on, keep only the fields at these 0-based indices. */
  void keepOnly(int... indices) {
    kept = new boolean[Arrays.stream(indices).max().orElse(-1) + 1];
    for (int i : indices) {
      kept[i] = true;
    }
  }

  @Override
  protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
    if (kept == null) {
      if (index >= fields.length) {
        fields = Arrays.copyOf(fields, Math.max(index + 1, fields.length * 2));
      }
      fields[index] = new String(buf, offset, len);
    } else if (index < kept.length && kept[index]) {
      fields[index] = new String(buf, offset, len);
    }
  }

  @Override
  protected FieldPicker buildRecord() {
    return this;
  }

  /** The line the current record starts on, 1-based. */
  long line() {
    return getStartingLineNumber();
  }

  /** The number of fields of the current record. */
  int fieldCount() {
    return getFieldCount();
  }

  /** Field {@code index} of the current record, if it is kept. */
  String field(int index) {
    return fields[index];
  }
}
