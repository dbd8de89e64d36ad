package org.parboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.parboot.batch.GroupJob;
import org.parboot.batch.GroupSeeds;
import org.parboot.ci.IntervalInputs;
import org.parboot.ci.IntervalMethod;
import org.parboot.exec.ExecutionStrategy;
import org.parboot.exec.RangeJob;
import org.parboot.exec.RunControl;
import org.parboot.resample.IidResampler;
import org.parboot.resample.IndexBuffer;
import org.parboot.resample.Scheme;
import org.parboot.resample.Resampler;
import org.parboot.rng.ResampleStreams;
import org.parboot.stat.EvaluationPlan;
import org.parboot.stat.Statistic;

/**
 * Two-sample comparison: the bootstrap of {@code statistic(first) − statistic(second)} with each
 * sample resampled independently, as {@code scipy.stats.bootstrap((a, b), lambda a, b, axis:
 * stat(a) - stat(b))} does (its default {@code paired=False}).
 *
 * <pre>{@code
 * BootstrapOptions options = BootstrapOptions.builder().seed(42).intervals(IntervalMethod.BCA).build();
 * TwoSampleResult r = TwoSampleBootstrap.run(new GroupJob("weather.csv", "Seattle", seattle),
 *     new GroupJob("weather.csv", "New York", newYork), List.of(MomentStatistic.mean("temp_max")), options);
 * }</pre>
 *
 * <p><b>Streams.</b> Sample j is resampled exactly as its group would be in a
 * {@link org.parboot.batch.GroupedBootstrap} batch with the same seed: by an iid resampler seeded
 * with {@code GroupSeeds.derive(seed, file_j, group_j)}. So the replicates are, bit for bit,
 * replicate b of the first group's run minus replicate b of the second's, and they do not depend
 * on the executor or thread count.
 *
 * <p><b>Intervals.</b> Every {@link IntervalMethod}. BCa's acceleration is SciPy's multi-sample
 * one ({@link IntervalMethod#acceleration(java.util.List)}): the jackknife leaves out one row of
 * one sample at a time, keeping the other sample whole. The studentized interval uses
 * {@code se*_b = √(se*_b(first)² + se*_b(second)²)} (independent samples), each from
 * {@link org.parboot.stat.StandardErrors}; its scale is the same combination of the analytic
 * standard errors on the data, or the bootstrap standard error of the differences for statistics
 * without one.
 *
 * <p>Costs: the two samples' evaluations per resample; the jackknife is O(n) for the built-in
 * statistics (custom statistics: O(n²), on the calling thread). Unlike {@link Bootstrap#run},
 * no memory check is made before the run.
 */
public final class TwoSampleBootstrap {
  private TwoSampleBootstrap() {}

  /** Runs the comparison to completion. */
  public static TwoSampleResult run(GroupJob first, GroupJob second, List<? extends Statistic> statistics,
      BootstrapOptions options) {
    return run(first, second, statistics, options, RunControl.create());
  }

