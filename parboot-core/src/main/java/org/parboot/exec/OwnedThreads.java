package org.parboot.exec;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;

/**
 * A thread factory that remembers the threads it makes, so that a run can join them. An executor's
 * termination only says its tasks are done; its worker threads may still be on their way out.
 * Joining them is what makes "no thread outlives the run" exact.
 */
public final class OwnedThreads implements ThreadFactory {
  private final ThreadFactory delegate;
  private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

  private OwnedThreads(ThreadFactory delegate) {
    this.delegate = delegate;
  }

  /** Daemon platform threads named {@code prefix0, prefix1, ...}. */
  public static OwnedThreads platform(String prefix) {
    return new OwnedThreads(Thread.ofPlatform().daemon().name(prefix, 0).factory());
  }

  /** Virtual threads named {@code prefix0, prefix1, ...}. */
  public static OwnedThreads virtual(String prefix) {
    return new OwnedThreads(Thread.ofVirtual().name(prefix, 0).factory());
  }

  @Override
  public Thread newThread(Runnable task) {
    return track(delegate.newThread(task));
  }

  /** Remembers a thread made elsewhere (a fork/join worker, say). */
  public <T extends Thread> T track(T thread) {
    if (thread != null) {
      threads.add(thread);
    }
    return thread;
  }

  /**
   * Waits until every thread made has ended. Interrupts do not cut the wait short (a thread left
   * running is what this prevents); each runs {@code onInterrupt} (cancel the work, say, so the
   * wait is short) and is reported.
   *
   * @return true if the calling thread was interrupted while waiting
   */
  public boolean joinAll(Runnable onInterrupt) {
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          onInterrupt.run();
          interrupted = true;
        }
      }
    }
    return interrupted;
  }
}
