package org.parboot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The {@link KernelBench} kernels timed by the thread's CPU time instead of the wall clock, for a
 * shared machine where other processes take the cores: time spent descheduled is not counted.
 * Kernels run interleaved, round after round, so their ratios come from one run.
 *
 * <pre>
 * java -cp parboot-bench/target/benchmarks.jar org.parboot.bench.CpuTimeKernels [rounds] [n...]
 * java --add-modules jdk.incubator.vector -cp ... CpuTimeKernels ...   # the SIMD kernels
 * java --add-modules jdk.incubator.vector -Dscalar=true -cp ... CpuTimeKernels ...   # the scalar ones
 * </pre>
 *
 * Prints, per n and kernel, the median and minimum nanoseconds per draw over the measured rounds
 * and the median's ratio to the gather floor (draw + gather); for the paired kernel also to the
 * pair floor (draw + gather of both columns).
 */
public final class CpuTimeKernels {
  private CpuTimeKernels() {}

  public static void main(String[] args) {
    final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    final int[] sizes = args.length > 1
        ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {3000, 1_000_000};
    final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    System.out.println("SIMD: " + org.parboot.Bootstrap.simdKernels());
    double sink = 0;
    for (int n : sizes) {
      final KernelBench k = new KernelBench();
      k.n = n;
      k.simd = !Boolean.getBoolean("scalar");
      k.setUp();
      final Map<String, DoubleSupplier> kernels = new LinkedHashMap<>();
      kernels.put("rng", () -> k.rng());
      kernels.put("gatherFloor", k::gatherFloor);
      kernels.put("mean", k::mean);
      kernels.put("tutorial", k::tutorial);
      kernels.put("tutorialStreamed", k::tutorialStreamed);
      kernels.put("moments", k::moments);
      kernels.put("momentsStreamed", k::momentsStreamed);
      kernels.put("pairGatherFloor", k::pairGatherFloor);
      kernels.put("paired", k::paired);
      kernels.put("pairedStreamed", k::pairedStreamed);
      kernels.put("median", k::median);
      kernels.put("medianStreamed", k::medianStreamed);
      kernels.put("orderStatistics", k::orderStatistics);
      kernels.put("orderStatisticsStreamed", k::orderStatisticsStreamed);
      final int perRound = (int) Math.max(3, 20_000_000L / n);
      final Map<String, List<Double>> times = new LinkedHashMap<>();
      final int warmup = 3;
      for (int r = 0; r < warmup + rounds; r++) {
        for (Map.Entry<String, DoubleSupplier> e : kernels.entrySet()) {
          final long t0 = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < perRound; i++) {
            sink += e.getValue().getAsDouble();
          }
          final double ns = (mx.getCurrentThreadCpuTime() - t0) / (double) perRound / n;
          if (r >= warmup) {
            times.computeIfAbsent(e.getKey(), key -> new ArrayList<>()).add(ns);
          }
        }
      }
      final double floor = median(times.get("gatherFloor"));
      final double pairFloor = median(times.get("pairGatherFloor"));
      System.out.printf(Locale.ROOT, "n = %d, %d rounds of %d resamples, thread CPU time%n", n, rounds, perRound);
      System.out.printf(Locale.ROOT, "  %-16s %12s %10s %9s%n", "kernel", "ns/draw med", "min", "x floor");
      for (Map.Entry<String, List<Double>> e : times.entrySet()) {
        final double med = median(e.getValue());
        System.out.printf(Locale.ROOT, "  %-16s %12.3f %10.3f %9.2f%s%n", e.getKey(), med,
            e.getValue().stream().mapToDouble(Double::doubleValue).min().orElseThrow(), med / floor,
            e.getKey().startsWith("paired") ? String.format(Locale.ROOT, "  (%.2f x pair floor)", med / pairFloor) : "");
      }
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static double median(List<Double> v) {
    final double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return (a.length & 1) == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
