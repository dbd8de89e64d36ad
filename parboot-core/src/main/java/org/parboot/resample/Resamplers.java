package org.parboot.resample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parboot.InvalidInputException;
import org.parboot.InvalidSettingException;
import org.parboot.Messages;
import org.parboot.data.Dataset;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;

/**
 * Makes the {@link Resampler} of a {@link Scheme}: the one place that maps a scheme, its block
 * length (given, or automatic) and its strata onto a resampler.
 *
 * <p>Automatic block length ({@link BlockLength.Auto}): {@link OptimalBlockLength} of each column
 * the statistics read, in row order, and the largest over the columns (the conservative choice:
 * blocks too short understate dependence). The stationary scheme uses the "stationary" value as
 * its mean block length; the moving- and circular-block schemes use the "circular" value rounded
 * to the nearest integer. Both are kept within {@code [1, n]}; a constant series, whose optimal
 * length is undefined, gets 1. The chosen length is part of {@link Resampler#name()}, e.g.
 * {@code stationary(L=14.62, auto)}, so it is reported in results.
 *
 * <p>Strata ({@link Scheme.Iid#strata()}): the column's distinct values are the strata (a label
 * column read by parboot-io holds label codes), numbered in order of first appearance.
 */
public final class Resamplers {

  private Resamplers() {}

  /**
   * The resampler of {@code scheme} for {@code resamples} resamples of {@code data} under
   * {@code seed}, whose statistics read {@code columns}.
   *
   * @throws InvalidInputException a block length larger than the data, too few rows for the
   *     automatic length, an unknown strata column, or too many rows for the Poisson scheme
   */
  public static Resampler create(Scheme scheme, Dataset data, List<String> columns, long seed, int resamples) {
    final int n = data.rows();
    return switch (scheme) {
      case Scheme.Iid iid -> iid.strata() == null ? new IidResampler(seed, n) : stratified(iid.strata(), seed, data);
      case Scheme.Poisson p -> {
        if (n > Integer.MAX_VALUE / 32) {
          throw new InvalidInputException("the poisson scheme takes at most " + Integer.MAX_VALUE / 32
              + " rows (a resample can hold up to 17 copies of each); " + Messages.escape(data.source()) + " has " + n);
        }
        yield new PoissonResampler(seed, n);
      }
      case Scheme.Balanced b -> new BalancedResampler(seed, n, resamples);
      case Scheme.MovingBlock m -> block(m.length(), scheme, data, columns, seed, false);
      case Scheme.CircularBlock c -> block(c.length(), scheme, data, columns, seed, true);
      case Scheme.Stationary st -> {
        final boolean auto = st.length() instanceof BlockLength.Auto;
        final double length = auto ? Math.max(1, Math.min(n, automatic(data, columns, scheme, true)))
            : checkedLength(st.length(), n);
        yield new StationaryResampler(seed, n, length, auto);
      }
    };
  }

  private static Resampler block(BlockLength given, Scheme scheme, Dataset data, List<String> columns, long seed,
      boolean circular) {
    final int n = data.rows();
    final boolean auto = given instanceof BlockLength.Auto;
    final int length = auto ? (int) Math.max(1, Math.min(n, Math.round(automatic(data, columns, scheme, false))))
        : checkedLength(given, n);
    return new BlockResampler(seed, n, length, circular, auto);
  }

  private static int checkedLength(BlockLength given, int n) {
    final int length = ((BlockLength.Fixed) given).length();
    if (length > n) {
      throw new InvalidSettingException("blockLength", Integer.toString(length), "is larger than the " + n
          + " rows of the data", "1 to " + n + ", or auto");
    }
    return length;
  }

  /** The largest automatic length over the columns (1 for constant columns). */
  private static double automatic(Dataset data, List<String> columns, Scheme scheme, boolean stationary) {
    if (data.rows() < OptimalBlockLength.MIN_OBSERVATIONS) {
      throw new InvalidSettingException("blockLength", "auto", "needs at least " + OptimalBlockLength.MIN_OBSERVATIONS
          + " rows; " + Messages.escape(data.source()) + " has " + data.rows(), "a given block length for the "
          + scheme.spelling() + " scheme");
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

  private static Resampler stratified(String column, long seed, Dataset data) {
    if (!data.hasColumn(column)) {
      throw new InvalidSettingException("strata", Messages.quote(column), "is not a column of "
          + Messages.escape(data.source()), "one of " + Messages.list(data.columnNames()));
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
    return new StratifiedResampler(seed, stratum, ids.size(), column);
  }
}
