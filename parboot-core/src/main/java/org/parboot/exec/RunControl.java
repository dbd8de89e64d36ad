package org.parboot.exec;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.parboot.CancelledException;

/**
 * The handle on one run, shared between the caller and the workers: cancel it from any thread,
 * give it a deadline, read its progress. One control serves one run.
 *
 * <pre>{@code
 * RunControl control = RunControl.withTimeout(Duration.ofMinutes(5));
 * executor.submit(() -> Bootstrap.run(data, stats, options, control));
 * ...
 * control.cancel();   // the run throws CancelledException within about a resample
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread. Workers poll {@link #shouldStop()}
 * between resamples; that is a volatile read (plus a clock read when a deadline is set).
 */
public final class RunControl {
  private volatile boolean stopped;
  private volatile boolean timedOut;
  private final long deadline; // System.nanoTime() value, or 0 for none
  private final LongAdder completed = new LongAdder();
  private volatile long total;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private RunControl(long deadline) {
    this.deadline = deadline;
  }

  /** A control with no deadline. */
  public static RunControl create() {
    return new RunControl(0);
  }

  /** A control whose run is cancelled (as timed out) once {@code timeout} has passed from now. */
  public static RunControl withTimeout(Duration timeout) {
    long d = System.nanoTime() + timeout.toNanos();
    return new RunControl(d == 0 ? 1 : d);
  }

  /** Asks the run to stop; it ends with {@link CancelledException}. Idempotent. */
  public void cancel() {
    stopped = true;
  }

  /** True once cancelled, timed out or failed. */
  public boolean shouldStop() {
    if (stopped) {
      return true;
    }
    if (deadline != 0 && System.nanoTime() - deadline >= 0) {
      timedOut = true;
      stopped = true;
      return true;
    }
    return false;
  }

  /** True once {@link #cancel()} was called or the deadline passed. */
  public boolean isCancelled() {
    return stopped && failure.get() == null;
  }

  /** Units of work (resamples, then jackknife rows) finished so far; for progress display. */
  public long completed() {
    return completed.sum();
  }

  /** Units of work the current phase has in all (0 before it starts). */
  public long total() {
    return total;
  }

  /**
   * Starts a phase of {@code units} units of work, for progress display (the executors call it;
   * so may an engine outside the core, such as the Spark module).
   */
  public void startPhase(long units) {
    completed.reset();
    total = units;
  }

  /** Records {@code units} more units of the current phase as finished. */
  public void addCompleted(long units) {
    completed.add(units);
  }

  /**
   * Records a worker's failure (the first one wins) and stops the others. A failure after the run
   * was cancelled is a consequence of the cancel (an interrupted statistic, say) and is not
   * recorded: the run ends as cancelled.
   */
  void fail(Throwable t) {
    if (stopped && failure.get() == null) {
      return;
    }
    failure.compareAndSet(null, t);
    stopped = true;
  }

  /** Throws the first failure, or {@link CancelledException} if the run was stopped. */
  public void throwIfStopped() {
    final Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
    if (stopped) {
      throw timedOut
          ? new CancelledException("the run's time limit passed", true)
          : new CancelledException("the run was cancelled", false);
    }
  }
}
