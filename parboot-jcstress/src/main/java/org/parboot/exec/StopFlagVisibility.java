package org.parboot.exec;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * A worker polling {@link RunControl#shouldStop()} in a loop (as every chunk does between
 * resamples) sees another thread's {@link RunControl#cancel()}: the loop always ends.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = Expect.ACCEPTABLE, desc = "the worker saw the cancel and stopped")
@Outcome(id = "STALE", expect = Expect.FORBIDDEN, desc = "the worker never saw the cancel")
@State
public class StopFlagVisibility {
  private final RunControl control = RunControl.create();

  @Actor
  public void worker() {
    while (!control.shouldStop()) {
      // a resample
    }
  }

  @Signal
  public void cancel() {
    control.cancel();
  }
}
