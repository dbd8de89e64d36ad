package org.parboot.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --timeout DURATION}: a time limit on the whole command (loading, resampling, intervals,
 * writing), counted from the command's start. When it passes, the command stops as on a signal
 * ({@link CommandScope#stop}): exit 124, one line, nothing written.
 */
final class TimeLimit {

  @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "Stop after DURATION (250ms, 30s, 5m, 1h or PT30S), whatever the command is doing: exit 124, "
          + "no output written. Default: none.")
  Duration timeout;

  /** Starts the limit on the current command; call first in the command. */
  void start() {
    CommandScope.current().timeLimit(timeout);
  }
}
