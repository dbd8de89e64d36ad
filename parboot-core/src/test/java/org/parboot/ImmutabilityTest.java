package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parboot.ci.Distribution;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalInputs;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.eval.EvaluationPlan;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * Results and data are immutable: what the public API hands out is a copy or read-only, and what
 * it is given is copied in, so no caller can change a result, a dataset or the inputs of an
 * interval after the fact.
 */
class ImmutabilityTest {

  private static final Dataset DATA = Dataset.builder("data.csv")
      .column("x", new double[] {2.1, 3.4, 1.9, 5.6, 4.4, 3.8, 2.7, 6.1, 4.0, 3.3})
      .column("y", new double[] {1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0}).build();
  private static final List<Statistic> STATS = List.of(MomentStatistic.mean("x"), OrderStatistic.median("x"));

  private static BootstrapResult run() {
    return Bootstrap.run(DATA, STATS, BootstrapOptions.builder().resamples(500).seed(5)
        .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA, IntervalMethod.STUDENTIZED).build());
  }

  @Test
  void replicates_mutatedCopy_resultAndItsIntervalsUnchanged() {
    final BootstrapResult result = run();
    final StatisticResult mean = result.statistics().get(0);
    final double[] before = mean.replicates();

    final double[] handedOut = mean.replicates();
    Arrays.fill(handedOut, 1000);

    assertThat(mean.replicates()).isEqualTo(before).isNotSameAs(handedOut);
    assertThat(mean.replicate(0)).isEqualTo(before[0]);
    assertThat(mean.resamples()).isEqualTo(500);
    assertThat(mean).isEqualTo(run().statistics().get(0));
    // The intervals recomputed from what the result hands out now are the ones it reports.
    final Interval bca = IntervalMethod.BCA.interval(new Distribution(mean.replicates(), mean.observed()), 0.95,
        new EvaluationPlan(DATA, List.of(mean.statistic())).jackknife()[0], new ArrayList<>());
    assertThat(mean.intervals().get(1)).isEqualTo(bca);
  }

  @Test
  void constructor_mutatedInputArray_resultUnchanged() {
    final double[] reps = {1, 2, 3};
    final StatisticResult r = new StatisticResult(MomentStatistic.mean("x"), 2, 0, 1, List.of(), 0, reps);

    reps[0] = 1000;

    assertThat(r.replicates()).containsExactly(1, 2, 3);
    assertThat(r).isEqualTo(new StatisticResult(MomentStatistic.mean("x"), 2, 0, 1, List.of(), 0, new double[] {1, 2, 3}))
        .hasSameHashCodeAs(new StatisticResult(MomentStatistic.mean("x"), 2, 0, 1, List.of(), 0, new double[] {1, 2, 3}));
    assertThat(r.toString()).contains("mean(x)", "resamples=3").doesNotContain("1000");
  }

  @Test
  void column_mutatedCopy_datasetAndRunsUnchanged() {
    final BootstrapResult before = run();

    DATA.column("x")[0] = 1000;

    assertThat(DATA.column("x")[0]).isEqualTo(2.1);
    assertThat(run().statistics()).isEqualTo(before.statistics());
  }

  @Test
  void distribution_mutatedInputArray_intervalsUnchanged() {
    final double[] reps = {3.1, 2.9, 3.4, 2.2, 3.8, 3.0, 2.7};
    final double[] se = {0.3, 0.2, 0.4, 0.3, 0.5, 0.2, 0.3};
    final Distribution d = new Distribution(reps, 3.0);
    final IntervalInputs in = IntervalInputs.none().withStandardErrors(se, 0.3);
    final Interval studentized = IntervalMethod.STUDENTIZED.interval(d, 0.9, in, new ArrayList<>());
    final Interval percentile = IntervalMethod.PERCENTILE.interval(d, 0.9, in, new ArrayList<>());

    Arrays.fill(reps, 1000);
    Arrays.fill(se, 1000);

    assertThat(IntervalMethod.STUDENTIZED.interval(d, 0.9, in, new ArrayList<>())).isEqualTo(studentized);
    assertThat(IntervalMethod.PERCENTILE.interval(d, 0.9, in, new ArrayList<>())).isEqualTo(percentile);
  }

  @Test
  void intervalInputs_mutatedArrays_unchanged() {
    final double[] jackknife = {1, 2, 4};
    final IntervalInputs in = IntervalInputs.ofJackknife(jackknife).withStandardErrors(new double[] {0.5}, 0.1);

    jackknife[0] = 1000;
    in.jackknife().get(0)[1] = 1000;
    in.replicateSe()[0] = 1000;

    assertThat(in.jackknife()).singleElement().isEqualTo(new double[] {1, 2, 4});
    assertThat(in.replicateSe()).containsExactly(0.5);
    assertThat(in).isEqualTo(new IntervalInputs(List.of(new double[] {1, 2, 4}), new double[] {0.5}, 0.1));
  }

  /** One instance of each public type with an array-returning method, and arguments by parameter type. */
  private static Map<Class<?>, Object> instances() {
    final BootstrapResult r = run();
    final IntervalInputs in = IntervalInputs.ofJackknife(new double[] {1, 2, 4}).withStandardErrors(new double[] {1}, 1);
    return Map.ofEntries(Map.entry(StatisticResult.class, r.statistics().get(0)), Map.entry(BootstrapResult.class, r),
        Map.entry(Dataset.class, DATA), Map.entry(IntervalInputs.class, in),
        Map.entry(Distribution.class, new Distribution(new double[] {1, 2}, 1)), Map.entry(String.class, "x"),
        Map.entry(int.class, 0), Map.entry(long.class, 0L),
        Map.entry(WeightedStatistics.class,
            new WeightedStatistics(DATA, r.statistics().stream().map(StatisticResult::statistic).toList())),
        // A user's vector function, as the API's example writes one: a new array per call.
        Map.entry(org.parboot.stat.CustomStatistic.VectorFunction.class,
            (org.parboot.stat.CustomStatistic.VectorFunction) c -> new double[] {c.length}),
        Map.entry(double[][].class, new double[][] {{1}}),
        Map.entry(PermutationResult.Test.class, new PermutationResult.Test("x", 1, 0.5, 0.1, 2, new double[] {1, 2})),
        Map.entry(SavedReplicates.class, new SavedReplicates(r.fingerprint(),
            r.statistics().stream().mapToDouble(StatisticResult::observed).toArray(),
            r.statistics().stream().map(StatisticResult::replicates).toArray(double[][]::new),
            r.statistics().stream().map(s -> s.statistic().columns()).toList())));
  }

  @Test
  void publicMethodsReturningArrays_everyCallReturnsAFreshCopy() throws Exception {
    final Map<Class<?>, Object> instances = instances();
    final List<String> checked = new ArrayList<>();
    final List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicCoreClasses()) {
      for (Method m : type.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || !returnsArrays(m.getGenericReturnType())
) {
          continue;
        }
        final Object target = Modifier.isStatic(m.getModifiers()) ? null : instances.get(type);
        assertThat(Modifier.isStatic(m.getModifiers()) || target != null)
            .as("no instance of %s to check %s; add one to instances()", type.getName(), m).isTrue();
        final Object[] args = Arrays.stream(m.getParameterTypes()).map(p -> {
          assertThat(instances).as("no argument of type %s for %s", p.getName(), m).containsKey(p);
          return instances.get(p);
        }).toArray();

        final Object first = invoke(m, target, args);
        final Object second = invoke(m, target, args);
        final boolean fresh = fresh(first, second);
        scribble(first);
        if (!fresh || !deepEquals(invoke(m, target, args), second)) {
          leaks.add(type.getSimpleName() + "." + m.getName());
        }
        checked.add(type.getSimpleName() + "." + m.getName());
      }
    }
    assertThat(leaks).as("methods handing out an array that writes through").isEmpty();
    assertThat(checked).contains("StatisticResult.replicates", "Dataset.column", "IntervalInputs.jackknife",
        "IntervalInputs.replicateSe");
  }

  private static Object invoke(Method m, Object target, Object[] args) throws IllegalAccessException {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError(m + " threw", e.getCause());
    }
  }

  private static boolean returnsArrays(Type t) {
    if (t instanceof Class<?> c) {
      return c.isArray();
    }
    return t instanceof ParameterizedType p && Arrays.stream(p.getActualTypeArguments()).anyMatch(
        a -> a instanceof Class<?> c ? c.isArray() : a instanceof java.lang.reflect.GenericArrayType || returnsArrays(a));
  }

  /** True if no array in {@code a} is one in {@code b}. */
  private static boolean fresh(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.getClass().isArray()) {
      if (a == b) {
        return false;
      }
      if (!a.getClass().getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(a); i++) {
          if (!fresh(Array.get(a, i), Array.get(b, i))) {
            return false;
          }
        }
      }
    } else if (a instanceof List<?> la) {
      for (int i = 0; i < la.size(); i++) {
        if (!fresh(la.get(i), ((List<?>) b).get(i))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Writes over every array in {@code v}. */
  private static void scribble(Object v) {
    if (v == null) {
      return;
    }
    if (v instanceof double[] d) {
      Arrays.fill(d, 1000);
    } else if (v instanceof int[] i) {
      Arrays.fill(i, 1000);
    } else if (v instanceof long[] l) {
      Arrays.fill(l, 1000);
    } else if (v instanceof Object[] o) {
      Arrays.stream(o).forEach(ImmutabilityTest::scribble);
    } else if (v instanceof List<?> l) {
      l.forEach(ImmutabilityTest::scribble);
    }
  }

  private static boolean deepEquals(Object a, Object b) {
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      return Arrays.deepEquals(la.toArray(), lb.toArray());
    }
    return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
  }

  /** The public classes (nested ones too) of parboot-core's main code. */
  /** The packages core's module descriptor exports: the API whose arrays must not write through. */
  private static final java.util.Set<String> EXPORTED = exported();

  /** The packages core's module declaration exports (read from its source: a -Pportable build has no descriptor). */
  private static java.util.Set<String> exported() {
    try {
      final java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;")
          .matcher(Files.readString(Path.of("src/main/java/module-info.java")));
      final java.util.Set<String> out = new java.util.HashSet<>();
      while (m.find()) {
        out.add(m.group(1));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("core's module declaration", e);
    }
  }

  @Test
  void moduleDescriptor_exportsTheApiPackagesOnly() {
    assertThat(EXPORTED).containsExactlyInAnyOrder("org.parboot", "org.parboot.batch", "org.parboot.ci",
        "org.parboot.data", "org.parboot.exec", "org.parboot.rng", "org.parboot.scheme", "org.parboot.spec",
        "org.parboot.stat");
  }

  private static List<Class<?>> publicCoreClasses() throws IOException, URISyntaxException {
    final Path root = Path.of(Bootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    final List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        final String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
            .replaceAll("\\.class$", "");
        if (name.endsWith("package-info") || name.endsWith("module-info")) {
          continue;
        }
        final Class<?> c;
        try {
          c = Class.forName(name, false, Bootstrap.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new AssertionError(name, e);
        }
        if (isVisible(c) && EXPORTED.contains(c.getPackageName())) {
          out.add(c);
        }
      }
    }
    assertThat(out).as("classes found under %s", root).contains(StatisticResult.class, Dataset.class);
    return out;
  }

  private static boolean isVisible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
        return false;
      }
    }
    return true;
  }
}
