package org.parboot.exec;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link RangeJob}s over {@code [0, total)} in chunks, on threads of one {@link ExecutorKind}.
 *
 * <pre>{@code
 * try (ExecutionStrategy.Session s = strategy.open(control)) {
 *   s.execute(replicates, b, chunk);    // one phase of a run
 *   s.execute(summaries, k, 1);         // the next, on the same threads
 * }                                     // every thread has ended here
 * }</pre>
 *
 * <p>Contract, for every kind: every index of a phase is given to exactly one chunk; a chunk's
 * failure is recorded in the {@link RunControl} (the first one wins) and stops the other chunks;
 * {@link Session#execute} returns only when no chunk of its job is running or will run (so the
 * job's slots are published to the caller), and throws the failure or
 * {@link org.parboot.CancelledException}; every thread the session started has ended when
 * {@link Session#close} returns or throws; and an interrupt of the calling thread cancels the run.
 * Threads are named {@code parboot-<kind>-<n>} and are daemons, so a stuck statistic can never
 * keep the JVM alive.
 */
public final class ExecutionStrategy {

  /* Design notes.
   * A session owns its threads for the length of one run (its phases share them: starting and
   * ending two threads costs about 0.2-0.3 ms here, a few per cent of a small run), and no thread
   * outlives the run, so concurrent runs share nothing. Scratch is taken from a lock-free pool of
   * the phase around each chunk, so at most one scratch exists per concurrently running chunk.
   * A phase that was stopped lets its remaining chunks run as no-ops (Chunks.run looks at the
   * control first) rather than pulling them out of queues: then "every chunk has returned" is
   * the one condition a phase waits for, whatever the kind.
   */

  private final ExecutorKind kind;
  private final int threads;

  /** A strategy of the given kind with the given number of threads (ignored by SERIAL). */
  public ExecutionStrategy(ExecutorKind kind, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.kind = kind;
    this.threads = kind == ExecutorKind.SERIAL ? 1 : threads;
  }

  public ExecutorKind kind() {
    return kind;
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs one job over {@code [0, total)} in chunks of {@code chunk} indices, on threads started
   * for it and ended before it returns: a session of one phase.
   *
   * @throws org.parboot.CancelledException if cancelled, timed out or interrupted
   * @throws RuntimeException the first failure of a chunk
   */
  public <S> void execute(RangeJob<S> job, int total, int chunk, RunControl control) {
    try (Session s = open(control)) {
      s.execute(job, total, chunk);
    }
  }

  /** Starts this strategy's threads for a run of one or more phases under {@code control}. */
  public Session open(RunControl control) {
    return switch (kind) {
      case SERIAL -> new Session(control, null);
      case QUEUE -> new QueueSession(control, threads);
      case POOL -> {
        final OwnedThreads owned = OwnedThreads.platform("parboot-pool-");
        final ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads, owned);
        pool.prestartAllCoreThreads();
        yield new ServiceSession(control, owned, pool);
      }
      case FORKJOIN -> {
        final AtomicInteger ids = new AtomicInteger();
        final OwnedThreads owned = OwnedThreads.platform("parboot-forkjoin-");
        final ForkJoinPool pool = new ForkJoinPool(threads, p -> {
          final var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
          t.setName("parboot-forkjoin-" + ids.getAndIncrement());
          t.setDaemon(true);
          return owned.track(t);
          // At most `threads` workers: a worker waiting in a join is not compensated with a spare
          // thread (the default allows 256 more), so a run keeps to the threads it was given.
        }, null, false, 0, threads, 1, p -> true, 60, java.util.concurrent.TimeUnit.SECONDS);
        // A fork/join pool starts a worker when a task finds none idle; one empty task per worker
        // starts them all now, as the other kinds do, instead of one by one as the first phase
        // forks (each start costs about 0.1 ms here, while the first worker already works alone).
        for (int t = 0; t < threads; t++) {
          pool.execute(() -> { });
        }
        yield new ForkJoinSession(control, owned, pool);
      }
      case VIRTUAL -> {
        final OwnedThreads owned = OwnedThreads.virtual("parboot-virtual-");
        yield new VirtualSession(control, owned, Executors.newThreadPerTaskExecutor(owned), threads);
      }
    };
  }

  /**
   * One run's threads (none for SERIAL: its phases run on the caller's thread). Not thread-safe:
   * the thread that opened it executes its phases and closes it.
   */
  public static sealed class Session implements AutoCloseable permits QueueSession, ServiceSession, VirtualSession {
    final RunControl control;
    final OwnedThreads owned;
    private boolean closed;

    Session(RunControl control, OwnedThreads owned) {
      this.control = control;
      this.owned = owned;
    }

    /**
     * Runs one phase: {@code job} over {@code [0, total)} in chunks of {@code chunk} indices.
     * Returns when every chunk has returned.
     *
     * @throws org.parboot.CancelledException if cancelled, timed out or interrupted
     * @throws RuntimeException the first failure of a chunk
     */
    public final <S> void execute(RangeJob<S> job, int total, int chunk) {
      if (chunk < 1) {
        throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
      }
      if (closed) {
        throw new IllegalStateException("the session is closed");
      }
      control.startPhase(total);
      final int chunks = (int) ((total + (long) chunk - 1) / chunk);
      try {
        run(new Chunks(job, total, chunk, control), chunks);
      } catch (InterruptedException e) {
        control.cancel();
        Thread.currentThread().interrupt();
      }
      control.throwIfStopped();
    }

    /** Runs the chunks; returns (or throws) only when none is running or will run. */
    void run(Chunks work, int chunks) throws InterruptedException {
      for (int c = 0; c < chunks && !control.shouldStop(); c++) {
        // The work runs on the caller's thread, which no join would wake: look for an interrupt here.
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        work.run(c);
      }
    }

    /**
     * Ends and joins every thread of the session. Waits through interrupts (no thread may outlive
     * the run); after one it cancels the run and throws {@link org.parboot.CancelledException},
     * with the interrupt flag set again.
     */
    @Override
    public final void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        shutdown();
      } catch (InterruptedException e) {
        control.cancel();
        Thread.currentThread().interrupt();
        control.throwIfStopped();
      }
    }

    /** Ends the threads and waits for them; throws InterruptedException (after waiting) if interrupted. */
    void shutdown() throws InterruptedException {}

    /** Chunk c of {@code work} as a task that counts {@code done} down when it has returned. */
    static Runnable item(Chunks work, int c, CountDownLatch done) {
      return () -> {
        try {
          work.run(c);
        } finally {
          done.countDown();
        }
      };
    }

    /** Waits for {@code done} through interrupts; after one, cancels the run and rethrows it. */
    final void await(CountDownLatch done) throws InterruptedException {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          control.cancel(); // the remaining chunks return at once
          interrupted = true;
        }
      }
      if (interrupted) {
        throw new InterruptedException();
      }
    }

    /** Waits for {@code f} through interrupts (recording its failure); after one, cancels and rethrows it. */
    final void await(Future<?> f) throws InterruptedException {
      boolean interrupted = false;
      while (true) {
        try {
          f.get();
          break;
        } catch (ExecutionException e) {
          control.fail(e.getCause());
          break;
        } catch (InterruptedException e) {
          control.cancel();
          interrupted = true;
        }
      }
      if (interrupted) {
        throw new InterruptedException();
      }
    }

    /** Shuts an executor down, waits for its tasks, then for its threads to end. */
    final void shutdown(ExecutorService pool) throws InterruptedException {
      pool.shutdown();
      boolean interrupted = false;
      while (true) {
        try {
          if (pool.awaitTermination(1, TimeUnit.DAYS)) {
            break;
          }
        } catch (InterruptedException e) {
          control.cancel();
          pool.shutdownNow();
          interrupted = true;
        }
      }
      interrupted |= owned.joinAll(control::cancel);
      if (interrupted) {
        throw new InterruptedException();
      }
    }
  }

  /**
   * The tutorial's design: a queue of work items and N platform workers that take them until a
   * poison pill (at close). A phase puts its chunks on the queue and waits for all of them.
   */
  private static final class QueueSession extends Session {
    private static final Runnable POISON = () -> {};
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final int threads;

    QueueSession(RunControl control, int threads) {
      super(control, OwnedThreads.platform("parboot-queue-"));
      this.threads = threads;
      for (int t = 0; t < threads; t++) {
        owned.newThread(() -> {
          // Only the poison pill ends a worker: a phase waits for every item it queued.
          while (true) {
            final Runnable item;
            try {
              item = queue.take();
            } catch (InterruptedException e) {
              continue;
            }
            if (item == POISON) {
              return;
            }
            item.run();
          }
        }).start();
      }
    }

    @Override
    void run(Chunks work, int chunks) throws InterruptedException {
      final CountDownLatch done = new CountDownLatch(chunks);
      // The queue is unbounded, so add never blocks: the only wait is for the items.
      for (int c = 0; c < chunks; c++) {
        queue.add(item(work, c, done));
      }
      await(done);
    }

    @Override
    void shutdown() throws InterruptedException {
      for (int t = 0; t < threads; t++) {
        queue.add(POISON);
      }
      if (owned.joinAll(control::cancel)) {
        throw new InterruptedException();
      }
    }
  }

  /** An executor service: a fixed pool (one task per chunk), or a fork/join pool. */
  private static sealed class ServiceSession extends Session permits ForkJoinSession {
    final ExecutorService pool;

    ServiceSession(RunControl control, OwnedThreads owned, ExecutorService pool) {
      super(control, owned);
      this.pool = pool;
    }

    @Override
    void run(Chunks work, int chunks) throws InterruptedException {
      final CountDownLatch done = new CountDownLatch(chunks);
      for (int c = 0; c < chunks; c++) {
        pool.execute(item(work, c, done));
      }
      await(done);
    }

    @Override
    void shutdown() throws InterruptedException {
      shutdown(pool);
    }
  }

  /** A fork/join pool splitting a phase's chunk range in halves, work stealing. */
  private static final class ForkJoinSession extends ServiceSession {
    private final ForkJoinPool forkJoin;

    ForkJoinSession(RunControl control, OwnedThreads owned, ForkJoinPool pool) {
      super(control, owned, pool);
      this.forkJoin = pool;
    }

    @Override
    void run(Chunks work, int chunks) throws InterruptedException {
      await(forkJoin.submit(new Split(work, 0, chunks)));
    }
  }

  /** Halves a chunk range until one chunk is left (the chunk is the sequential grain). */
  private static final class Split extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final transient Chunks work;
    private final int from;
    private final int to;

    Split(Chunks work, int from, int to) {
      this.work = work;
      this.from = from;
      this.to = to;
    }

    @Override
    protected void compute() {
      if (work.control.shouldStop()) {
        return;
      }
      if (to - from <= 1) {
        if (from < to) {
          work.run(from);
        }
        return;
      }
      final int mid = (from + to) >>> 1;
      invokeAll(new Split(work, from, mid), new Split(work, mid, to));
    }
  }

  /**
   * One virtual thread per chunk. A chunk's thread waits for one of {@code threads} permits before
   * it runs, so at most that many run at once; the caller keeps a few chunks spawned ahead
   * ({@link #VIRTUAL_LOOKAHEAD} per permit). (Until November 2026 the caller took the permit before
   * spawning, so every chunk had to wait for the caller, a platform thread, to be woken, and with
   * every core busy that wake-up waited for the OS: virtual threads lagged the other executors by
   * 5-15 %, docs/benchmarks.md.)
   */
  private static final class VirtualSession extends Session {
    private final ExecutorService exec;
    private final int threads;

    VirtualSession(RunControl control, OwnedThreads owned, ExecutorService exec, int threads) {
      super(control, owned);
      this.exec = exec;
      this.threads = threads;
    }

    @Override
    void run(Chunks work, int chunks) throws InterruptedException {
      final Semaphore running = new Semaphore(threads);
      final Semaphore ahead = new Semaphore(VIRTUAL_LOOKAHEAD * threads);
      final CountDownLatch done = new CountDownLatch(chunks);
      int spawned = 0;
      boolean interrupted = false;
      for (; spawned < chunks && !control.shouldStop(); spawned++) {
        try {
          ahead.acquire();
        } catch (InterruptedException e) {
          control.cancel();
          interrupted = true;
          break;
        }
        final Runnable item = item(work, spawned, done);
        exec.execute(() -> {
          running.acquireUninterruptibly();
          try {
            item.run();
          } finally {
            running.release();
            ahead.release();
          }
        });
      }
      for (; spawned < chunks; spawned++) {
        done.countDown(); // never spawned: the run was stopped
      }
      await(done);
      if (interrupted) {
        throw new InterruptedException();
      }
    }

    @Override
    void shutdown() throws InterruptedException {
      shutdown(exec);
    }
  }

  /** Chunks spawned ahead per permit by the virtual strategy. */
  static final int VIRTUAL_LOOKAHEAD = 4;
}
