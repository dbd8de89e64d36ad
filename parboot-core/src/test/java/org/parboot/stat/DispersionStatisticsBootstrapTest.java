package org.parboot.stat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parboot.spec.StatisticSpec;
import org.parboot.testing.Fixtures;
import org.parboot.testing.MonteCarlo;

/**
 * The bootstrap of the statistics beyond the first fourteen against {@code scipy.stats.bootstrap}
 * with the same function, on Seattle's temp_max (n = 1461; recorded to a tenth of a degree, so
 * many ties and a lumpy distribution for iqr and mad), on the skewed lognormal sample (n = 60), and
 * on a skewed pair with 13 distinct values in each column (n = 60, the {@code pairs} of
 * datasets.csv): every statistic on two of them.
 * The SciPy side (scipy 1.17.1, numpy 2.4.6):
 * <pre>
 * x = Seattle's temp_max from weather.csv, or the skewed sample of datasets.csv
 * for f in [lambda a, axis: stats.variation(a, ddof=1, axis=axis),
 *           lambda a, axis: stats.sem(a, axis=axis),
 *           lambda a, axis: stats.iqr(a, axis=axis),
 *           lambda a, axis: stats.median_abs_deviation(a, axis=axis),           # scale='normal' too
 *           lambda a, axis: stats.gmean(a, axis=axis), lambda a, axis: stats.hmean(a, axis=axis),
 *           lambda a, axis: np.mean(a > 3, axis=axis),                         # prop(x > 3)
 *           lambda a, axis: np.std(a, ddof=1, axis=axis)
 *                           / stats.median_abs_deviation(a, axis=axis, scale='normal')]:
 *     r = stats.bootstrap((x,), f, n_resamples=9999, rng=np.random.default_rng(1), method='percentile')
 *     print(r.standard_error, r.confidence_interval)
 * # the rank correlations, on seattle's (temp_max, temp_min) and the tied, skewed pairs of datasets.csv:
 * for f in [lambda a, b: stats.spearmanr(a, b).statistic, lambda a, b: stats.kendalltau(a, b).statistic]:
 *     r = stats.bootstrap((x, y), f, n_resamples=9999, paired=True, vectorized=False,
 *                         rng=np.random.default_rng(1), method='percentile')
 * </pre>
 * Tolerance: {@link MonteCarlo#assertMatches}.
 */
class DispersionStatisticsBootstrapTest {

  @ParameterizedTest(name = "{1} on {0}")
  @CsvSource(delimiter = ';', value = {
      "seattle; cv;                    0.007407723372648766;  0.4324104985762788; 0.4615147192106135",
      "seattle; sem;                   0.0029031472943371675; 0.1865864759794404; 0.1979534198752964",
      "seattle; iqr;                   0.39080802885816923;   10.500000000000002; 12.2",
      "seattle; mad;                   0.1549569579509482;    5.0;                5.600000000000001",
      "seattle; prop(temp_max > 15);   0.012925521488286984;  0.48528405201916497; 0.5359342915811088",
      "seattle; std/mad(scale=normal); 0.02368308815051483;   0.8634213267744666; 0.975870408386748",
      "skewed;  geomean;               0.18456758466784245;   1.8243043978458244; 2.544473293278121",
      "skewed;  hmean;                 0.15683094227860042;   1.466947209276917;  2.0843406571795775",
      "skewed;  mad(scale=normal);     0.22553064257222785;   0.8867581573458476; 1.815768666637358",
      "skewed;  prop(x > 3);           0.06034243569491576;   0.2;                0.43333333333333335",
      "skewed;  cv;                    0.07927742742532817;   0.5471955393683142; 0.8548605660585442",
      "skewed;  sem;                   0.03891036184930178;   0.17025575913282262; 0.3197155260597199",
      "skewed;  iqr;                   0.31795594037308333;   1.4478846551799545; 2.6261305503363226",
      "pairs;   geomean;               0.19223233824355396;   1.8440048135662297; 2.595503710769979",
      "pairs;   hmean;                 0.17595101037314434;   1.4248235938486993; 2.11434873961001",
      "pairs;   std/mean;              0.076611652236871;     0.5428540009970334; 0.8389235235630041",
      "seattle; spearman(temp_max,temp_min); 0.005562873332656263; 0.8748436351865785; 0.8965069518050448",
      "seattle; kendall(temp_max,temp_min);  0.007372024525192223; 0.7027167820757089; 0.7318621143164064",
      "pairs;   spearman(x,y);         0.08394471869390005;   0.47522571639201605; 0.7989871654473639",
      "pairs;   kendall(x,y);          0.07563691595276742;   0.3859263645921114; 0.6799757435638534"})
  void bootstrap_matchesScipyWithinMonteCarloError(String dataset, String spec, double se, double low, double high) {
    final List<Statistic> stats = StatisticSpec.parse(spec, List.of(dataset.equals("seattle") ? "temp_max" : "x"));
    assertThat(stats).hasSize(1);
    MonteCarlo.assertMatches(Fixtures.dataset(dataset), stats.get(0), se, low, high);
  }
}
