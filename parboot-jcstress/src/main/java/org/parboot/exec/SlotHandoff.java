package org.parboot.exec;

import java.util.concurrent.FutureTask;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.DD_Result;

/**
 * The pool executor's hand-off, reduced to its two threads: a worker writes its replicate slots
 * with plain stores and completes its task (a {@link FutureTask}, which is what a
 * {@code ThreadPoolExecutor} runs); the collector, once {@code get()} returns, reads the slots.
 * It must see both values, never a default 0 or one of the two.
 */
@JCStressTest
@Outcome(id = "-1.0, -1.0", expect = Expect.ACCEPTABLE, desc = "the task had not finished yet")
@Outcome(id = "1.5, 2.5", expect = Expect.ACCEPTABLE, desc = "after get(): both slots seen")
@Outcome(expect = Expect.FORBIDDEN, desc = "a slot written before the hand-off was not seen after it")
@State
public class SlotHandoff {
  private final double[] slots = new double[2];
  private final FutureTask<Void> task = new FutureTask<>(() -> {
    slots[0] = 1.5;
    slots[1] = 2.5;
    return null;
  });

  @Actor
  public void worker() {
    task.run();
  }

  @Actor
  public void collector(DD_Result r) {
    if (!task.isDone()) {
      r.r1 = -1;
      r.r2 = -1;
      return;
    }
    try {
      task.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    r.r1 = slots[0];
    r.r2 = slots[1];
  }
}
