package org.parboot.exec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.parboot.InvalidInputException;

/**
 * Where the resamples run. Every kind gives bit-identical results for one seed: they differ only
 * in how chunks of resample indices reach threads.
 */
public enum ExecutorKind {
  /** One thread, the caller's: the tutorial's serial loop. */
  SERIAL,
  /**
   * The tutorial's design: a {@link java.util.concurrent.BlockingQueue} of work items (chunks of
   * resample indices) and N platform worker threads that take items until a poison pill.
   */
  QUEUE,
  /** A fixed {@link java.util.concurrent.ExecutorService} of N threads, one task per chunk. */
  POOL,
  /** A {@link java.util.concurrent.ForkJoinPool} of N workers splitting the index range in halves, work stealing. */
  FORKJOIN,
  /** One virtual thread per chunk, at most N running at once (each takes a permit itself). */
  VIRTUAL;

  /** The default: work-stealing fork/join (fastest or tied for fastest in docs/benchmarks.md). */
  public static final ExecutorKind DEFAULT = FORKJOIN;

  /** The name on the command line. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a command-line name. */
  public static ExecutorKind parse(String s) {
    for (ExecutorKind k : values()) {
      if (k.spelling().equalsIgnoreCase(s.strip())) {
        return k;
      }
    }
    throw new org.parboot.InvalidSettingException("executor", org.parboot.Messages.quote(s), "is unknown", accepted());
  }

  /** The accepted names, comma-separated. */
  public static String accepted() {
    return Arrays.stream(values()).map(ExecutorKind::spelling).collect(Collectors.joining(", "));
  }
}
