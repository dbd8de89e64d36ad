package org.parboot.exec;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The real thing: {@link ExecutionStrategy#execute} on worker threads writing plain slots, read by
 * the calling thread once it returns. Each actor runs its own strategy (2 threads, one index per
 * chunk) and counts the slots that hold what their chunk wrote; every slot must be seen. The two
 * actors run at once, so the runs also compete for the cores, as concurrent runs do.
 */
public final class StrategyHandoff {
  private StrategyHandoff() {}

  private static final int SLOTS = 8;

  /** Runs a strategy whose chunks write slot i = i + 1, and counts the slots seen written. */
  static int run(ExecutorKind kind) {
    final long[] slots = new long[SLOTS];
    new ExecutionStrategy(kind, 2).execute(new RangeJob<Object>() {
      @Override
      public Object newScratch() {
        return new Object();
      }

      @Override
      public void run(Object scratch, int from, int to, RunControl control) {
        for (int i = from; i < to; i++) {
          slots[i] = i + 1;
        }
      }
    }, SLOTS, 1, RunControl.create());
    int seen = 0;
    for (int i = 0; i < SLOTS; i++) {
      seen += slots[i] == i + 1 ? 1 : 0;
    }
    return seen;
  }

  /** Pool and fork/join. */
  @JCStressTest
  @Outcome(id = "8, 8", expect = Expect.ACCEPTABLE, desc = "every slot seen after execute returned")
  @Outcome(expect = Expect.FORBIDDEN, desc = "a slot written by a worker was not seen by the caller")
  @State
  public static class PoolAndForkJoin {
    @Actor
    public void pool(II_Result r) {
      r.r1 = run(ExecutorKind.POOL);
    }

    @Actor
    public void forkJoin(II_Result r) {
      r.r2 = run(ExecutorKind.FORKJOIN);
    }
  }

  /** The queue of platform workers and virtual threads. */
  @JCStressTest
  @Outcome(id = "8, 8", expect = Expect.ACCEPTABLE, desc = "every slot seen after execute returned")
  @Outcome(expect = Expect.FORBIDDEN, desc = "a slot written by a worker was not seen by the caller")
  @State
  public static class QueueAndVirtual {
    @Actor
    public void queue(II_Result r) {
      r.r1 = run(ExecutorKind.QUEUE);
    }

    @Actor
    public void virtual(II_Result r) {
      r.r2 = run(ExecutorKind.VIRTUAL);
    }
  }
}
