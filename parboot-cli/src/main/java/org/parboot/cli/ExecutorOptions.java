package org.parboot.cli;

import org.parboot.BootstrapOptions;
import org.parboot.exec.ExecutorKind;
import picocli.CommandLine.Option;

/** Where one run's resamples run: {@code --executor} and {@code --threads}. */
final class ExecutorOptions {

  @Option(names = {"-e", "--executor"}, paramLabel = "KIND", defaultValue = "forkjoin",
      description = "Where resamples run: serial, queue, pool, forkjoin, virtual. Default: ${DEFAULT-VALUE}")
  String executor;

  @Option(names = {"-t", "--threads"}, paramLabel = "N",
      description = "Worker threads. Default: the available processors.")
  Integer threads;

  /** Sets executor and threads on the builder. */
  BootstrapOptions.Builder apply(BootstrapOptions.Builder b) {
    b.executor(ExecutorKind.parse(executor));
    if (threads != null) {
      b.threads(threads);
    }
    return b;
  }
}
