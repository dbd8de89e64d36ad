package org.parboot.scheme;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.parboot.InvalidSettingException;

/**
 * How a resample's rows are drawn. Every scheme keeps the reproducibility contract: resample b is
 * a pure function of (seed, b), so one seed gives the same bits on any executor and thread count;
 * each resampler documents its exact draw order.
 *
 * <pre>{@code
 * Scheme.iid()                                   // Efron's bootstrap (the default)
 * Scheme.iid().withStrata("location")            // within the strata of a label column
 * new Scheme.Stationary(BlockLength.auto())      // time series, automatic mean block length
 * new Scheme.CircularBlock(BlockLength.of(30))
 * }</pre>
 *
 * <p>The jackknife that BCa uses for its acceleration is the ordinary leave-one-out jackknife
 * under every scheme, as in SciPy and arch (which also use it for their block bootstraps).
 */
public sealed interface Scheme {

  /** The scheme's name on the command line and in results, without its parameters. */
  String spelling();

  /**
   * Efron's bootstrap: n rows drawn uniformly with replacement; with strata, every row is replaced
   * by a row of its own stratum (R boot's {@code strata}), so each resample keeps every stratum's
   * size.
   *
   * @param strata the label column whose values are the strata, or null for none
   */
  record Iid(String strata) implements Scheme {
    public Iid {
      if (strata != null) {
        strata = strata.strip();
        if (strata.isEmpty()) {
          throw new InvalidSettingException("strata", "''", "needs a column name",
              "the name of a label column, e.g. location");
        }
      }
    }

    /** This scheme within the strata of {@code column}. */
    public Iid withStrata(String column) {
      return new Iid(Objects.requireNonNull(column, "column"));
    }

    @Override
    public String spelling() {
      return "iid";
    }
  }

  /** Künsch's moving-block bootstrap: blocks of L consecutive rows, none wrapping. */
  record MovingBlock(BlockLength length) implements Scheme {
    public MovingBlock {
      Objects.requireNonNull(length, "length");
    }

    @Override
    public String spelling() {
      return "moving-block";
    }
  }

  /** Politis and Romano's circular-block bootstrap: blocks of L rows that wrap from the last row to the first. */
  record CircularBlock(BlockLength length) implements Scheme {
    public CircularBlock {
      Objects.requireNonNull(length, "length");
    }

    @Override
    public String spelling() {
      return "circular-block";
    }
  }

  /** Politis and Romano's stationary bootstrap: wrapping blocks of geometric length, mean L. */
  record Stationary(BlockLength length) implements Scheme {
    public Stationary {
      Objects.requireNonNull(length, "length");
    }

    @Override
    public String spelling() {
      return "stationary";
    }
  }

  /** Each row appears Poisson(1) times: a frequency-weighted resample of variable size. */
  record Poisson() implements Scheme {
    @Override
    public String spelling() {
      return "poisson";
    }
  }

  /** Every row appears exactly B times over all resamples, as R boot's {@code sim = "balanced"}. */
  record Balanced() implements Scheme {
    @Override
    public String spelling() {
      return "balanced";
    }
  }

  /** The default: iid, no strata. */
  static Iid iid() {
    return new Iid(null);
  }

  /** Every spelling, in order. */
  List<String> SPELLINGS = List.of("iid", "moving-block", "circular-block", "stationary", "poisson", "balanced");

  /**
   * The scheme spelled {@code spelling} (case and surrounding blanks ignored) with {@code length}
   * for the block schemes.
   *
   * @throws InvalidSettingException naming the setting {@code scheme} and the accepted spellings,
   *     or {@code blockLength} when a given length does not apply to the scheme
   */
  static Scheme of(String spelling, BlockLength length) {
    final String s = spelling.strip().toLowerCase(java.util.Locale.ROOT);
    final Scheme scheme = switch (s) {
      case "iid" -> iid();
      case "moving-block" -> new MovingBlock(length);
      case "circular-block" -> new CircularBlock(length);
      case "stationary" -> new Stationary(length);
      case "poisson" -> new Poisson();
      case "balanced" -> new Balanced();
      default -> throw new InvalidSettingException("scheme", org.parboot.Messages.quote(spelling), "is unknown",
          SPELLINGS.stream().collect(Collectors.joining(", ")));
    };
    if (length instanceof BlockLength.Fixed f && !(scheme.blockLength() instanceof BlockLength.Fixed)) {
      throw new InvalidSettingException("blockLength", Integer.toString(f.length()), "does not apply to the "
          + scheme.spelling() + " scheme", "a block length with the moving-block, circular-block or stationary scheme");
    }
    return scheme;
  }

  /** The block length of a block scheme; null for the others. */
  default BlockLength blockLength() {
    return switch (this) {
      case MovingBlock m -> m.length();
      case CircularBlock c -> c.length();
      case Stationary st -> st.length();
      default -> null;
    };
  }

  /** The strata column of an iid scheme with strata; null otherwise. */
  default String strata() {
    return this instanceof Iid i ? i.strata() : null;
  }
}
