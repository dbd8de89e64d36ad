package org.parboot.cli;

import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
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

  /**
   * What to run.
   *
   * @param files the FILE arguments as given (paths, directories or globs in any file system the
   *     engine reads)
   * @param csv the delimiter, missing-value policy and {@code --where} filters
   * @param statistics the statistics, in order
   * @param options the bootstrap's options
   * @param master where the engine runs ({@code --master}), null for its default
   * @param note says something on standard error (unless {@code --quiet})
   */
  record Request(List<String> files, CsvOptions csv, List<Statistic> statistics, BootstrapOptions options,
      String master, Consumer<String> note) {}

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
