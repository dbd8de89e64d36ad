package org.parboot.resample;

import java.util.Arrays;
import org.parboot.rng.ResampleStreams;

/**
 * The iid bootstrap within strata (R boot's {@code strata}): every row is replaced by a row
 * drawn uniformly from its own stratum, so each resample has exactly the original number of rows
 * of every stratum, and a statistic is computed over the whole resample.
 *
 * <p>Draw order (part of the reproducibility contract): resample {@code b} reads the
 * {@link ResampleStreams.Stream#of stream of (seed, b)}; for positions j = 0..n-1 in order, with
 * s the stratum of row j and m<sub>s</sub> the rows of s in row order, one
 * {@link ResampleStreams.Stream#nextIndex bounded index} k in {@code [0, |m_s|)} gives
 * {@code out[j] = m_s[k]}. So position j always holds a row of row j's stratum.
 */
final class StratifiedResampler implements Resampler {
  private final long seed;
  private final int[] stratumOfRow;
  private final int[][] members;
  private final long[] thresholds;
  private final String name;

  /**
   * Strata given by an id per row, ids in {@code [0, strata)}, every id used.
   *
   * @param label what the strata are, for {@link #name()} (e.g. the column name)
   * @throws IllegalArgumentException if an id is out of range or a stratum is empty
   */
  public StratifiedResampler(long seed, int[] stratumOfRow, int strata, String label) {
    this.seed = seed;
    this.stratumOfRow = stratumOfRow.clone();
    final int[] sizes = new int[strata];
    for (int s : this.stratumOfRow) {
      if (s < 0 || s >= strata) {
        throw new IllegalArgumentException("stratum id " + s + " is not in [0, " + strata + ")");
      }
      sizes[s]++;
    }
    members = new int[strata][];
    thresholds = new long[strata];
    for (int s = 0; s < strata; s++) {
      if (sizes[s] == 0) {
        throw new IllegalArgumentException("stratum " + s + " has no rows");
      }
      members[s] = new int[sizes[s]];
      thresholds[s] = ResampleStreams.threshold(sizes[s]);
    }
    final int[] fill = new int[strata];
    for (int row = 0; row < this.stratumOfRow.length; row++) {
      final int s = this.stratumOfRow[row];
      members[s][fill[s]++] = row;
    }
    this.name = "iid" + "(strata=" + label + ", " + strata + " strata)";
  }

  /** The number of rows of each stratum. */
  public int[] stratumSizes() {
    return Arrays.stream(members).mapToInt(m -> m.length).toArray();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return stratumOfRow.length;
  }

  @Override
  public int fill(long b, int[] out) {
    final ResampleStreams.Stream stream = ResampleStreams.Stream.of(seed, b);
    for (int j = 0; j < stratumOfRow.length; j++) {
      final int s = stratumOfRow[j];
      final int[] m = members[s];
      out[j] = m[stream.nextIndex(m.length, thresholds[s])];
    }
    return stratumOfRow.length;
  }
}
