package org.parboot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parboot.InvalidInputException;
import org.parboot.stat.Statistic;

/**
 * Seeded fuzzing of the {@code --stat} parser: 30,000 specs built from the grammar's own tokens,
 * near misses, arbitrary characters and expressions of them. Every one either parses into statistics or is refused
 * with the documented {@link InvalidInputException} (one line, quoting the spec, naming
 * {@code --stat}); no other exception. A failure prints the seed and the spec, so it can be replayed.
 */
class StatisticSpecFuzzTest {

  private static final long SEED = 0x5eed_57a7L;
  private static final int CASES = 30_000;

  private static final String[] NAMES = {"mean", "var", "std", "skew", "kurt", "median", "min", "max", "quantile",
      "trimmed_mean", "corr", "cov", "ratio", "mean_diff", "MEAN", "Std", "mode", "", " ", "mean ", "quantile_",
      "\u00e9", "null"};
  private static final String[] ARGS = {"0", "1", "2", "-1", "0.5", "1.5", "0.25", "1e-3", "1e999", "-0", "NaN",
      "Infinity", "-Infinity", "0x10", "1_0", "ddof=0", "ddof=1", "ddof=-3", "ddof=2147483648", "ddof=1.5",
      "bias=true", "bias=false", "bias=yes", "bias=TRUE", "p=0.9", "p=", "=0.9", "f=0.1", "f=0.5", "column=x",
      "column=y", "column=", "column=z", "x", "y", "z", "x=1", "true", "false", "", " ", "==", "p=0.5=1",
      "\u0000", "\t", "\"x\"", "'y'", "99999999999999999999"};
  private static final String NOISE = "(),= \t.-+eE0123456789xyzp\u00e9\u2028\uD83D\uDE00";

  @Test
  void parse_fuzzedSpecs_parseOrDocumentedError() {
    final SplittableRandom rnd = new SplittableRandom(SEED);
    final List<List<String>> defaults = List.of(List.of(), List.of("x"), List.of("x", "y"), List.of("x", "y", "z"));
    final List<String> failures = new ArrayList<>();
    int parsed = 0;
    for (int i = 0; i < CASES; i++) {
      final String spec = spec(rnd);
      final List<String> cols = defaults.get(rnd.nextInt(defaults.size()));
      try {
        final List<Statistic> stats = StatisticSpec.parse(spec, cols);
        if (stats.isEmpty() || stats.contains(null)) {
          failures.add("case " + i + " '" + spec + "' " + cols + ": parsed into " + stats);
        }
        parsed++;
      } catch (InvalidInputException e) {
        if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")
            || !(e instanceof org.parboot.InvalidSettingException x && x.setting().equals("statistic"))) {
          failures.add("case " + i + " '" + spec + "' " + cols + ": undocumented message: " + e.getMessage());
        }
      } catch (RuntimeException | StackOverflowError e) {
        failures.add("case " + i + " '" + spec + "' " + cols + ": " + e);
      }
    }
    assertThat(failures).as("seed %x", SEED).isEmpty();
    // The generator must reach the parser's accepting paths too, not only its refusals.
    assertThat(parsed).isGreaterThan(CASES / 20);
  }

  private static String spec(SplittableRandom rnd) {
    final StringBuilder s = new StringBuilder();
    switch (rnd.nextInt(10)) {
      case 0 -> { // arbitrary characters
        final int len = rnd.nextInt(12);
        for (int i = 0; i < len; i++) {
          s.append(rnd.nextInt(4) == 0 ? (char) rnd.nextInt(0x20, 0x3000) : NOISE.charAt(rnd.nextInt(NOISE.length())));
        }
      }
      case 1, 2 -> { // expressions of statistics, numbers, operators and functions
        final int terms = 1 + rnd.nextInt(3);
        for (int t = 0; t < terms; t++) {
          if (t > 0) {
            s.append(pick(rnd, OPERATORS));
          }
          s.append(pick(rnd, PREFIXES)).append(rnd.nextInt(4) == 0 ? pick(rnd, ARGS) : statistic(rnd))
              .append(pick(rnd, SUFFIXES));
        }
      }
      default -> s.append(statistic(rnd));
    }
    return s.toString();
  }

  private static final String[] OPERATORS = {"+", "-", "*", "/", "^", " + ", "**", "", " ", "$", "%"};
  private static final String[] PREFIXES = {"", "", "", "-", "(", "sqrt(", "log(", "exp(", "abs(", "--", "sqrt"};
  private static final String[] SUFFIXES = {"", "", "", ")", "))", " ", "^2", "e", "."};

  /** One statistic's spelling from the grammar, with mutations. */
  private static String statistic(SplittableRandom rnd) {
    final StringBuilder s = new StringBuilder(pick(rnd, NAMES));
    if (rnd.nextInt(6) != 0) {
      s.append(rnd.nextInt(20) == 0 ? "((" : "(");
      final int n = rnd.nextInt(4);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          s.append(rnd.nextInt(15) == 0 ? ";" : ",");
        }
        s.append(pick(rnd, ARGS));
      }
      if (rnd.nextInt(15) != 0) {
        s.append(")");
      }
      if (rnd.nextInt(20) == 0) {
        s.append(pick(rnd, new String[] {")", " ", "x", "()"}));
      }
    }
    return s.toString();
  }

  private static String pick(SplittableRandom rnd, String[] a) {
    return a[rnd.nextInt(a.length)];
  }
}
