package org.parboot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.parboot.exec.RunControl;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command tells the user on standard error: notes, warnings, and a progress bar for work
 * that runs longer than about a second, drawn only when standard error is a terminal (the
 * launcher says so with {@code -Dparboot.tty=true}) and not {@code --quiet}.
 */
final class Console {
  private static final long PROGRESS_DELAY_MS = 1000;
  private final CommandSpec spec;
  private final PrintWriter err;
  private final boolean quiet;

  Console(CommandSpec spec, boolean quiet) {
    this.spec = spec;
    this.err = spec.commandLine().getErr();
    this.quiet = quiet;
  }

  void note(String message) {
    if (!quiet) {
      err.println("parboot: " + org.parboot.Messages.escape(message));
      err.flush();
    }
  }

  /** Says which seed was drawn, when the user gave none, so the run can be repeated. */
  void noteSeed(org.parboot.BootstrapOptions options) {
    if (!options.seedGiven()) {
      note("seed " + options.seed() + " (drawn at random; --seed " + options.seed() + " repeats this run)");
    }
  }

  /** Standard output. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  void warn(String message) {
    if (!quiet) {
      err.println("parboot: warning: " + org.parboot.Messages.escape(message));
      err.flush();
    }
  }

  static boolean stderrIsTerminal() {
    return Boolean.getBoolean("parboot.tty");
  }

  /** How far some work has come: {@code done} of {@code total} units (total may change by phase). */
  interface ProgressSource {
    long done();

    long total();

    static ProgressSource of(RunControl control) {
      return of(control::completed, control::total);
    }

    static ProgressSource of(java.util.function.LongSupplier done, java.util.function.LongSupplier total) {
      return new ProgressSource() {
        @Override
        public long done() {
          return done.getAsLong();
        }

        @Override
        public long total() {
          return total.getAsLong();
        }
      };
    }
  }

  /** {@link #withProgress(ProgressSource, String, Runnable, Callable)} for one bootstrap run. */
  <T> T withProgress(RunControl control, Callable<T> work) throws Exception {
    return withProgress(ProgressSource.of(control), "resamples", control::cancel, work);
  }

  /**
   * Runs {@code work} on this thread while a daemon thread draws its progress; a stop of the
   * command (a signal, the time limit) runs {@code cancel}, which must make {@code work} stop
   * promptly.
   */
  <T> T withProgress(ProgressSource source, String unit, Runnable cancel, Callable<T> work)
      throws Exception {
    Thread drawer = null;
    if (!quiet && stderrIsTerminal()) {
      drawer = Thread.ofPlatform().daemon().name("parboot-progress").start(() -> draw(source, unit));
    }
    try {
      return CommandScope.current().cancellable(cancel, work);
    } finally {
      if (drawer != null) {
        drawer.interrupt();
        drawer.join();
      }
    }
  }

  /** Draws "unit  42% [====    ] 4200/10000 (0:00:01 / 0:00:02) 3500.0/s" until interrupted. */
  private void draw(ProgressSource control, String unit) {
    try {
      Thread.sleep(PROGRESS_DELAY_MS);
    } catch (InterruptedException e) {
      return; // finished quickly: nothing to draw
    }
    try (ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(unit)
        .setInitialMax(Math.max(1, control.total()))
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(100)
        .showSpeed()
        .setUnit("", 1)
        .continuousUpdate()
        .setConsumer(new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(System.err))
        .build()) {
      while (!Thread.currentThread().isInterrupted()) {
        bar.maxHint(Math.max(1, control.total()));
        bar.stepTo(control.done());
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          break;
        }
      }
      bar.stepTo(control.done());
    }
  }

}
