package org.parboot.stat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One output of an ordinary least squares fit {@code response ~ term1 + term2 + ...} with an
 * intercept: the intercept, a term's coefficient, or {@code r2}. The outputs of one model are
 * separate statistics (so each has its own row in every result) that the engine computes together,
 * once per resample, from the model's cross-product sums: the p x p normal equations of the
 * centred terms, solved by a Cholesky factorisation; a resample whose terms are collinear (a pivot
 * below 1e-12 of its diagonal) gives NaN for every output, which the run's NaN policy counts.
 *
 * <p>Resampling: {@code CASES} (the default) resamples rows; {@code RESIDUALS} keeps the design
 * fixed and resamples the fit's modified residuals (Davison and Hinkley, <i>Bootstrap Methods and
 * their Application</i>, 1997, section 6.2.3, algorithm 6.1): {@code y*_i = fitted_i + e*_i}, e*
 * drawn from {@code r_i - mean(r)} with {@code r_i = e_i / sqrt(1 - h_i)}, h the leverages.
 *
 * @param response the response column y
 * @param terms the regressor columns, at least one
 * @param output {@link #INTERCEPT}, one of the terms, or {@link #R2}
 * @param resampling how a resample is made
 */
public record OlsStatistic(String response, List<String> terms, String output, Resampling resampling)
    implements Statistic, java.io.Serializable {

  /** The output naming the intercept. */
  public static final String INTERCEPT = "intercept";
  /** The output naming the coefficient of determination. */
  public static final String R2 = "r2";

  /** How a resample of a regression is made. */
  public enum Resampling {
    /** Rows (cases) resampled: the default, for random designs. */
    CASES("cases"),
    /** The design kept, residuals resampled: for a fixed design. */
    RESIDUALS("residuals");

    private final String spelling;

    Resampling(String spelling) {
      this.spelling = spelling;
    }

    /** How it is written, in {@code resample=}. */
    public String spelling() {
      return spelling;
    }
  }

  public OlsStatistic {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(resampling, "resampling");
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a regression needs at least one term");
    }
    final Set<String> seen = new HashSet<>();
    for (String t : terms) {
      if (t.equals(response) || !seen.add(t)) {
        throw new IllegalArgumentException("column '" + t + "' is in the model twice: " + model(response, terms, resampling));
      }
      if (t.equals(INTERCEPT) || t.equals(R2)) {
        throw new IllegalArgumentException("a term cannot be named " + t + " (an output's name)");
      }
    }
    if (!output.equals(INTERCEPT) && !output.equals(R2) && !terms.contains(output)) {
      throw new IllegalArgumentException("no output '" + output + "' of " + model(response, terms, resampling)
          + "; its outputs: " + outputNames(terms));
    }
  }

  /** Every output of the model, in order: the intercept, each term's coefficient, r2. */
  public static List<OlsStatistic> outputs(String response, List<String> terms, Resampling resampling) {
    final List<OlsStatistic> out = new ArrayList<>();
    for (String o : outputNames(terms)) {
      out.add(new OlsStatistic(response, terms, o, resampling));
    }
    return out;
  }

  /** The outputs' names: intercept, the terms, r2. */
  public static List<String> outputNames(List<String> terms) {
    final List<String> out = new ArrayList<>();
    out.add(INTERCEPT);
    out.addAll(terms);
    out.add(R2);
    return out;
  }

  /** The model's spelling, {@code ols(y ~ x1 + x2)} (with {@code , resample=residuals} when so). */
  public static String model(String response, List<String> terms, Resampling resampling) {
    return "ols(" + response + " ~ " + String.join(" + ", terms)
        + (resampling == Resampling.RESIDUALS ? ", resample=residuals" : "") + ")";
  }

  /** This output's model: every output of one model shares it, and one fit per resample. */
  public String model() {
    return model(response, terms, resampling);
  }

  /** Which output it is: 0 the intercept, 1..p the terms, p + 1 r2. */
  public int outputIndex() {
    return outputNames(terms).indexOf(output);
  }

  /** {@code ols(y ~ x1 + x2)[x1]}. */
  @Override
  public String name() {
    return model() + "[" + output + "]";
  }

  /** The response, then the terms. */
  @Override
  public List<String> columns() {
    final List<String> out = new ArrayList<>();
    out.add(response);
    out.addAll(terms);
    return out;
  }

  @Override
  public String label() {
    return name();
  }

  /** p + 2 rows: one more than the coefficients, so the residuals have a degree of freedom. */
  @Override
  public int minObservations() {
    return terms.size() + 2;
  }
}
