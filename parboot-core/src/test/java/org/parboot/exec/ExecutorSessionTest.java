package org.parboot.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.CancelledException;

/**
 * A session runs a run's phases on the same threads and ends them at close, on every executor:
 * each phase sees every index once and returns only when all its chunks have; a pool's phases
 * share its N threads; a failure in a phase is thrown by that phase, and the session still ends
 * its threads; an interrupt in a later phase cancels the run, and close ends every thread.
 */
class ExecutorSessionTest {

  private static final int THREADS = 3;

  /** Records each index and the threads that ran chunks. */
  private static final class Recording implements RangeJob<Object> {
    final AtomicInteger[] seen;
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    Recording(int total) {
      seen = new AtomicInteger[total];
      for (int i = 0; i < total; i++) {
        seen[i] = new AtomicInteger();
      }
    }

    @Override
    public Object newScratch() {
      return new Object();
    }

    @Override
    public void run(Object scratch, int from, int to, RunControl control) {
      threads.add(Thread.currentThread());
      for (int i = from; i < to; i++) {
        seen[i].incrementAndGet();
      }
    }

    void assertEveryIndexOnce() {
      for (AtomicInteger s : seen) {
        assertThat(s).hasValue(1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void phases_everyIndexOnce_onTheSessionsThreads_allEndedAtClose(ExecutorKind kind) {
    final ExecutionStrategy strategy = new ExecutionStrategy(kind, THREADS);
    final Recording first = new Recording(1000);
    final Recording second = new Recording(37);
    final ExecutionStrategy.Session session = strategy.open(RunControl.create());
    try (session) {
      session.execute(first, 1000, 7);
      // Returned: every chunk of the first phase has returned (the latch-free check below reads plain counts).
      first.assertEveryIndexOnce();
      session.execute(second, 37, 1);
      second.assertEveryIndexOnce();
    }
    final Set<Thread> all = ConcurrentHashMap.newKeySet();
    all.addAll(first.threads);
    all.addAll(second.threads);
    switch (kind) {
      case SERIAL -> assertThat(all).containsExactly(Thread.currentThread());
      case QUEUE, POOL, FORKJOIN -> assertThat(all.size()).as("one set of N threads for both phases").isLessThanOrEqualTo(THREADS);
      case VIRTUAL -> assertThat(all).allMatch(Thread::isVirtual);
    }
    assertThat(all).filteredOn(t -> t != Thread.currentThread()).allMatch(t -> !t.isAlive());
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void failureInAPhase_thrownByThatPhase_threadsEndedAtClose(ExecutorKind kind) {
    final Recording first = new Recording(100);
    final AtomicReference<Thread> failedOn = new AtomicReference<>();
    final ExecutionStrategy.Session session = new ExecutionStrategy(kind, THREADS).open(RunControl.create());
    try (session) {
      session.execute(first, 100, 10);
      assertThatThrownBy(() -> session.execute(new RangeJob<Object>() {
        @Override
        public Object newScratch() {
          return new Object();
        }

        @Override
        public void run(Object scratch, int from, int to, RunControl control) {
          if (from == 5) {
            failedOn.set(Thread.currentThread());
            throw new IllegalStateException("chunk 5 failed");
          }
        }
      }, 10, 1)).isInstanceOf(IllegalStateException.class).hasMessage("chunk 5 failed");
    }
    first.assertEveryIndexOnce();
    if (failedOn.get() != Thread.currentThread()) {
      assertThat(failedOn.get().isAlive()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(value = ExecutorKind.class, names = "SERIAL", mode = EnumSource.Mode.EXCLUDE)
  void interruptInALaterPhase_cancelsTheRun_everyThreadEndedAtClose(ExecutorKind kind) throws Exception {
    final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    final CountDownLatch started = new CountDownLatch(1);
    final RunControl control = RunControl.create();
    final AtomicReference<Throwable> thrown = new AtomicReference<>();
    final Thread caller = new Thread(() -> {
      final ExecutionStrategy.Session session = new ExecutionStrategy(kind, THREADS).open(control);
      try (session) {
        session.execute(new Recording(50), 50, 5);
        session.execute(new RangeJob<Object>() {
          @Override
          public Object newScratch() {
            return new Object();
          }

          @Override
          public void run(Object scratch, int from, int to, RunControl c) {
            workers.add(Thread.currentThread());
            started.countDown();
            // As the engine's jobs do: work until the run is stopped (nothing else ends this chunk).
            while (!c.shouldStop()) {
              java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
          }
        }, 6, 1);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    // The second phase's chunks run until the run is stopped: only the cancellation that the
    // interrupt causes can end them, so the join below would hang if the interrupt were lost.
    caller.start();
    started.await();
    caller.interrupt();
    caller.join();
    assertThat(thrown.get()).isInstanceOf(CancelledException.class);
    assertThat(control.isCancelled()).isTrue();
    assertThat(workers).allMatch(t -> !t.isAlive());
  }
}
