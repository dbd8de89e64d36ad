package org.parboot.resample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parboot.BootstrapOptions;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;

/**
 * Makes the {@link Resampler} a run's options ask for: the scheme, its block length (given, or
 * automatic), and strata.
 *
 * <p>Automatic block length ({@code --block-length auto}): {@link OptimalBlockLength} of each
 * column the statistics read, in row order, and the largest over the columns (the conservative
 * choice: blocks too short understate dependence). The stationary scheme uses the "stationary"
 * value as its mean block length; the moving- and circular-block schemes use the "circular" value
 * rounded to the nearest integer. Both are kept within {@code [1, n]}; a constant series, whose
 * optimal length is undefined, gets 1. The chosen length is part of {@link Resampler#name()},
 * e.g. {@code stationary(L=14.62, auto)}, so it is reported in results.
 *
 * <p>Strata ({@code --strata COLUMN}): the column's distinct values are the strata (a label
 * column read by parboot-io holds label codes), numbered in order of first appearance; only the
 * iid scheme resamples within strata.
 */
public final class Schemes {

  private Schemes() {}

  /**
   * The resampler for a run over {@code data}, whose statistics read {@code columns}.
   *
   * @throws InvalidInputException a block length larger than the data, too few rows for the
   *     automatic length, an unknown strata column, or a scheme that cannot take strata
   */
  public static Resampler create(BootstrapOptions options, Dataset data, List<String> columns) {
    final int n = data.rows();
    final long seed = options.seed();
    if (options.strata() != null) {
      return stratified(options, data);
    }
    return switch (options.scheme()) {
      case IID -> new IidResampler(seed, n);
      case POISSON -> {
        if (n > Integer.MAX_VALUE / 32) {
          throw new InvalidInputException("--scheme poisson takes at most " + Integer.MAX_VALUE / 32
              + " rows (a resample can hold up to 17 copies of each); " + data.source() + " has " + n);
        }
        yield new PoissonResampler(seed, n);
      }
      case BALANCED -> new BalancedResampler(seed, n, options.resamples());
      case MOVING_BLOCK, CIRCULAR_BLOCK -> {
        final boolean auto = options.blockLength() == BootstrapOptions.AUTO_BLOCK_LENGTH;
        final int length = auto
            ? (int) Math.max(1, Math.min(n, Math.round(automatic(data, columns, options.scheme(), false))))
            : checkedLength(options, n);
        yield new BlockResampler(seed, n, length, options.scheme() == Scheme.CIRCULAR_BLOCK, auto);
      }
      case STATIONARY -> {
        final boolean auto = options.blockLength() == BootstrapOptions.AUTO_BLOCK_LENGTH;
        final double length = auto
            ? Math.max(1, Math.min(n, automatic(data, columns, options.scheme(), true)))
            : checkedLength(options, n);
        yield new StationaryResampler(seed, n, length, auto);
      }
    };
  }

  private static int checkedLength(BootstrapOptions options, int n) {
    if (options.blockLength() > n) {
      throw new InvalidInputException("--block-length " + options.blockLength() + " is larger than the " + n
          + " rows of the data; accepted: 1 to " + n + ", or auto");
    }
    return options.blockLength();
  }

  /** The largest automatic length over the columns (1 for constant columns). */
  private static double automatic(Dataset data, List<String> columns, Scheme scheme, boolean stationary) {
    if (data.rows() < OptimalBlockLength.MIN_OBSERVATIONS) {
      throw new InvalidInputException("--block-length auto needs at least " + OptimalBlockLength.MIN_OBSERVATIONS
          + " rows; " + data.source() + " has " + data.rows() + "; give --block-length L for --scheme "
          + scheme.spelling());
    }
    double best = 1;
    for (String c : columns) {
      final OptimalBlockLength opt = OptimalBlockLength.of(data.column(c));
      final double v = stationary ? opt.stationary() : opt.circular();
      if (v > best) { // NaN (a constant column) is never larger
        best = v;
      }
    }
    return best;
  }

  private static Resampler stratified(BootstrapOptions options, Dataset data) {
    final String column = options.strata();
    if (options.scheme() != Scheme.IID) {
      throw new InvalidInputException("--strata " + column + " cannot be combined with --scheme "
          + options.scheme().spelling() + "; accepted: --strata with --scheme iid");
    }
    if (!data.hasColumn(column)) {
      throw new InvalidInputException("unknown --strata column " + org.parboot.Messages.quote(column) + " in "
          + org.parboot.Messages.escape(data.source()) + "; available: " + org.parboot.Messages.list(data.columnNames()));
    }
    final double[] values = data.column(column);
    final Map<Double, Integer> ids = new HashMap<>();
    final int[] stratum = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      final Double key = values[i] == 0 ? 0.0 : values[i]; // -0.0 and 0.0 are one stratum
      Integer id = ids.get(key);
      if (id == null) {
        id = ids.size();
        ids.put(key, id);
      }
      stratum[i] = id;
    }
    return new StratifiedResampler(options.seed(), stratum, ids.size(), column);
  }
}
