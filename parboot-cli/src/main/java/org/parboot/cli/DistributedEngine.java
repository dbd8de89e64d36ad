package org.parboot.cli;

import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
import org.parboot.TwoSampleResult;
import org.parboot.batch.BatchResult;
import org.parboot.exec.RunControl;
import org.parboot.io.CsvOptions;
import org.parboot.stat.Statistic;

/**
 * An engine that runs {@code parboot run}'s bootstrap outside this JVM's threads, chosen with
 * {@code --engine NAME} and found through {@link ServiceLoader}: the Spark module
 * (parboot-spark) provides {@code spark}. The command line stays the same: it parses the options,
 * hands the engine the files and settings, and formats the {@link BootstrapResult} it returns as a
 * local run's.
 */
public interface DistributedEngine {

  /** The name {@code --engine} gives. */
  String name();

  /**
   * Runs the bootstrap.
   *
   * @throws org.parboot.ParbootException bad input or settings (one line, exit 2), a cancelled run
   */
  BootstrapResult run(Request request, RunControl control) throws Exception;

  /** An independent bootstrap per value of the text column {@code groupBy}, as {@code --group-by} runs. */
  BatchResult runGrouped(Request request, String groupBy, RunControl control) throws Exception;

  /** statistic(first) − statistic(second) between the rows whose {@code column} is first and second, as {@code --compare}. */
  TwoSampleResult compare(Request request, String column, String first, String second, RunControl control)
      throws Exception;

  /**
   * What to run.
   *
   * @param files the FILE arguments as given (paths, directories or globs in any file system the
   *     engine reads)
   * @param name the data's name in results and in group seeds ({@link org.parboot.rng.Seeds#group}):
   *     a local run's name for the same FILE
   * @param csv the delimiter, missing-value policy and {@code --where} filters
   * @param statistics the statistics, in order
   * @param options the bootstrap's options
   * @param master where the engine runs ({@code --master}), null for its default
   * @param blb the Bag of Little Bootstraps' settings ({@code --method blb}), null for the engine's
   *     own method
   * @param note says something on standard error (unless {@code --quiet})
   */
  record Request(List<String> files, String name, CsvOptions csv, List<Statistic> statistics, BootstrapOptions options,
      String master, Blb blb, Consumer<String> note) {}

  /**
   * {@code --method blb}: the Bag of Little Bootstraps.
   *
   * @param subsets {@code --blb-subsets}
   * @param gamma {@code --blb-gamma}
   * @param resamples {@code --blb-resamples}
   */
  record Blb(int subsets, double gamma, int resamples) {}

  /** The engine named {@code name} on the class path. */
  static DistributedEngine named(String name) {
    for (DistributedEngine e : ServiceLoader.load(DistributedEngine.class)) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new InvalidInputException("--engine " + name + " is not on the class path: it comes with parboot-" + name
        + " and its libraries, which ./parboot run --engine " + name + " builds and adds on first use");
  }
}
