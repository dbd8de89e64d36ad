package org.parboot.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each piece of the input starts in the row numbering: pieces in {@link SplitKey#ORDER},
 * each starting after the kept rows of all before it. Made on the driver from the numbering pass's
 * counts (one per piece: its size is the number of splits, not of rows) and sent to every task.
 */
final class Numbering implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<SplitKey, Long> first;
  private final long rows;
  private final long dropped;

  private Numbering(Map<SplitKey, Long> first, long rows, long dropped) {
    this.first = first;
    this.rows = rows;
    this.dropped = dropped;
  }

  /** The numbering of the pieces counted. */
  static Numbering of(List<RowSource.Count> counts) {
    final List<RowSource.Count> sorted = new ArrayList<>(counts);
    sorted.sort((a, b) -> SplitKey.ORDER.compare(a.key(), b.key()));
    final Map<SplitKey, Long> first = new HashMap<>();
    long at = 0;
    long dropped = 0;
    for (RowSource.Count c : sorted) {
      if (first.put(c.key(), at) != null) {
        throw new IllegalStateException("piece " + c.key() + " was counted twice");
      }
      at += c.kept();
      dropped += c.dropped();
    }
    return new Numbering(Map.copyOf(first), at, dropped);
  }

  /** The position of the piece's first kept row. */
  long first(SplitKey key) {
    final Long f = first.get(key);
    if (f == null) {
      throw new IllegalStateException("piece " + key + " was not seen by the numbering pass; "
          + "the input changed between the passes (a file written to, or a Dataset that is not deterministic)");
    }
    return f;
  }

  /** Kept rows in all. */
  long rows() {
    return rows;
  }

  /** Rows dropped for a missing value. */
  long dropped() {
    return dropped;
  }
}
