package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.exec.RunControl;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;

/**
 * No thread of any name outlives a run: the live threads of the whole JVM (not only the
 * {@code parboot-*} ones) are counted before and after a success, a failure, a cancellation and
 * a deadline, on every executor, all on the calling thread so no test helper adds threads.
 *
 * <p>The scenario runs twice and only the second pass is compared: the first starts the JDK's
 * own lazily created, JVM-wide threads (on JDK 25 the virtual-thread scheduler's carriers and its
 * {@code ForkJoinPool-N-delayScheduler}, started by a timed park in a virtual thread). Those
 * belong to the JDK, are shared by every virtual thread, and are not per run; a thread a run
 * leaked would show up again after the second pass.
 */
class ThreadLeakTest {

  private static final Dataset DATA = Dataset.of("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static Set<Long> liveThreadIds() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::threadId)
        .collect(Collectors.toSet());
  }

  /** Live threads that are not in {@code before}, after up to 5 s for unwinding ones to end. */
  private static Set<String> newThreadsAfterGrace(Set<Long> before) throws InterruptedException {
    final long end = System.nanoTime() + 5_000_000_000L;
    while (true) {
      final Set<String> extra = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.isAlive() && !before.contains(t.threadId())).map(Thread::getName)
          .collect(Collectors.toSet());
      if (extra.isEmpty() || System.nanoTime() > end) {
        return extra;
      }
      Thread.sleep(10);
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void run_successFailureCancelDeadline_noNewLiveThreads(ExecutorKind kind) throws Exception {
    final BootstrapOptions options = BootstrapOptions.builder().resamples(3_000).seed(5).executor(kind).threads(6)
        .chunk(7).intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA).build();
    final Statistic fails = Statistic.custom("fails", "x", v -> {
      if (v[0] == v[1] && v[1] == v[2]) {
        throw new IllegalStateException("three equal draws");
      }
      return v[0];
    });
    scenario(options, fails);
    final Set<Long> before = liveThreadIds();
    final int countBefore = THREADS.getThreadCount();

    scenario(options, fails);

    assertThat(newThreadsAfterGrace(before)).as("threads started by the runs and still alive").isEmpty();
    assertThat(THREADS.getThreadCount()).isLessThanOrEqualTo(countBefore);
  }

  private static void scenario(BootstrapOptions options, Statistic fails) {
    Bootstrap.run(DATA, List.of(MomentStatistic.mean("x")), options);
    assertThatThrownBy(() -> Bootstrap.run(DATA, List.of(fails), options))
        .isInstanceOf(StatisticFailedException.class);
    final RunControl cancelled = RunControl.create();
    cancelled.cancel();
    assertThatThrownBy(() -> Bootstrap.run(DATA, List.of(MomentStatistic.mean("x")), options, cancelled))
        .isInstanceOf(CancelledException.class);
    final Statistic slow = Statistic.custom("slow", "x", v -> {
      java.util.concurrent.locks.LockSupport.parkNanos(100_000);
      return v[0];
    });
    assertThatThrownBy(() -> Bootstrap.run(DATA, List.of(slow), options.toBuilder().resamples(1_000_000).build(),
        RunControl.withTimeout(Duration.ofMillis(50)))).isInstanceOf(CancelledException.class);
  }
}
