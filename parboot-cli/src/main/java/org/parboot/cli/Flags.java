package org.parboot.cli;

import java.util.Map;
import org.parboot.InvalidSettingException;
import org.parboot.NonFiniteReplicatesException;

/**
 * How the command line spells the library's settings: the one map from a setting's API name
 * ({@link InvalidSettingException#setting()}) to its flag, so that the library's messages, which
 * name settings, reach the user naming the flags they typed.
 */
final class Flags {
  private static final Map<String, String> FLAG = Map.ofEntries(
      Map.entry("resamples", "--resamples"),
      Map.entry("seed", "--seed"),
      Map.entry("threads", "--threads"),
      Map.entry("executor", "--executor"),
      Map.entry("chunk", "--chunk"),
      Map.entry("simd", "--simd"),
      Map.entry("level", "--level"),
      Map.entry("intervals", "--ci"),
      Map.entry("innerResamples", "--inner-resamples"),
      Map.entry("nanPolicy", "--nan-policy"),
      Map.entry("scheme", "--scheme"),
      Map.entry("blockLength", "--block-length"),
      Map.entry("strata", "--strata"),
      Map.entry("statistic", "--stat"),
      Map.entry("weights", "--weights"),
      Map.entry("alternative", "--alternative"),
      Map.entry("permutationType", "--permutation-type"),
      Map.entry("nullValue", "--null"),
      Map.entry("mcError", "--mc-error"),
      Map.entry("maxResamples", "--max-resamples"),
      Map.entry("blbSubsets", "--blb-subsets"),
      Map.entry("blbGamma", "--blb-gamma"),
      Map.entry("blbResamples", "--blb-resamples"));

  private Flags() {}

  /** The flag of a setting (the setting's own name if the command line has no flag for it). */
  static String of(String setting) {
    return FLAG.getOrDefault(setting, setting);
  }

  /** The message of a library error, with settings named by their flags. */
  static String message(Throwable e) {
    return switch (e) {
      case InvalidSettingException x -> x.messageFor(of(x.setting()));
      case NonFiniteReplicatesException x -> x.messageFor(of("nanPolicy"));
      default -> String.valueOf(e.getMessage());
    };
  }
}
