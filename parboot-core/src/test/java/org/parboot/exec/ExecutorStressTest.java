package org.parboot.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.stat.Statistic;
import org.parboot.testing.Runs;

/**
 * Many tiny chunks on many threads: every index is run exactly once, by a worker holding a scratch
 * no other chunk uses at the same time, and no thread outlives the run.
 */
class ExecutorStressTest {

  private static final int TOTAL = 20_000;
  private static final int THREADS = 16;
  private static final int REPEATS = 20;

  /** A scratch that detects being used by two chunks at once. */
  private static final class Scratch {
    final AtomicBoolean inUse = new AtomicBoolean();
  }

  /** Counts, per index, how often it was run; records any overlap on a scratch. */
  private static final class CountingJob implements RangeJob<Scratch> {
    final AtomicIntegerArray slots;
    final AtomicInteger scratches = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();

    CountingJob(int total) {
      slots = new AtomicIntegerArray(total);
    }

    @Override
    public Scratch newScratch() {
      scratches.incrementAndGet();
      return new Scratch();
    }

    @Override
    public void run(Scratch s, int from, int to, RunControl control) {
      if (!s.inUse.compareAndSet(false, true)) {
        overlaps.incrementAndGet();
      }
      for (int i = from; i < to; i++) {
        slots.incrementAndGet(i);
      }
      s.inUse.set(false);
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void execute_manyTinyChunks_everyIndexExactlyOnce(ExecutorKind kind) throws InterruptedException {
    final ExecutionStrategy strategy = new ExecutionStrategy(kind, THREADS);
    for (int rep = 0; rep < REPEATS; rep++) {
      final int chunk = rep % 2 == 0 ? 1 : 7; // 7 leaves a short last chunk
      final CountingJob job = new CountingJob(TOTAL);
      final RunControl control = RunControl.create();

      strategy.execute(job, TOTAL, chunk, control);

      for (int i = 0; i < TOTAL; i++) {
        if (job.slots.get(i) != 1) {
          assertThat(job.slots.get(i)).as("%s, repeat %d: times index %d ran", kind, rep, i).isEqualTo(1);
        }
      }
      assertThat(job.overlaps.get()).as("scratch used by two chunks at once").isZero();
      assertThat(job.scratches.get()).isPositive();
      if (kind != ExecutorKind.FORKJOIN) { // a fork/join pool may add compensating workers
        assertThat(job.scratches.get()).isLessThanOrEqualTo(strategy.threads());
      }
      assertThat(control.completed()).isEqualTo(TOTAL);
      assertThat(control.total()).isEqualTo(TOTAL);
      assertThat(control.isCancelled()).isFalse();
    }
    assertThat(Runs.parbootThreadsAfterGrace()).isEmpty();
  }

  /**
   * Thousands of tiny runs (1,000 per executor, 5,000 in all), each on a fresh strategy with more
   * threads than cores and chunks of 1 to 3: every slot is written exactly once in every run.
   * Fresh pools each time exercise start-up and shut-down races the long runs above do not.
   */
  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void execute_thousandsOfTinyRuns_everySlotExactlyOnce(ExecutorKind kind) throws InterruptedException {
    final int threads = Runtime.getRuntime().availableProcessors() + 3;
    for (int run = 0; run < 1_000; run++) {
      final int total = 1 + run % 41;
      final CountingJob job = new CountingJob(total);
      new ExecutionStrategy(kind, threads).execute(job, total, 1 + run % 3, RunControl.create());
      for (int i = 0; i < total; i++) {
        if (job.slots.get(i) != 1) {
          assertThat(job.slots.get(i)).as("%s, run %d: times slot %d was written", kind, run, i).isEqualTo(1);
        }
      }
      if (job.overlaps.get() != 0) {
        assertThat(job.overlaps.get()).as("%s, run %d: scratch used by two chunks at once", kind, run).isZero();
      }
    }
    assertThat(Runs.parbootThreadsAfterGrace()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void execute_emptyRange_returnsWithoutRunning(ExecutorKind kind) {
    final CountingJob job = new CountingJob(0);
    new ExecutionStrategy(kind, 3).execute(job, 0, 5, RunControl.create());
    assertThat(job.slots.length()).isZero();
  }

  private static final Dataset TINY = Dataset.builder("tiny").column("x", new double[] {1, 2, 2, 7})
      .column("y", new double[] {0, 3, 1, 1}).build();
  private static final List<Statistic> STATS = Runs.mixedStatistics();
  private static final BootstrapOptions.Builder OPTIONS = BootstrapOptions.builder().resamples(5_000).seed(5)
      .intervals(IntervalMethod.PERCENTILE);
  private static final BootstrapResult SERIAL = Bootstrap.run(TINY, STATS,
      OPTIONS.executor(ExecutorKind.SERIAL).build());

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void bootstrap_manyTinyChunksManyThreads_sameAsSerial(ExecutorKind kind) {
    final BootstrapResult parallel = Bootstrap.run(TINY, STATS,
        OPTIONS.executor(kind).threads(THREADS).chunk(1).build());
    assertThat(Runs.replicateBits(parallel)).usingRecursiveComparison().isEqualTo(Runs.replicateBits(SERIAL));
  }
}
