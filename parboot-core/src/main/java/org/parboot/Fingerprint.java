package org.parboot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.parboot.data.Dataset;
import org.parboot.stat.Statistic;

/**
 * What makes a run's replicates what they are, so that saved replicates can be extended
 * ({@link Bootstrap#extend}) or summarised again only with the run that made them: the data (a
 * SHA-256 of the columns the statistics read, their names and every value's bits), the statistics,
 * the scheme (with its block length), the seed, the random stream algorithm and the summation
 * layout, and the weights column. Not B, the executor or the intervals: those change no replicate.
 *
 * @param data {@code sha256:} and the first 16 bytes of the digest, in hex
 * @param rows the data's rows
 * @param statistics the statistics' labels, in order
 * @param scheme the resampler's name, e.g. {@code stationary(L=73.02, auto)}
 * @param seed the seed
 * @param rng {@link org.parboot.rng.ResampleStreams#ALGORITHM}
 * @param layout the summation layout
 * @param weights the weights column, or {@code ""} for none
 */
public record Fingerprint(String data, int rows, List<String> statistics, String scheme, long seed, String rng,
    String layout, String weights) {

  public Fingerprint {
    Objects.requireNonNull(data, "data");
    statistics = List.copyOf(statistics);
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(rng, "rng");
    Objects.requireNonNull(layout, "layout");
    weights = weights == null ? "" : weights;
  }

  /** The fingerprint of a run of {@code statistics} over {@code data} whose resampler is named {@code scheme}. */
  public static Fingerprint of(Dataset data, List<? extends Statistic> statistics, BootstrapOptions options,
      String scheme) {
    return new Fingerprint(digest(data, statistics, options.weights()), data.rows(),
        statistics.stream().map(Statistic::label).toList(), scheme, options.seed(),
        org.parboot.rng.ResampleStreams.ALGORITHM, org.parboot.eval.EvaluationPlan.LAYOUT, options.weights());
  }

  /** {@code sha256:} and 32 hex digits of the columns read (names, then every value's bits, row by row per column). */
  public static String digest(Dataset data, List<? extends Statistic> statistics, String weights) {
    final List<String> columns = Statistic.columnsRead(statistics, weights);
    final MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    final ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
    for (String c : columns) {
      sha.update(c.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      for (double v : data.column(c)) {
        if (!buf.hasRemaining()) {
          sha.update(buf.array(), 0, buf.position());
          buf.clear();
        }
        buf.putDouble(v);
      }
      sha.update(buf.array(), 0, buf.position());
      buf.clear();
    }
    return "sha256:" + HexFormat.of().formatHex(sha.digest(), 0, 16);
  }

  /**
   * What differs between the fingerprint a file was made with ({@code this}) and {@code now}'s,
   * one phrase per item (empty when they match), e.g. {@code seed: the file's 41, this run's 42}.
   */
  public List<String> differences(Fingerprint now) {
    final List<String> out = new ArrayList<>();
    if (!data.equals(now.data) || rows != now.rows) {
      out.add("data: the file's " + data + " (" + rows + " rows), this run's " + now.data + " (" + now.rows + " rows)");
    }
    if (!statistics.equals(now.statistics)) {
      out.add("statistics: the file's " + String.join(", ", statistics) + ", this run's "
          + String.join(", ", now.statistics));
    }
    if (!scheme.equals(now.scheme)) {
      out.add("scheme: the file's " + scheme + ", this run's " + now.scheme);
    }
    if (seed != now.seed) {
      out.add("seed: the file's " + seed + ", this run's " + now.seed);
    }
    if (!rng.equals(now.rng) || !layout.equals(now.layout)) {
      out.add("random streams: the file's " + rng + "/" + layout + ", this run's " + now.rng + "/" + now.layout);
    }
    if (!weights.equals(now.weights)) {
      out.add("weights: the file's " + (weights.isEmpty() ? "none" : weights) + ", this run's "
          + (now.weights.isEmpty() ? "none" : now.weights));
    }
    return out;
  }
}
