package org.parboot.cli;

import org.parboot.BootstrapOptions;
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
      description = "Number of bootstrap resamples (run) or permutations (test). Default: ${DEFAULT-VALUE}")
  long resamples;

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

  /** The builder with these settings. */
  BootstrapOptions.Builder apply(BootstrapOptions.Builder b) {
    b.resamples(resamples)
        .nanPolicy(NanPolicy.parse(nanPolicy))
        .chunk(chunk)
        .alternative(Alternative.parse(alternative));
    if (seed != null) {
      b.seed(seed);
    }
    return b;
  }
}
