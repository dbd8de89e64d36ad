package org.parboot.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * Runs a {@link RangeJob} over {@code [0, total)} in chunks, on threads of one {@link ExecutorKind}.
 *
 * <p>Contract, for every kind: every index is given to exactly one chunk; a chunk's failure is
 * recorded in the {@link RunControl} (the first one wins) and stops the other chunks; every
 * thread the strategy started has ended when {@link #execute} returns or throws; and an interrupt
 * of the calling thread cancels the run. Threads are named {@code parboot-<kind>-<n>} and are
 * daemons, so a stuck statistic can never keep the JVM alive.
 */
public final class ExecutionStrategy {

  /* Design notes.
   * Each strategy owns its threads for the length of one run: pools are created and shut down
   * inside execute, so no thread outlives a run and concurrent runs share nothing. Scratch is
   * created per worker (serial, queue) or taken from a lock-free pool around each chunk (pool,
   * forkjoin, virtual), so at most one scratch exists per concurrently running chunk.
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
   * Runs the job over {@code [0, total)} in chunks of {@code chunk} indices.
   *
   * @throws org.parboot.CancelledException if cancelled, timed out or interrupted
   * @throws RuntimeException the first failure of a chunk
   */
  public <S> void execute(RangeJob<S> job, int total, int chunk, RunControl control) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
    }
    control.startPhase(total);
    final int chunks = (int) ((total + (long) chunk - 1) / chunk);
    final Chunks work = new Chunks(job, total, chunk, control);
    try {
      switch (kind) {
        case SERIAL -> runSerial(work, chunks);
        case QUEUE -> runQueue(work, chunks);
        case POOL -> runPool(work, chunks);
        case FORKJOIN -> runForkJoin(work, chunks);
        case VIRTUAL -> runVirtual(work, chunks);
      }
    } catch (InterruptedException e) {
      control.cancel();
      Thread.currentThread().interrupt();
    }
    control.throwIfStopped();
  }

  /** A job cut into numbered chunks, with failure capture. */
  private static final class Chunks {
    final RangeJob<Object> job;
    final int total;
    final int chunk;
    final RunControl control;
    final ConcurrentLinkedQueue<Object> scratchPool = new ConcurrentLinkedQueue<>();

    @SuppressWarnings("unchecked")
    Chunks(RangeJob<?> job, int total, int chunk, RunControl control) {
      this.job = (RangeJob<Object>) job;
      this.total = total;
      this.chunk = chunk;
      this.control = control;
    }

    /** Runs chunk c with the given scratch; records a failure instead of throwing. */
    void run(Object scratch, int c) {
      if (control.shouldStop()) {
        return;
      }
      final int from = c * chunk;
      final int to = (int) Math.min((long) from + chunk, total);
      try {
        job.run(scratch, from, to, control);
        control.addCompleted(to - from);
      } catch (Throwable t) {
        control.fail(t);
      }
    }

    /** Runs chunk c with scratch from the pool (made on demand). */
    void runPooled(int c) {
      if (control.shouldStop()) {
        return;
      }
      Object s = scratchPool.poll();
      if (s == null) {
        try {
          s = job.newScratch();
        } catch (Throwable t) {
          control.fail(t);
          return;
        }
      }
      run(s, c);
      scratchPool.offer(s);
    }

    Object newScratchOrFail() {
      try {
        return job.newScratch();
      } catch (Throwable t) {
        control.fail(t);
        return null;
      }
    }
  }

  private static void runSerial(Chunks work, int chunks) throws InterruptedException {
    final Object s = work.newScratchOrFail();
    for (int c = 0; c < chunks && !work.control.shouldStop(); c++) {
      // The work runs on the caller's thread, which no join would wake: look for an interrupt here.
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      work.run(s, c);
    }
  }

  private static final int POISON = -1;

  private void runQueue(Chunks work, int chunks) throws InterruptedException {
    final LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
    final List<Thread> workers = new ArrayList<>(threads);
    final OwnedThreads owned = OwnedThreads.platform("parboot-queue-");
    for (int t = 0; t < threads; t++) {
      workers.add(owned.newThread(() -> {
        final Object s = work.newScratchOrFail();
        try {
          for (int c = queue.take(); c != POISON && !work.control.shouldStop(); c = queue.take()) {
            if (s != null) {
              work.run(s, c);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
    workers.forEach(Thread::start);
    // The queue is unbounded, so add never blocks: the main thread's only wait is the join.
    for (int c = 0; c < chunks && !work.control.shouldStop(); c++) {
      if (Thread.currentThread().isInterrupted()) {
        work.control.cancel(); // the join below sees the interrupt and rethrows it
        break;
      }
      queue.add(c);
    }
    for (int t = 0; t < threads; t++) {
      queue.add(POISON);
    }
    // Keep joining through interrupts (no thread may outlive the run); cancel so the join is short.
    if (owned.joinAll(work.control::cancel)) {
      throw new InterruptedException();
    }
  }

  private void runPool(Chunks work, int chunks) throws InterruptedException {
    final OwnedThreads owned = OwnedThreads.platform("parboot-pool-");
    final ExecutorService pool = Executors.newFixedThreadPool(threads, owned);
    try {
      final List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < chunks && !work.control.shouldStop(); c++) {
        if (Thread.interrupted()) {
          work.control.cancel();
          throw new InterruptedException();
        }
        final int chunkIndex = c;
        futures.add(pool.submit(() -> work.runPooled(chunkIndex)));
      }
      for (Future<?> f : futures) {
        if (work.control.shouldStop()) {
          break;
        }
        awaitFuture(f, work.control);
      }
    } finally {
      if (work.control.shouldStop()) {
        // Queued chunks would only return at once; drop them so the workers end now.
        ((ThreadPoolExecutor) pool).getQueue().clear();
      }
      shutdownAndWait(pool, owned, work.control);
    }
  }

  private void runForkJoin(Chunks work, int chunks) throws InterruptedException {
    final AtomicInteger ids = new AtomicInteger();
    final OwnedThreads owned = OwnedThreads.platform("parboot-forkjoin-");
    final ForkJoinPool pool = new ForkJoinPool(threads, p -> {
      final var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
      t.setName("parboot-forkjoin-" + ids.getAndIncrement());
      t.setDaemon(true);
      return owned.track(t);
    }, null, false);
    try {
      final Future<?> f = pool.submit(new Split(work, 0, chunks));
      awaitFuture(f, work.control);
    } finally {
      shutdownAndWait(pool, owned, work.control);
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
          work.runPooled(from);
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
  private void runVirtual(Chunks work, int chunks) throws InterruptedException {
    final Semaphore running = new Semaphore(threads);
    final Semaphore ahead = new Semaphore(VIRTUAL_LOOKAHEAD * threads);
    final OwnedThreads owned = OwnedThreads.virtual("parboot-virtual-");
    final ExecutorService exec = Executors.newThreadPerTaskExecutor(owned);
    try {
      for (int c = 0; c < chunks && !work.control.shouldStop(); c++) {
        try {
          ahead.acquire();
        } catch (InterruptedException e) {
          work.control.cancel();
          throw e;
        }
        final int chunkIndex = c;
        exec.execute(() -> {
          try {
            running.acquire();
            try {
              work.runPooled(chunkIndex);
            } finally {
              running.release();
            }
          } catch (InterruptedException e) {
            work.control.cancel(); // shutdownNow after an interrupt of the caller
          } finally {
            ahead.release();
          }
        });
      }
    } finally {
      shutdownAndWait(exec, owned, work.control);
    }
  }

  /** Chunks spawned ahead per permit by the virtual strategy. */
  static final int VIRTUAL_LOOKAHEAD = 4;

  private static void awaitFuture(Future<?> f, RunControl control) throws InterruptedException {
    try {
      f.get();
    } catch (ExecutionException e) {
      control.fail(e.getCause());
    } catch (InterruptedException e) {
      control.cancel(); // before the caller's finally waits for the workers
      throw e;
    }
  }

  /** Shuts the pool down, waits for its tasks, then for its threads to end. */
  private static void shutdownAndWait(ExecutorService pool, OwnedThreads owned, RunControl control)
      throws InterruptedException {
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
