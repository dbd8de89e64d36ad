package org.parboot.report;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.parboot.BootstrapOptions;
import org.parboot.InvalidInputException;
import org.parboot.exec.ExecutorKind;

/**
 * One configuration a {@link Timing} measures: an executor and its thread count.
 * {@link ExecutorKind#SERIAL} always has one thread.
 *
 * @param executor where the resamples run
 * @param threads worker threads, 1 to {@link BootstrapOptions#MAX_THREADS}
 */
public record TimingConfig(ExecutorKind executor, int threads) {

  /** The tutorial's queue of workers had 8 threads. */
  public static final int TUTORIAL_QUEUE_THREADS = 8;

  public TimingConfig {
    Objects.requireNonNull(executor, "executor");
    if (executor == ExecutorKind.SERIAL) {
      threads = 1;
    }
    if (threads < 1 || threads > BootstrapOptions.MAX_THREADS) {
      throw new InvalidInputException("--threads " + threads + " is out of range; accepted: 1 to "
          + BootstrapOptions.MAX_THREADS);
    }
  }

  /** The serial configuration. */
  public static TimingConfig serial() {
    return new TimingConfig(ExecutorKind.SERIAL, 1);
  }

  /**
   * The configurations of {@code parboot demo}: serial, the tutorial's {@code queue} with 8
   * workers, and {@code pool}, {@code forkjoin} and {@code virtual} with {@code cores} threads.
   */
  public static List<TimingConfig> tutorial(int cores) {
    return List.of(serial(), new TimingConfig(ExecutorKind.QUEUE, TUTORIAL_QUEUE_THREADS),
        new TimingConfig(ExecutorKind.POOL, cores), new TimingConfig(ExecutorKind.FORKJOIN, cores),
        new TimingConfig(ExecutorKind.VIRTUAL, cores));
  }

  /**
   * Every executor with every thread count, executor-major, in the order given ({@code parboot
   * bench --executors LIST --threads LIST}); serial appears once, with one thread.
   */
  public static List<TimingConfig> grid(Collection<ExecutorKind> executors, Collection<Integer> threads) {
    if (executors.isEmpty() || threads.isEmpty()) {
      throw new InvalidInputException("--executors and --threads need at least one value each; got "
          + executors + " and " + threads);
    }
    final Set<TimingConfig> out = new LinkedHashSet<>();
    for (ExecutorKind k : executors) {
      for (int t : threads) {
        out.add(new TimingConfig(k, t));
      }
    }
    return List.copyOf(out);
  }

  /** A short label for tables and charts: {@code serial}, {@code queue x8}. */
  public String label() {
    return executor == ExecutorKind.SERIAL ? executor.spelling() : executor.spelling() + " x" + threads;
  }

  /** {@code base} with this executor and thread count, keeping its seed (even a drawn one). */
  BootstrapOptions applyTo(BootstrapOptions base) {
    // toBuilder keeps the seed, drawn or given, so every configuration resamples the same streams.
    return base.toBuilder().executor(executor).threads(threads).build();
  }
}
