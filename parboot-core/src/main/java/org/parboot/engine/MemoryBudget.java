package org.parboot.engine;

import java.util.List;
import java.util.Locale;
import org.parboot.InvalidInputException;
import org.parboot.eval.EvaluationPlan;
import org.parboot.stat.Statistic;

/**
 * The one memory check of a run, made before anything large is allocated: every array the run
 * allocates, counted once, and a refusal that names the part that dominates (the resamples, the
 * threads or the data), so the advice fits.
 *
 * <ul>
 *   <li>per statistic, the replicates (B doubles); for the studentized interval, the standard
 *       errors too (B doubles), and one sample's worth per sample while they are combined;</li>
 *   <li>for the summaries, one statistic's {@code Distribution}: a copy of its replicates and a
 *       sorted copy (2 B doubles), and for the studentized interval its t values (B doubles);</li>
 *   <li>per sample: its plan's copies of the columns ({@link EvaluationPlan#planBytes}), each
 *       worker's scratch ({@link EvaluationPlan#scratchBytes}, plus the nested bootstrap's inner
 *       indices), and the jackknife values (n doubles per statistic) when BCa is asked for.</li>
 * </ul>
 */
final class MemoryBudget {
  private MemoryBudget() {}

  /**
   * What a run allocates, by part: the resamples' arrays, every worker's scratch, the data's
   * copies. A pure function of the run's shape, so tests can pin it.
   *
   * @param perThread one worker's scratch over all samples
   * @param rows the samples' rows in all
   */
  record Need(long forResamples, long perThread, long forThreads, long forData, long rows) {
    long total() {
      return forResamples + forThreads + forData;
    }
  }

  /** The memory a run of these samples and statistics allocates. */
  static Need need(List<Sample> samples, List<? extends Statistic> statistics, int resamples, int threads,
      boolean jackknife, boolean standardErrors) {
    return need(samples, statistics, resamples, threads, jackknife, standardErrors, false);
  }

  /** The memory a run allocates, with a weights column copied per sample when {@code weighted}. */
  static Need need(List<Sample> samples, List<? extends Statistic> statistics, int resamples, int threads,
      boolean jackknife, boolean standardErrors, boolean weighted) {
    final long k = statistics.size();
    final long b = resamples;
    final long forResamples = k * b * 8L * (standardErrors ? 2 : 1) + 2 * b * 8L + (standardErrors ? b * 8L : 0);
    long perThread = 0;
    long forData = 0;
    long rows = 0;
    final long jackknifeArrays = EvaluationPlan.jackknifeArrays(statistics);
    for (Sample s : samples) {
      final int n = s.data().rows();
      rows += n;
      perThread += EvaluationPlan.scratchBytes(statistics, n) + (standardErrors ? 8L * n : 0);
      forData += EvaluationPlan.planBytes(statistics, n) + (jackknife ? jackknifeArrays * n * 8L : 0)
          + (weighted ? 8L * n : 0);
    }
    return new Need(forResamples, perThread, threads * perThread, forData, rows);
  }

  /**
   * Refuses a run whose memory would not fit in the free heap.
   *
   * @throws InvalidInputException naming the part that dominates, the need and the free heap
   */
  static void check(List<Sample> samples, List<? extends Statistic> statistics, int resamples, int threads,
      boolean jackknife, boolean standardErrors, boolean weighted) {
    final Need n = need(samples, statistics, resamples, threads, jackknife, standardErrors, weighted);
    final long need = n.total();
    long available = freeHeap();
    if (need > available * 0.9) {
      // The heap's "used" part counts garbage too, such as what loading a large file left behind:
      // collect once before refusing a run that would fit. Only on this path, never on a normal run.
      System.gc();
      available = freeHeap();
    }
    if (need <= available * 0.9) {
      return;
    }
    final String advice;
    if (n.forThreads() >= n.forResamples() && n.forThreads() >= n.forData()) {
      advice = "most of it is " + threads + " threads x " + bytes(n.perThread()) + " of buffers each (n = " + n.rows()
          + "); use fewer threads or a larger heap";
    } else if (n.forResamples() >= n.forData()) {
      advice = "most of it is " + resamples + " resamples x " + statistics.size() + " statistic(s)"
          + (standardErrors ? " with studentized standard errors" : "") + "; use fewer resamples or a larger heap";
    } else {
      advice = "most of it is the data (n = " + n.rows() + ") and its copies; use a larger heap";
    }
    throw new InvalidInputException(String.format(Locale.ROOT,
        "the run needs about %s of memory, but only %s is free in the JVM heap: %s (PARBOOT_JAVA_OPTS=-Xmx...)",
        bytes(need), bytes(available), advice));
  }

  private static long freeHeap() {
    final Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  static String bytes(long b) {
    if (b >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
    }
    if (b < 1L << 20) {
      return String.format(Locale.ROOT, "%.1f KiB", b / (double) (1L << 10));
    }
    return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
  }
}
