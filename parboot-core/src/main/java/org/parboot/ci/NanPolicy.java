package org.parboot.ci;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.parboot.InvalidInputException;

/**
 * What the summaries of a statistic do with replicates that are NaN (or infinite): a statistic
 * can be undefined on some resamples (a variance of a resample that drew one row n times, a
 * user statistic that divides by zero). Non-finite replicates are always counted
 * ({@link org.parboot.StatisticResult#nonFinite()}) and kept in the replicates array.
 */
public enum NanPolicy {
  /** Any non-finite replicate makes the statistic's bias, standard error and every interval NaN, with a warning. */
  PROPAGATE,
  /** Non-finite replicates are left out of the summaries, with a warning saying how many (the default). */
  OMIT,
  /**
   * Any non-finite replicate ends the run with {@link org.parboot.NonFiniteReplicatesException},
   * naming the statistic, the count and the first such resample.
   */
  ERROR;

  /** The default: omit and report. */
  public static final NanPolicy DEFAULT = OMIT;

  /** The name on the command line. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a command-line name, ignoring case and surrounding blanks. */
  public static NanPolicy parse(String s) {
    for (NanPolicy p : values()) {
      if (p.spelling().equalsIgnoreCase(s.strip())) {
        return p;
      }
    }
    throw new org.parboot.InvalidSettingException("nanPolicy", org.parboot.Messages.quote(s), "is unknown", accepted());
  }

  /** The accepted names, comma-separated. */
  public static String accepted() {
    return Arrays.stream(values()).map(NanPolicy::spelling).collect(Collectors.joining(", "));
  }
}