  /**
   * Runs the comparison under a {@link RunControl}.
   *
   * @throws InvalidInputException the two samples are the same group, or a sample's data is not acceptable
   * @throws StatisticFailedException a statistic threw
   * @throws CancelledException the run was cancelled, interrupted or timed out
   */
  public static TwoSampleResult run(GroupJob first, GroupJob second, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control) {
    if (first.file().equals(second.file()) && first.group().equals(second.group())) {
      throw new InvalidInputException("--compare needs two different groups, got '" + first.group() + "' twice");
    }
    if (options.scheme() != Scheme.IID || options.strata() != null) {
      throw new InvalidInputException("--compare resamples each sample iid and cannot be combined with --scheme "
          + options.scheme().spelling() + (options.strata() != null ? " or --strata" : "")
          + "; accepted: --compare with --scheme iid (the default)");
    }
    final long start = System.nanoTime();
    final EvaluationPlan planA = plan(first, statistics);
    final EvaluationPlan planB = plan(second, statistics);
    final int k = planA.statistics().size();
    final int b = options.resamples();
    final ExecutionStrategy strategy = new ExecutionStrategy(options.executor(), options.threads());
    final double[] observedA = observed(planA);
    final double[] observedB = observed(planB);
    final double[] observed = new double[k];
    for (int s = 0; s < k; s++) {
      observed[s] = observedA[s] - observedB[s];
    }
    final long seedA = GroupSeeds.derive(options.seed(), first.file(), first.group());
    final long seedB = GroupSeeds.derive(options.seed(), second.file(), second.group());
    final Resampler resA = new IidResampler(seedA, planA.rows());
    final Resampler resB = new IidResampler(seedB, planB.rows());
    final int chunk = Bootstrap.chunkSize(options, b, planA.rows() + planB.rows(), strategy.threads());

    final double[][] replicates = new double[k][b];
    record Scratch(EvaluationPlan.Evaluator ea, EvaluationPlan.Evaluator eb, IndexBuffer ia, IndexBuffer ib, double[] ra,
        double[] rb) {}
    strategy.execute(new RangeJob<Scratch>() {
      @Override
      public Scratch newScratch() {
        return new Scratch(planA.newEvaluator(), planB.newEvaluator(), new IndexBuffer(resA.size()),
            new IndexBuffer(resB.size()), new double[k], new double[k]);
      }

      @Override
      public void run(Scratch sc, int from, int to, RunControl c) {
        for (int r = from; r < to && !c.shouldStop(); r++) {
          sc.ia().fill(resA, r);
          sc.ib().fill(resB, r);
          try {
            sc.ea().evaluate(sc.ia().indices(), sc.ia().length(), sc.ra());
            sc.eb().evaluate(sc.ib().indices(), sc.ib().length(), sc.rb());
          } catch (RuntimeException e) {
            throw new StatisticFailedException(Bootstrap.labels(planA), r, e);
          }
          for (int s = 0; s < k; s++) {
            replicates[s][r] = sc.ra()[s] - sc.rb()[s];
          }
        }
      }
    }, b, chunk, control);

    final EnumSet<IntervalMethod> methods = EnumSet.copyOf(options.intervals());
    double[][] jkA = null;
    double[][] jkB = null;
    if (IntervalMethod.anyNeedsJackknife(methods)) {
      jkA = planA.jackknife();
      jkB = planB.jackknife();
    }
    StandardErrorPass.Result seA = null;
    StandardErrorPass.Result seB = null;
    if (IntervalMethod.anyNeedsStandardErrors(methods)) {
      seA = StandardErrorPass.run(planA, resA, seedA, options.innerResamples(), b, strategy, chunk, control);
      seB = StandardErrorPass.run(planB, resB, seedB, options.innerResamples(), b, strategy, chunk, control);
    }
    final double[][] ja = jkA;
    final double[][] jb = jkB;
    final StandardErrorPass.Result sa = seA;
    final StandardErrorPass.Result sb = seB;
    final List<String> warnings = new ArrayList<>();
    final List<StatisticResult> results = Bootstrap.summarise(planA.statistics(), replicates, observed, options,
        (s, d) -> {
          IntervalInputs in = ja == null ? IntervalInputs.none()
              : new IntervalInputs(List.of(shifted(ja[s], -observedB[s], 1), shifted(jb[s], observedA[s], -1)), null,
                  Double.NaN);
          if (sa != null) {
            final double[] se = new double[b];
            for (int r = 0; r < b; r++) {
              se[r] = Math.hypot(sa.replicateSe()[s][r], sb.replicateSe()[s][r]);
            }
            final double analytic = Math.hypot(sa.observedSe()[s], sb.observedSe()[s]);
            in = in.withStandardErrors(se, Double.isNaN(analytic) ? d.standardError() : analytic);
          }
          return in;
        }, warnings);
    final BootstrapResult result = new BootstrapResult(first.data().source() + ": " + first.group() + " - "
        + second.group(), planA.rows() + planB.rows(), first.data().droppedMissing() + second.data().droppedMissing(),
        options, "iid, two independent samples", ResampleStreams.ALGORITHM,
        Duration.ofNanos(System.nanoTime() - start), results, warnings);
    return new TwoSampleResult(first, second, seedA, seedB, result);
  }

  /** {@code sign * v + offset} for each jackknife value: the difference with one sample's row left out. */
  private static double[] shifted(double[] jackknife, double offset, int sign) {
    final double[] out = new double[jackknife.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = sign * jackknife[i] + offset;
    }
    return out;
  }

  private static EvaluationPlan plan(GroupJob job, List<? extends Statistic> statistics) {
    try {
      return new EvaluationPlan(job.data(), statistics);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(job.group() + ": " + e.getMessage(), e);
    }
  }

  private static double[] observed(EvaluationPlan plan) {
    try {
      return plan.observed();
    } catch (RuntimeException e) {
      throw new StatisticFailedException(Bootstrap.labels(plan), -1, e);
    }
  }
}
