package org.parboot.cli;

import org.parboot.BootstrapOptions;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.ci.Alternative;
import org.parboot.ci.NanPolicy;
import picocli.CommandLine.Option;

/**
 * How many resamples a command draws and from which seed, the alternative and the nan policy: the
 * settings {@code run} and {@code test} share. They fill the same {@link BootstrapOptions.Builder}
 * the Java API uses, which validates them.
 */
final class DrawOptions {

  @Option(names = {"-B", "--resamples"}, paramLabel = "B", defaultValue = "9999",
      description = "Number of bootstrap resamples (run) or permutations (test); run also takes auto with --mc-error: "
          + "B doubles from " + AUTO_START + " until every endpoint's Monte Carlo error is below it. Default: ${DEFAULT-VALUE}")
  String resamples;

  /** The first round's B of {@code --resamples auto}. */
  static final int AUTO_START = 1000;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed: the same seed gives bit-identical results on any executor and thread count. "
          + "Default: drawn at random and printed.")
  Long seed;

  @Option(names = "--alternative", paramLabel = "SIDE", defaultValue = "two-sided",
      description = "two-sided, less (-inf, high] or greater [low, inf), as SciPy's alternative: a one-sided interval "
          + "keeps an endpoint of the two-sided interval at level 2 x L - 1, for every method. Default: ${DEFAULT-VALUE}")
  String alternative;

  @Option(names = "--nan-policy", paramLabel = "POLICY", defaultValue = "omit",
      description = "Replicates that are NaN or infinite: omit (leave them out and report how many), propagate "
          + "(that statistic's bias, std error and intervals are NaN), error (stop, exit 1). Default: ${DEFAULT-VALUE}")
  String nanPolicy;

  @Option(names = "--chunk", paramLabel = "N", defaultValue = "0", hidden = true,
      description = "Resamples per work item (0: automatic). Results do not depend on it.")
  int chunk;

  /** Whether B is {@code auto} (adaptive). */
  boolean auto() {
    return resamples.strip().equalsIgnoreCase("auto");
  }

  /**
   * The builder with these settings; {@code auto} starts at {@value #AUTO_START} (the caller
   * sets the adaptive target).
   *
   * @throws InvalidInputException B is neither a number nor auto
   */
  BootstrapOptions.Builder apply(BootstrapOptions.Builder b) {
    final long count;
    if (auto()) {
      count = AUTO_START;
    } else {
      try {
        count = Long.parseLong(resamples.strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("--resamples " + Messages.quote(resamples) + " is not a number; accepted: 2 to "
            + BootstrapOptions.MAX_RESAMPLES + ", or auto (parboot run, with --mc-error)");
      }
    }
    b.resamples(count)
        .nanPolicy(NanPolicy.parse(nanPolicy))
        .chunk(chunk)
        .alternative(Alternative.parse(alternative));
    if (seed != null) {
      b.seed(seed);
    }
    return b;
  }
}
