package org.parboot.cli;

import java.util.List;
import java.util.Locale;
import org.parboot.BootstrapOptions;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;
import picocli.CommandLine.Option;

/**
 * How rows are resampled: {@code --scheme}, {@code --block-length}, {@code --strata}. They fill
 * the same {@link BootstrapOptions.Builder} as the Java API, which validates them.
 */
final class SchemeOptions {

  @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "iid",
      description = "Resampling scheme: iid; for time series in row order moving-block, circular-block, stationary; "
          + "poisson (each row Poisson(1) times); balanced (each row exactly B times in all). Default: ${DEFAULT-VALUE}")
  String scheme;

  @Option(names = "--block-length", paramLabel = "L", defaultValue = "auto",
      description = "Block length of moving-block and circular-block, mean block length of stationary: a whole number, "
          + "or auto (Politis-White 2004 with the 2009 correction). Default: ${DEFAULT-VALUE}")
  String blockLength;

  @Option(names = "--strata", paramLabel = "COLUMN",
      description = "Resample within the groups of this label column (e.g. location), keeping each group's size; "
          + "statistics are over the whole sample. With --scheme iid.")
  String strata;

  /** The label columns the data must include (the strata column). */
  List<String> labelColumns() {
    return strata == null ? List.of() : List.of(strata.strip());
  }

  /**
   * {@code b} with the scheme of {@code --scheme}, {@code --block-length} and {@code --strata}: the
   * library's {@link Scheme} carries a block length only for the block schemes and strata only for
   * the iid scheme, so a combination it cannot express is refused here, naming both flags.
   */
  BootstrapOptions.Builder apply(BootstrapOptions.Builder b) {
    final BlockLength length = blockLength();
    final Scheme s = Scheme.of(scheme, length);
    if (strata != null) {
      if (!(s instanceof Scheme.Iid iid)) {
        throw new InvalidInputException("--strata " + Messages.quote(strata) + " cannot be combined with --scheme "
            + s.spelling() + "; accepted: --strata with --scheme iid (the default)");
      }
      return b.scheme(iid.withStrata(strata));
    }
    return b.scheme(s);
  }

  private BlockLength blockLength() {
    final String length = blockLength.strip().toLowerCase(Locale.ROOT);
    if (length.equals("auto")) {
      return BlockLength.auto();
    }
    try {
      final long value = Long.parseLong(length);
      if (value < 1 || value > Integer.MAX_VALUE) {
        throw new NumberFormatException();
      }
      return BlockLength.of((int) value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--block-length " + Messages.quote(blockLength)
          + " is not accepted; accepted: a whole number from 1 to the number of rows, or auto");
    }
  }
}
