package org.parboot.cli;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) handling: a shutdown hook cancels every registered piece of work and waits (briefly) for
 * the command to finish cleaning up, so workers stop promptly and no output is left half-written
 * (outputs are renamed into place only on success). The JVM then exits with 130.
 */
final class Interrupts {
  private static final Set<Runnable> ACTIVE = ConcurrentHashMap.newKeySet();
  private static final CountDownLatch FINISHED = new CountDownLatch(1);
  private static volatile boolean installed;

  private Interrupts() {}

  /** Installs the shutdown hook (once). */
  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("parboot-sigint").unstarted(() -> {
      ACTIVE.forEach(Runnable::run);
      try {
        FINISHED.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
  }

  /** Registers work to cancel on Ctrl-C (a method reference such as {@code control::cancel}). */
  static void register(Runnable cancel) {
    ACTIVE.add(cancel);
  }

  static void unregister(Runnable cancel) {
    ACTIVE.remove(cancel);
  }

  /** Called when the command has finished (before System.exit), so the hook need not wait. */
  static void finished() {
    FINISHED.countDown();
  }
}
