package org.parboot.cli;

import java.io.PrintWriter;
import java.time.Duration;
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
  private final PrintWriter err;
  private final boolean quiet;

  Console(CommandSpec spec, boolean quiet) {
    this.err = spec.commandLine().getErr();
    this.quiet = quiet;
  }

  void note(String message) {
    if (!quiet) {
      err.println("parboot: " + message);
      err.flush();
    }
  }

  void warn(String message) {
    if (!quiet) {
      err.println("parboot: warning: " + message);
      err.flush();
    }
  }

  static boolean stderrIsTerminal() {
    return Boolean.getBoolean("parboot.tty");
  }

  /**
   * Runs {@code work} on this thread while a daemon thread draws the progress of {@code control};
   * the control is also registered for Ctrl-C, which cancels it.
   */
  <T> T withProgress(RunControl control, String label, Callable<T> work) throws Exception {
    Interrupts.register(control);
    Thread drawer = null;
    if (!quiet && stderrIsTerminal()) {
      drawer = Thread.ofPlatform().daemon().name("parboot-progress").start(() -> draw(control, label));
    }
    try {
      return work.call();
    } finally {
      Interrupts.unregister(control);
      if (drawer != null) {
        drawer.interrupt();
        drawer.join();
      }
    }
  }

  private void draw(RunControl control, String label) {
    try {
      Thread.sleep(PROGRESS_DELAY_MS);
    } catch (InterruptedException e) {
      return; // finished quickly: nothing to draw
    }
    try (ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(label)
        .setInitialMax(Math.max(1, control.total()))
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(100)
        .showSpeed()
        .setUnit(" resamples", 1)
        .continuousUpdate()
        .setConsumer(new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(System.err))
        .build()) {
      while (!Thread.currentThread().isInterrupted()) {
        bar.maxHint(Math.max(1, control.total()));
        bar.stepTo(control.completed());
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          break;
        }
      }
      bar.stepTo(control.completed());
    }
  }

  static String seconds(Duration d) {
    return String.format("%.2f s", d.toNanos() / 1e9);
  }
}
