package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;
import org.parboot.testing.Runs;

/**
 * The reproducibility contract under every scheme (and strata): for one seed, the replicates are
 * bit-identical whatever the executor, thread count and chunk size; and the scheme options are
 * checked with messages that name the flag.
 */
class SchemeReproducibilityTest {

  private static final int N = 53;
  private static final Dataset DATA = withStrata(Runs.twoColumns(N));
  private static final List<Statistic> STATS = Runs.mixedStatistics();
  private static final int B = 151;

  private static Dataset withStrata(Dataset d) {
    final double[] g = new double[d.rows()];
    for (int i = 0; i < g.length; i++) {
      g[i] = i % 3 == 0 ? 7 : i % 5; // strata 7, 0, 1, 2, 3, 4 of unequal sizes
    }
    return Dataset.builder(d.source()).column("x", d.column("x")).column("y", d.column("y")).column("g", g).build();
  }

  private static BootstrapOptions.Builder options(String variant) {
    final BootstrapOptions.Builder b = BootstrapOptions.builder().resamples(B).seed(19).intervals(IntervalMethod.all());
    return switch (variant) {
      case "strata" -> b.scheme(Scheme.iid().withStrata("g"));
      case "moving-block", "circular-block" -> b.scheme(Scheme.of(variant, BlockLength.of(4)));
      default -> b.scheme(Scheme.of(variant, BlockLength.auto()));
    };
  }

  private static BootstrapResult run(String variant, ExecutorKind kind, int threads, int chunk) {
    return Bootstrap.run(DATA, STATS, options(variant).executor(kind).threads(threads).chunk(chunk).build());
  }

  static Stream<String> variants() {
    final List<String> v = new ArrayList<>();
    v.addAll(Scheme.SPELLINGS);
    v.add("strata");
    return v.stream();
  }

  static Stream<Arguments> configurations() {
    return variants().flatMap(v -> Stream.of(ExecutorKind.values())
        .flatMap(kind -> Stream.of(Arguments.of(v, kind, 3, 7), Arguments.of(v, kind, 2, 0))));
  }

  @ParameterizedTest(name = "{0}: {1}, {2} threads, chunk {3}")
  @MethodSource("configurations")
  void replicates_anyExecutor_bitIdenticalToSerial(String variant, ExecutorKind kind, int threads, int chunk) {
    final BootstrapResult serial = run(variant, ExecutorKind.SERIAL, 1, 0);
    final BootstrapResult r = run(variant, kind, threads, chunk);
    assertThat(r.scheme()).isEqualTo(serial.scheme());
    final List<long[]> expected = Runs.replicateBits(serial);
    final List<long[]> actual = Runs.replicateBits(r);
    for (int s = 0; s < STATS.size(); s++) {
      assertThat(actual.get(s)).as(STATS.get(s).label()).containsExactly(expected.get(s));
      assertThat(r.statistics().get(s).intervals()).isEqualTo(serial.statistics().get(s).intervals());
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void run_eachScheme_variesAndNamesItself(String variant) {
    final BootstrapResult r = run(variant, ExecutorKind.SERIAL, 1, 0);
    assertThat(r.scheme()).startsWith(variant.equals("strata") ? "iid(strata=g, 6 strata)" : variant);
    assertThat(r.statistics().get(0).standardError()).isGreaterThan(0);
    // differs from the iid scheme's replicates
    if (!variant.equals("iid")) {
      assertThat(Runs.replicateBits(r).get(0)).isNotEqualTo(Runs.replicateBits(run("iid", ExecutorKind.SERIAL, 1, 0)).get(0));
    }
  }

  @Test
  void run_autoBlockLength_reportedInScheme() {
    final BootstrapResult r = run("stationary", ExecutorKind.SERIAL, 1, 0);
    assertThat(r.scheme()).matches("stationary\\(L=[0-9.]+, auto\\)");
  }

  @Test
  void run_poissonOnTwoRows_emptyResamplesAreNonFinite() {
    // P(no row drawn) = e^-2 = 13.5%: those replicates are NaN and left out, not an error.
    final BootstrapResult r = Bootstrap.run(Dataset.of("x", 1, 5), List.of(MomentStatistic.mean("x"),
        OrderStatistic.median("x")), BootstrapOptions.builder().resamples(1000).seed(3).scheme(new Scheme.Poisson()).build());
    assertThat(r.statistics().get(0).nonFinite()).isBetween(90, 180);
    assertThat(r.statistics().get(1).nonFinite()).isEqualTo(r.statistics().get(0).nonFinite());
    assertThat(r.warnings()).anyMatch(w -> w.contains("NaN or infinite"));
  }

  @Test
  void of_blockLengthWithIid_refusedNamingTheSettings() {
    assertThatThrownBy(() -> Scheme.of("iid", BlockLength.of(5)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("blockLength 5 does not apply to the iid scheme; accepted: a block length with the moving-block, "
            + "circular-block or stationary scheme");
  }

  @Test
  void fixed_negativeBlockLength_refused() {
    assertThatThrownBy(() -> BlockLength.of(-1))
        .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("blockLength -1 is out of range");
  }

  @Test
  void strata_onlyAPropertyOfTheIidScheme() {
    assertThat(Scheme.iid().withStrata(" g ").strata()).isEqualTo("g");
    assertThat(new Scheme.MovingBlock(BlockLength.of(3)).strata()).isNull();
    assertThatThrownBy(() -> Scheme.iid().withStrata(" ")).isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("strata '' needs a column name");
  }

  @Test
  void of_unknownScheme_listsAccepted() {
    assertThatThrownBy(() -> Scheme.of("block", BlockLength.auto()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("scheme 'block' is unknown; accepted: iid, moving-block, circular-block, stationary, poisson, balanced");
  }

  @Test
  void run_blockLongerThanData_refused() {
    assertThatThrownBy(() -> Bootstrap.run(DATA, STATS, options("iid").scheme(new Scheme.CircularBlock(BlockLength.of(54)))
        .build()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("blockLength 54 is larger than the 53 rows of the data; accepted: 1 to 53, or auto");
  }

  @Test
  void run_autoOnTooFewRows_refused() {
    assertThatThrownBy(() -> Bootstrap.run(Dataset.of("x", 1, 2, 3, 4, 5), List.of(MomentStatistic.mean("x")),
        BootstrapOptions.builder().scheme(new Scheme.Stationary(BlockLength.auto())).build()))
        .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("blockLength auto needs at least 16 rows");
  }

  @Test
  void run_unknownStrataColumn_listsColumns() {
    assertThatThrownBy(() -> Bootstrap.run(DATA, STATS, options("iid").scheme(Scheme.iid().withStrata("location"))
        .build()))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("strata 'location' is not a column of")
        .hasMessageContaining("accepted: one of x, y, g");
  }

  @Test
  void toBuilder_keepsSchemeLengthAndStrata() {
    final BootstrapOptions o = BootstrapOptions.builder().seed(1).scheme(new Scheme.Stationary(BlockLength.of(9))).build();
    assertThat(o.toBuilder().build()).isEqualTo(o);
    final BootstrapOptions s = BootstrapOptions.builder().seed(1).scheme(Scheme.iid().withStrata("g")).build();
    assertThat(s.toBuilder().build().scheme().strata()).isEqualTo("g");
  }
}
