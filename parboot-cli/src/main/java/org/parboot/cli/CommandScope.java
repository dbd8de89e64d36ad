package org.parboot.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.parboot.CancelledException;
import org.parboot.exec.RunControl;
import org.parboot.io.StagedOutputs;

/**
 * The life of one command, from parsing to exit: what may stop it early (a signal, the time
 * limit), the work to cancel when that happens, and the outputs it has staged but not yet
 * committed. One scope per {@link Main#execute} call; the command's thread is its owner.
 *
 * <p>A stop ({@link #stop}, from the signal handler or the time limit's timer) is acted on in
 * every phase: it cancels the registered work (a bootstrap's {@link RunControl}, a timing plan),
 * interrupts the owner (which ends file reads and writes: their channels are interruptible) and
 * makes {@link #check()} throw. A stop that comes before {@link #commit} means no output changes:
 * the command's staged outputs are aborted. In a real process a watchdog then gives the command
 * {@link #GRACE} to end on its own; past that it removes the staged files itself, prints the one
 * line and halts the JVM with the stop's exit code, so a stuck phase (a sort of ten million
 * replicates, a statistic that never returns) cannot hold the exit back.
 */
final class CommandScope implements AutoCloseable {
  /** How long a stopped command may take to end on its own before the watchdog halts the JVM. */
  static final Duration GRACE = Duration.ofMillis(1000);

  private static final ThreadLocal<CommandScope> CURRENT = new ThreadLocal<>();
  /** The scope of the command the process runs, for the signal handler (null in-process). */
  private static volatile CommandScope process;

  /** Why a command stopped early: its one line and its exit code. */
  record Stop(String message, int exitCode, boolean timedOut) {
    static final Stop TIME_LIMIT = new Stop("stopped: the time limit passed", Main.EXIT_TIMEOUT, true);

    /** The stop for a signal: SIGINT 130 "interrupted", SIGTERM 143, SIGHUP 129 (128 + its number). */
    static Stop signal(String name, int number) {
      final String message = switch (name) {
        case "INT" -> "interrupted";
        case "TERM" -> "terminated (SIGTERM)";
        case "HUP" -> "hung up (SIGHUP)";
        default -> "stopped by SIG" + name;
      };
      return new Stop(message, 128 + number, false);
    }

    CancelledException exception() {
      return new CancelledException(message, timedOut);
    }
  }

  private final Thread owner = Thread.currentThread();
  private final Stdin stdin;
  private final PrintWriter err;
  private final boolean mayHalt;
  private final long startNanos = System.nanoTime();
  private final AtomicReference<Stop> stop = new AtomicReference<>();
  private final Set<Runnable> cancels = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean reported = new AtomicBoolean();
  private final Object commitLock = new Object();
  private volatile StagedOutputs outputs;
  private volatile boolean finished;
  private Thread timer;
  private Duration timeout;

  private CommandScope(PrintWriter err, boolean mayHalt, Stdin stdin) {
    this.stdin = stdin;
    this.err = err;
    this.mayHalt = mayHalt;
  }

  /**
   * Opens the scope of a command run on this thread. {@code process}: the command is the
   * process's (signals reach it, and the watchdog may halt the JVM); false in-process.
   */
  static CommandScope open(PrintWriter err, boolean process, Stdin stdin) {
    final CommandScope scope = new CommandScope(err, process, stdin);
    CURRENT.set(scope);
    if (process) {
      CommandScope.process = scope;
    }
    return scope;
  }

  /** The scope of the command running on this thread. */
  static CommandScope current() {
    final CommandScope s = CURRENT.get();
    if (s == null) {
      throw new IllegalStateException("no command is running on this thread");
    }
    return s;
  }

  /** The command's standard input. */
  Stdin stdin() {
    return stdin;
  }

  /** The process's command, for the signal handler; empty before it starts and in-process. */
  static Optional<CommandScope> ofProcess() {
    return Optional.ofNullable(process);
  }

  /** Sets the time limit, counted from the scope's start; starts its timer. Null: none. */
  void timeLimit(Duration limit) {
    if (limit == null || timer != null) {
      return;
    }
    timeout = limit;
    final long deadline = startNanos + limit.toNanos();
    timer = Thread.ofPlatform().daemon().name("parboot-timeout").start(() -> {
      try {
        final long left = deadline - System.nanoTime();
        if (left > 0) {
          Thread.sleep(Duration.ofNanos(left));
        }
        stop(Stop.TIME_LIMIT);
      } catch (InterruptedException e) {
        // the command ended first
      }
    });
  }

