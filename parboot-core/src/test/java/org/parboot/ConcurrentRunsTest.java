package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.stat.Statistic;
import org.parboot.testing.Runs;

/**
 * Many runs at once: runs started together on a latch from many threads, each with its own
 * executor, seed, thread count, chunk and data size, give exactly what each gives alone.
 */
class ConcurrentRunsTest {

  private static final List<Statistic> STATS = Runs.mixedStatistics();
  private static final int CALLERS = 12;

  private record Config(Dataset data, BootstrapOptions options) {
    BootstrapResult run() {
      return Bootstrap.run(data, STATS, options);
    }
  }

  private static Config config(int i) {
    final ExecutorKind kind = ExecutorKind.values()[i % ExecutorKind.values().length];
    return new Config(Runs.twoColumns(20 + 7 * i), BootstrapOptions.builder().resamples(300 + 37 * i).seed(100 + i)
        .executor(kind).threads(1 + i % 4).chunk(i % 3 == 0 ? 0 : 1 + i % 5).intervals(IntervalMethod.all()).build());
  }

  @Test
  void run_manyCallersAtOnce_eachBitIdenticalToItsRunAlone() throws Exception {
    final List<Config> configs = new ArrayList<>();
    final List<BootstrapResult> alone = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      configs.add(config(i));
      alone.add(configs.get(i).run());
    }
    final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      for (int round = 0; round < 3; round++) {
        final CountDownLatch go = new CountDownLatch(1);
        final List<Future<BootstrapResult>> together = new ArrayList<>();
        for (Config c : configs) {
          together.add(callers.submit(() -> {
            go.await();
            return c.run();
          }));
        }
        go.countDown();
        for (int i = 0; i < CALLERS; i++) {
          final BootstrapResult got = together.get(i).get(60, TimeUnit.SECONDS);
          final List<long[]> expected = Runs.replicateBits(alone.get(i));
          final List<long[]> actual = Runs.replicateBits(got);
          for (int s = 0; s < STATS.size(); s++) {
            assertThat(actual.get(s)).as("caller %d, %s", i, STATS.get(s).label()).containsExactly(expected.get(s));
            assertThat(got.statistics().get(s).intervals()).isEqualTo(alone.get(i).statistics().get(s).intervals());
          }
        }
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(Runs.parbootThreadsAfterGrace()).isEmpty();
  }
}
