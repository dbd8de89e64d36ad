package org.parboot.cli;

import org.parboot.InvalidInputException;
import org.parboot.Messages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where {@code parboot run} runs: {@code --engine}, {@code --master}, and the Spark engine's
 * {@code --method} with the Bag of Little Bootstraps' settings. {@link #check} decides once what
 * was asked (refusing the options that need another engine or method); the run carries the answer.
 */
final class DistributedOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
      description = "Where the bootstrap runs: local (this machine's threads), or spark (Apache Spark: the Poisson "
          + "bootstrap of the moment statistics over CSV or Parquet FILEs of any size, read by Spark as one data set; "
          + "the same replicates as --scheme poisson here). Default: ${DEFAULT-VALUE}")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "With --engine spark: the Spark master, e.g. local[2], spark://host:7077 or yarn. "
          + "Default: spark-submit's, else local[*].")
  String master;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "poisson",
      description = "With --engine spark: poisson (the Poisson bootstrap of the moment statistics, every replicate in one "
          + "pass) or blb (the Bag of Little Bootstraps: any moment or order statistic; percentile, basic and normal "
          + "intervals averaged over the subsets). Default: ${DEFAULT-VALUE}")
  String method;

  @Option(names = "--blb-subsets", paramLabel = "S", defaultValue = "10",
      description = "With --method blb: the number of subsets. Default: ${DEFAULT-VALUE}")
  int blbSubsets;

  @Option(names = "--blb-gamma", paramLabel = "G", defaultValue = "0.7",
      description = "With --method blb: each subset has ceil(n^G) rows, G in (0.5, 1]. Default: ${DEFAULT-VALUE}")
  double blbGamma;

  @Option(names = "--blb-resamples", paramLabel = "R", defaultValue = "100",
      description = "With --method blb: resamples per subset. Default: ${DEFAULT-VALUE}")
  int blbResamples;

  /** What was asked: a distributed engine (null: this machine) and its Bag of Little Bootstraps (null: none). */
  record Choice(String engine, String master, DistributedEngine.Blb blb) {
    boolean distributed() {
      return engine != null;
    }
  }

  private boolean given(String option) {
    return mixee.commandLine().getParseResult().hasMatchedOption(option);
  }

  /**
   * The engine and method asked for, checked: a known engine and method; {@code --master},
   * {@code --method} and the {@code --blb} options only with {@code --engine spark}, the latter
   * only with {@code --method blb}.
   */
  Choice check() {
    if (!engine.equals("local") && !engine.equals("spark")) {
      throw new InvalidInputException("--engine " + Messages.quote(engine) + " is not accepted; accepted: local, spark");
    }
    final boolean local = engine.equals("local");
    if (local && (given("--method") || given("--blb-subsets") || given("--blb-gamma") || given("--blb-resamples"))) {
      throw new InvalidInputException("--method and the --blb options need --engine spark; accepted: --engine spark "
          + "--method poisson|blb");
    }
    if (local && master != null) {
      throw new InvalidInputException("--master " + Messages.quote(master) + " needs --engine spark; accepted: "
          + "--engine spark --master URL, or no --master for a run on this machine");
    }
    if (!method.equals("poisson") && !method.equals("blb")) {
      throw new InvalidInputException("--method " + Messages.quote(method) + " is not accepted; accepted: poisson, blb");
    }
    final boolean blb = method.equals("blb");
    for (String o : new String[] {"--blb-subsets", "--blb-gamma", "--blb-resamples"}) {
      if (given(o) && !blb) {
        throw new InvalidInputException(o + " needs --method blb; accepted: --engine spark --method blb " + o + " ...");
      }
    }
    return local ? new Choice(null, null, null)
        : new Choice(engine, master, blb ? new DistributedEngine.Blb(blbSubsets, blbGamma, blbResamples) : null);
  }
}
