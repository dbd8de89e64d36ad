package org.parboot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.data.Dataset;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/** Data, statistics and checks shared by the engine's tests. */
public final class Runs {

  private Runs() {}

  /** A deterministic two-column dataset of n rows with ties and some skew. */
  public static Dataset twoColumns(int n) {
    final double[] x = new double[n];
    final double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.floor(Math.exp((i * 37 % n) / (double) n * 3) * 4) / 4;
      y[i] = 0.5 * x[i] + (i * 13 % 7);
    }
    return Dataset.builder("twoColumns(" + n + ")").column("x", x).column("y", y).build();
  }

  /** Moment, order and custom statistics together, over the columns of {@link #twoColumns}. */
  public static List<Statistic> mixedStatistics() {
    return List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 1), MomentStatistic.kurt("y", false),
        MomentStatistic.corr("x", "y"), OrderStatistic.median("x"), OrderStatistic.quantile("y", 0.9),
        OrderStatistic.trimmedMean("x", 0.1),
        Statistic.custom("range", "x", v -> {
          double lo = Double.POSITIVE_INFINITY;
          double hi = Double.NEGATIVE_INFINITY;
          for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
          }
          return hi - lo;
        }),
        Statistic.custom("sum_xy", List.of("x", "y"), c -> {
          double s = 0;
          for (int i = 0; i < c[0].length; i++) {
            s += c[0][i] * c[1][i];
          }
          return s;
        }));
  }

  /** Every statistic's replicates as raw bits, in statistic order. */
  public static List<long[]> replicateBits(BootstrapResult r) {
    final List<long[]> out = new ArrayList<>();
    for (StatisticResult s : r.statistics()) {
      final long[] bits = new long[s.resamples()];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = Double.doubleToRawLongBits(s.replicate(i));
      }
      out.add(bits);
    }
    return out;
  }

  /** Names of live threads the engine started ({@code parboot-*}). */
  public static Set<String> liveParbootThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith("parboot-")).collect(Collectors.toSet());
  }

  /**
   * Waits (up to 5 s: a thread that has been told to end may still be unwinding) until no
   * {@code parboot-*} thread is alive, and returns the ones still alive then.
   */
  public static Set<String> parbootThreadsAfterGrace() throws InterruptedException {
    final long end = System.nanoTime() + 5_000_000_000L;
    Set<String> live = liveParbootThreads();
    while (!live.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(10);
      live = liveParbootThreads();
    }
    return live;
  }
}
