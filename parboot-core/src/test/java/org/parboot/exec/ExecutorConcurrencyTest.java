package org.parboot.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "N threads" means at most N chunks run at once, on every executor (serial: one), and that N do
 * run at once when there is work for them. Chunks sleep, so the overlap needs no free core.
 */
class ExecutorConcurrencyTest {

  /** Tracks how many chunks run at the same moment. */
  private static final class OverlapJob implements RangeJob<Object> {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final AtomicInteger chunks = new AtomicInteger();

    @Override
    public Object newScratch() {
      return new Object();
    }

    @Override
    public void run(Object scratch, int from, int to, RunControl control) throws InterruptedException {
      final int now = running.incrementAndGet();
      peak.accumulateAndGet(now, Math::max);
      Thread.sleep(2);
      running.decrementAndGet();
      chunks.incrementAndGet();
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void execute_threeThreads_runsAtMostThreeChunksAtOnceAndReachesThree(ExecutorKind kind) throws Exception {
    final int threads = 3;
    final OverlapJob job = new OverlapJob();
    new ExecutionStrategy(kind, threads).execute(job, 120, 1, RunControl.create());
    assertThat(job.chunks).hasValue(120);
    if (kind == ExecutorKind.SERIAL) {
      assertThat(job.peak).hasValue(1);
    } else {
      assertThat(job.peak.get()).as(kind + ": most chunks running at once").isEqualTo(threads);
    }
  }
}