  /** The time limit, if one was set. */
  Optional<Duration> timeLimit() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Stops the command (the first stop wins): cancels its registered work, interrupts its thread,
   * and, in a real process, starts the watchdog. Waits for a commit in progress to finish its
   * renames (microseconds), so the outputs are either all old or all new.
   */
  void stop(Stop why) {
    synchronized (commitLock) {
      if (finished || !stop.compareAndSet(null, why)) {
        return;
      }
    }
    cancels.forEach(Runnable::run);
    if (!uninterrupted) {
      owner.interrupt();
    }
    if (mayHalt) {
      Thread.ofPlatform().daemon().name("parboot-watchdog").start(this::watch);
    }
  }

  /** The stop, if the command was stopped. */
  Optional<Stop> stopped() {
    return Optional.ofNullable(stop.get());
  }

  /** Throws the stop's {@link CancelledException} if the command was stopped. */
  void check() {
    final Stop s = stop.get();
    if (s != null) {
      throw s.exception();
    }
  }

  /** A control for one bootstrap run, cancelled when the command stops. */
  RunControl control() {
    final RunControl control = RunControl.create();
    cancels.add(control::cancel);
    if (stop.get() != null) {
      control.cancel();
    }
    return control;
  }

  // While true, a stop cancels the command's work but leaves its thread's interrupt alone.
  private volatile boolean uninterrupted;

  /**
   * Runs {@code work}, during which a stop cancels the registered work (and the watchdog still
   * halts a command that cannot stop in time) but does not interrupt this thread: for work that
   * stops by its own cancellation and takes an interrupt for a failure of whatever it was doing
   * (a Spark driver storing a broadcast logs the interrupted store as an error of its own).
   */
  <T> T withoutInterrupt(Callable<T> work) throws Exception {
    uninterrupted = true;
    try {
      return work.call();
    } finally {
      uninterrupted = false;
    }
  }

  /** Runs {@code work} with {@code cancel} registered: a stop calls it, which must end the work promptly. */
  <T> T cancellable(Runnable cancel, Callable<T> work) throws Exception {
    cancels.add(cancel);
    try {
      if (stop.get() != null) {
        cancel.run();
      }
      return work.call();
    } finally {
      cancels.remove(cancel);
    }
  }

  /** The outputs this command stages: the watchdog aborts them if the command cannot end in time. */
  StagedOutputs outputs(StagedOutputs staged) {
    this.outputs = staged;
    return staged;
  }

  /**
   * Commits the outputs, unless the command was stopped: a stop that came first leaves every
   * output as it was (and this throws it); one that comes during the renames waits for them.
   * Targets written in place (a FIFO, a device) are written after the renames, outside the lock:
   * a stop interrupts them.
   */
  void commit(StagedOutputs staged) {
    synchronized (commitLock) {
      check();
      staged.commitFiles();
    }
    staged.commitInPlace();
  }

  /** True for the first caller: the one that prints the command's last line. */
  boolean claimReport() {
    return reported.compareAndSet(false, true);
  }

  /** Ends the scope: stops the timer, aborts what was not committed, clears this thread's interrupt if a stop set it. */
  @Override
  public void close() {
    synchronized (commitLock) {
      finished = true;
    }
    if (timer != null) {
      timer.interrupt();
    }
    final StagedOutputs o = outputs;
    if (o != null) {
      o.abort();
    }
    if (stop.get() != null && Thread.currentThread() == owner) {
      Thread.interrupted();
    }
    CURRENT.remove();
    if (process == this) {
      process = null;
    }
  }

  private void watch() {
    try {
      Thread.sleep(GRACE);
    } catch (InterruptedException e) {
      return;
    }
    if (finished) {
      return;
    }
    final StagedOutputs o = outputs;
    if (o != null) {
      o.abort();
    }
    final Stop s = stop.get();
    if (claimReport()) {
      err.println("parboot: " + s.message());
      err.flush();
    }
    Runtime.getRuntime().halt(s.exitCode());
  }
}
