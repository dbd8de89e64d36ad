package org.parboot.stat;

import java.util.List;
import java.util.Objects;

/**
 * Rank correlations of two columns, resampled as rows. The engine ranks each column once and
 * reads a resample's ranks from its row counts: ties in a resample (a row drawn twice, or equal
 * values) get the mean of the ranks they span, as {@code scipy.stats.rankdata} gives them.
 *
 * <ul>
 *   <li>{@code spearman(x, y)}: Spearman's rho, Pearson's correlation of the two columns' ranks
 *       ({@code scipy.stats.spearmanr}); O(n) per resample;</li>
 *   <li>{@code kendall(x, y)}: Kendall's tau-b, (concordant - discordant pairs) over
 *       sqrt((pairs - pairs tied in x)(pairs - pairs tied in y)) ({@code scipy.stats.kendalltau},
 *       variant b); O(n log n) per resample, counting discordant pairs with a Fenwick tree.</li>
 * </ul>
 * Both are NaN when a column is constant in the resample, or when the resample drew a NaN; both
 * are clipped to [-1, 1]. Their jackknife (for BCa) takes O(n log n) in all, from the counts of
 * rows on each side of every row in both columns.
 *
 * @param kind which correlation
 * @param x the first column
 * @param y the second column
 */
public record RankStatistic(Kind kind, String x, String y) implements Statistic, java.io.Serializable {

  /** The rank correlations. */
  public enum Kind {
    SPEARMAN("spearman"), KENDALL("kendall");

    private final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }

    /** The name on the command line. */
    public String spelling() {
      return spelling;
    }
  }

  public RankStatistic {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
  }

  /** Spearman's rank correlation ({@code scipy.stats.spearmanr}). */
  public static RankStatistic spearman(String x, String y) {
    return new RankStatistic(Kind.SPEARMAN, x, y);
  }

  /** Kendall's tau-b ({@code scipy.stats.kendalltau}). */
  public static RankStatistic kendall(String x, String y) {
    return new RankStatistic(Kind.KENDALL, x, y);
  }

  @Override
  public String name() {
    return kind.spelling;
  }

  @Override
  public List<String> columns() {
    return List.of(x, y);
  }

  @Override
  public String label() {
    return kind.spelling + "(" + x + ", " + y + ")";
  }

  @Override
  public int minObservations() {
    return 2;
  }
}
