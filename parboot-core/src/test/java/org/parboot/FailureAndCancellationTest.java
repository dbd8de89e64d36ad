package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.exec.RunControl;
import org.parboot.resample.IidResampler;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;
import org.parboot.testing.Runs;

/**
 * A statistic that throws stops the run with {@link StatisticFailedException}; cancellation and
 * deadlines end it with {@link CancelledException}; either way no engine thread is left running.
 * No assertion here depends on timing: waits are bounded only so that a hang fails the test.
 */
class FailureAndCancellationTest {

  private static final int N = 20;
  private static final Dataset DATA;

  static {
    final double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = i;
    }
    DATA = Dataset.of("x", x);
  }

  /** Throws on any resample whose first two draws are the same row: never on the data itself. */
  private static final Statistic THROWS_ON_REPEAT = Statistic.custom("picky", "x", v -> {
    if (v[0] == v[1]) {
      throw new IllegalStateException("first two draws equal: " + v[0]);
    }
    return v[0];
  });

  private static final ExecutorService CALLERS = Executors.newCachedThreadPool();

  @AfterAll
  static void stopCallers() {
    CALLERS.shutdownNow();
  }

  private static BootstrapOptions.Builder options(ExecutorKind kind) {
    return BootstrapOptions.builder().resamples(2_000).seed(9).executor(kind).threads(4).chunk(3)
        .intervals(IntervalMethod.PERCENTILE);
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void run_statisticThrowsOnAResample_statisticFailedWithIndexAndCause(ExecutorKind kind) throws Exception {
    final StatisticFailedException e = catchThrowableOfType(StatisticFailedException.class,
        () -> Bootstrap.run(DATA, List.of(MomentStatistic.mean("x"), THROWS_ON_REPEAT), options(kind).build()));

    assertThat(e).isNotNull();
    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("first two draws equal");
    assertThat(e.getMessage()).contains("picky(x)", "resample " + e.resample());
    // The reported resample is one on which the statistic does throw.
    assertThat(e.resample()).isBetween(0L, 1_999L);
    final int[] idx = new int[N];
    new IidResampler(9, N).fill(e.resample(), idx);
    assertThat(idx[0]).isEqualTo(idx[1]);
    assertThat(Runs.parbootThreadsAfterGrace()).isEmpty();
  }

  @Test
  void run_statisticThrowsOnObservedData_resampleMinusOne() {
    final Statistic broken = Statistic.custom("broken", "x", v -> {
      throw new ArithmeticException("no");
    });
    final StatisticFailedException e = catchThrowableOfType(StatisticFailedException.class,
        () -> Bootstrap.run(DATA, List.of(broken), options(ExecutorKind.POOL).build()));
    assertThat(e.resample()).isEqualTo(-1);
    assertThat(e.getCause()).isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void run_customStatisticThrowsInJackknife_statisticFailedNamingTheRow(ExecutorKind kind) throws Exception {
    // Fine on n rows (the data and every resample), throws on n - 1 rows (BCa's jackknife).
    final Statistic fullOnly = Statistic.custom("full_only", "x", v -> {
      if (v.length != N) {
        throw new IllegalArgumentException("short sample");
      }
      return v[0];
    });
    final StatisticFailedException e = catchThrowableOfType(StatisticFailedException.class,
        () -> Bootstrap.run(DATA, List.of(fullOnly), options(kind).intervals(IntervalMethod.BCA).build()));
    assertThat(e.resample()).isEqualTo(-1);
    assertThat(e.getMessage()).contains("jackknife without row");
    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    assertThat(Runs.parbootThreadsAfterGrace()).isEmpty();
  }

  /** A statistic slow enough that the run cannot finish before it is stopped; counts its calls. */
  private static Statistic slow(AtomicInteger calls, CountDownLatch started) {
    return Statistic.custom("slow", "x", v -> {
      if (calls.incrementAndGet() == 20) {
        started.countDown(); // the resampling phase is under way
      }
      LockSupport.parkNanos(200_000);
      return v[0];
    });
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void run_cancelledFromAnotherThread_cancelledException(ExecutorKind kind) throws Exception {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch started = new CountDownLatch(1);
    final RunControl control = RunControl.create();
    final Future<BootstrapResult> run = CALLERS.submit(() -> Bootstrap.run(DATA, List.of(slow(calls, started)),
        options(kind).resamples(10_000_000).chunk(1).build(), control));

    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    control.cancel();

    final ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> run.get(30, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOfSatisfying(CancelledException.class, c -> assertThat(c.timedOut()).isFalse());
    assertThat(control.isCancelled()).isTrue();
    assertThat(calls.get()).isLessThan(1_000_000); // stopped long before the end
    assertThat(Runs.parbootThreadsAfterGrace()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void run_deadlinePasses_cancelledExceptionTimedOut(ExecutorKind kind) throws Exception {
    final AtomicInteger calls = new AtomicInteger();
    final RunControl control = RunControl.withTimeout(Duration.ofMillis(100));
    final Future<BootstrapResult> run = CALLERS.submit(() -> Bootstrap.run(DATA,
        List.of(slow(calls, new CountDownLatch(1))), options(kind).resamples(10_000_000).chunk(1).build(), control));

    final ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> run.get(30, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOfSatisfying(CancelledException.class,
        c -> assertThat(c.timedOut()).isTrue());
    assertThat(control.isCancelled()).isTrue();
    assertThat(Runs.parbootThreadsAfterGrace()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void run_callingThreadInterrupted_cancelledAndInterruptKept(ExecutorKind kind) throws Exception {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch returned = new CountDownLatch(1);
    final AtomicReference<Throwable> thrown = new AtomicReference<>();
    final AtomicBoolean interruptKept = new AtomicBoolean();
    final Future<?> caller = CALLERS.submit(() -> {
      try {
        Bootstrap.run(DATA, List.of(slow(calls, started)), options(kind).resamples(10_000_000).chunk(1).build());
      } catch (Throwable t) {
        thrown.set(t);
        interruptKept.set(Thread.currentThread().isInterrupted());
      } finally {
        returned.countDown();
      }
    });

    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    caller.cancel(true); // interrupts the thread blocked in (or running) Bootstrap.run

    assertThat(returned.await(30, TimeUnit.SECONDS)).as("Bootstrap.run returned after the interrupt").isTrue();
    assertThat(thrown.get()).isInstanceOfSatisfying(CancelledException.class, c -> assertThat(c.timedOut()).isFalse());
    assertThat(interruptKept.get()).as("interrupt status restored for the caller").isTrue();
    assertThat(Runs.parbootThreadsAfterGrace()).isEmpty();
  }

  @Test
  void runControl_cancelledBeforeStart_cancelledWithoutWork() {
    final RunControl control = RunControl.create();
    control.cancel();
    final AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> Bootstrap.run(DATA, List.of(slow(calls, new CountDownLatch(1))),
        options(ExecutorKind.FORKJOIN).build(), control)).isInstanceOf(CancelledException.class);
    assertThat(calls.get()).isEqualTo(1); // the observed value only
  }
}
