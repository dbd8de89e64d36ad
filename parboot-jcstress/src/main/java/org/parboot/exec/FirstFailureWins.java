package org.parboot.exec;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * Two workers fail at once: the run reports exactly one of the two failures (never none, never a
 * mix), the control says stop, and the run does not count as cancelled.
 */
@JCStressTest
@Outcome(id = {"first, stopped", "second, stopped"}, expect = Expect.ACCEPTABLE, desc = "one failure wins")
@Outcome(expect = Expect.FORBIDDEN, desc = "a failure was lost or the run was not stopped")
@State
public class FirstFailureWins {
  private final RunControl control = RunControl.create();

  @Actor
  public void first() {
    control.fail(new IllegalStateException("first"));
  }

  @Actor
  public void second() {
    control.fail(new IllegalStateException("second"));
  }

  @Arbiter
  public void collector(LL_Result r) {
    try {
      control.throwIfStopped();
      r.r1 = "none";
    } catch (IllegalStateException e) {
      r.r1 = e.getMessage();
    } catch (RuntimeException e) {
      r.r1 = e.getClass().getSimpleName();
    }
    r.r2 = control.shouldStop() && !control.isCancelled() ? "stopped" : "running";
  }
}
