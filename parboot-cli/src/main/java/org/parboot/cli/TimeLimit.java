package org.parboot.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.parboot.CancelledException;
import org.parboot.exec.RunControl;
import picocli.CommandLine.Option;

/**
 * {@code --timeout DURATION}: a time limit on the whole command, counted from {@link #start()}.
 * When it passes, the work in progress is cancelled and the command ends with a timed-out
 * {@link CancelledException} (exit 124) before writing any output.
 */
final class TimeLimit {

  @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "Stop after DURATION (250ms, 30s, 5m, 1h or PT30S): exit 124, no output written. Default: none.")
  Duration timeout;

  private long startNanos;

  /** Starts the clock; call first in the command. */
  TimeLimit start() {
    startNanos = System.nanoTime();
    return this;
  }

  private Duration remaining() {
    return timeout.minusNanos(System.nanoTime() - startNanos);
  }

  private boolean passed() {
    return timeout != null && remaining().compareTo(Duration.ZERO) <= 0;
  }

  /** A control for one bootstrap run whose deadline is the command's (none without --timeout). */
  RunControl control() {
    if (timeout == null) {
      return RunControl.create();
    }
    final Duration left = remaining();
    return RunControl.withTimeout(left.isNegative() ? Duration.ZERO : left);
  }

  /** Throws the timed-out {@link CancelledException} if the limit has passed; call before writing outputs. */
  void check() {
    if (passed()) {
      throw timedOut();
    }
  }

  /**
   * Runs {@code work}; if the limit passes first, calls {@code cancel} (which must make the work
   * end promptly with {@link CancelledException}) and reports the end as timed out.
   */
  <T> T enforce(Runnable cancel, Callable<T> work) throws Exception {
    if (timeout == null) {
      return work.call();
    }
    final Thread timer = Thread.ofPlatform().daemon().name("parboot-timeout").start(() -> {
      try {
        final Duration left = remaining();
        if (left.compareTo(Duration.ZERO) > 0) {
          Thread.sleep(left);
        }
        cancel.run();
      } catch (InterruptedException e) {
        // the work finished first
      }
    });
    try {
      return work.call();
    } catch (CancelledException e) {
      throw passed() ? timedOut() : e;
    } finally {
      timer.interrupt();
      timer.join();
    }
  }

  private CancelledException timedOut() {
    return new CancelledException("the time limit (--timeout " + timeout + ") passed", true);
  }
}
