package org.parboot.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which group each row is in and where each piece of the input starts in each group's numbering:
 * pieces in {@link SplitKey#ORDER}, each starting after the group's kept rows in all pieces before
 * it; groups in order of first appearance (the core's order). Made on the driver from the
 * numbering pass's counts (one per piece and group present in it: their number is that of the
 * splits times the groups, not of the rows) and sent to every task.
 */
final class Numbering implements Serializable {
  private static final long serialVersionUID = 1L;

  private record At(SplitKey key, int group) implements Serializable {}

  private final List<String> groups;
  private final Map<String, Integer> ids;
  private final Map<At, Long> first;
  private final long[] rows;
  private final long dropped;
  private final boolean restricted;

  private Numbering(List<String> groups, Map<String, Integer> ids, Map<At, Long> first, long[] rows, long dropped,
      boolean restricted) {
    this.groups = groups;
    this.ids = ids;
    this.first = first;
    this.rows = rows;
    this.dropped = dropped;
    this.restricted = restricted;
  }

  /** The numbering of the pieces counted. */
  static Numbering of(List<RowSource.Count> counts) {
    final List<RowSource.Count> sorted = new ArrayList<>(counts);
    sorted.sort((a, b) -> {
      final int c = SplitKey.ORDER.compare(a.key(), b.key());
      return c != 0 ? c : Integer.compare(a.rank(), b.rank());
    });
    final Map<String, Integer> ids = new LinkedHashMap<>();
    final List<Long> sizes = new ArrayList<>();
    final Map<At, Long> first = new HashMap<>();
    long dropped = 0;
    for (RowSource.Count c : sorted) {
      dropped += c.dropped();
      if (c.group() == null) {
        continue;
      }
      final int g = ids.computeIfAbsent(c.group(), x -> ids.size());
      if (g == sizes.size()) {
        sizes.add(0L);
      }
      if (first.put(new At(c.key(), g), sizes.get(g)) != null) {
        throw new IllegalStateException("piece " + c.key() + " was counted twice for group " + c.group());
      }
      sizes.set(g, sizes.get(g) + c.kept());
    }
    return new Numbering(List.copyOf(ids.keySet()), Map.copyOf(ids), Map.copyOf(first),
        sizes.stream().mapToLong(Long::longValue).toArray(), dropped, false);
  }

  /** The groups, in order of first appearance ({@code [""]} when not grouped and any row was kept). */
  List<String> groups() {
    return groups;
  }

  /**
   * This numbering for the named groups alone, with ids in the order given (a comparison's two
   * samples); rows of other groups are then skipped ({@link #group} gives -1).
   */
  Numbering only(List<String> names) {
    final Map<String, Integer> keep = new LinkedHashMap<>();
    final long[] sizes = new long[names.size()];
    for (String name : names) {
      sizes[keep.size()] = rows[group(name)];
      keep.put(name, keep.size());
    }
    final Map<At, Long> firsts = new HashMap<>();
    first.forEach((at, f) -> {
      final Integer g = keep.get(groups.get(at.group()));
      if (g != null) {
        firsts.put(new At(at.key(), g), f);
      }
    });
    return new Numbering(List.copyOf(names), Map.copyOf(keep), Map.copyOf(firsts), sizes, dropped, true);
  }

  /** A group's id, its index in {@link #groups}; -1 for a group another {@link #only} left out. */
  int group(String name) {
    final Integer id = ids.get(name);
    if (id == null) {
      if (restricted) {
        return -1;
      }
      throw changed("group " + name);
    }
    return id;
  }

  /** The position in group {@code group}'s numbering of the piece's first kept row of it. */
  long first(SplitKey key, int group) {
    final Long f = first.get(new At(key, group));
    if (f == null) {
      throw changed("piece " + key);
    }
    return f;
  }

  private static IllegalStateException changed(String what) {
    return new IllegalStateException(what + " was not seen by the numbering pass; the input changed between the passes "
        + "(a file written to, or a Dataset that is not deterministic)");
  }

  /** Each group's kept rows. */
  long[] rows() {
    return rows.clone();
  }

  /** Kept rows in all groups. */
  long total() {
    long n = 0;
    for (long r : rows) {
      n += r;
    }
    return n;
  }

  /** Rows dropped for a missing value. */
  long dropped() {
    return dropped;
  }
}
