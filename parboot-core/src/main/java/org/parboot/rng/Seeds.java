package org.parboot.rng;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Every seed parboot derives, in one place: each is a documented pure function of the run's seed
 * and of where it is used, so that any part of a run (a group, a sample of a comparison, an inner
 * resample) can be repeated on its own, bit for bit. None involves a JDK hash or
 * {@code java.util.random}: the derivations are the same on every JVM and release.
 *
 * <table>
 *   <caption>Derivations</caption>
 *   <tr><th>what</th><th>value</th></tr>
 *   <tr><td>resample b's stream</td><td>{@link ResampleStreams#streamState streamState(seed, b)}
 *       {@code = mix64(seed + (b + 1) gamma)}</td></tr>
 *   <tr><td>a group of a batch, a sample of a comparison</td><td>{@link #group}: FNV-1a 64 of
 *       {@code file 0x00 group}, then {@code mix64(seed + mix64(h) gamma) >>> 11}</td></tr>
 *   <tr><td>inner resample j of resample b (the studentized interval's nested bootstrap)</td>
 *       <td>{@link #inner}: {@code streamState(mix64(streamState(seed, b) ^ INNER_SALT), j)}</td></tr>
 *   <tr><td>round r's key of the balanced scheme's permutation</td><td>{@link #balancedKey}:
 *       {@code streamState(seed, -1 - r)}, start states no resample uses</td></tr>
 *   <tr><td>the Bag of Little Bootstraps' subset j (Spark module): row i's key, output i of the stream
 *       starting at</td><td>{@link #blbSubset}: {@code streamState(mix64(seed ^ BLB_SALT), j)}</td></tr>
 *   <tr><td>resample k of subset j</td><td>{@link #blbResample}:
 *       {@code streamState(mix64(blbSubset(seed, j) ^ INNER_SALT), k)}</td></tr>
 *   <tr><td>a seed nobody gave</td><td>{@link #drawn}: 53 random bits</td></tr>
 * </table>
 *
 * <p>Derived and drawn seeds have 53 bits, so they survive JSON readers that parse numbers as
 * doubles (jq, JavaScript) and a printed seed repeats its run exactly.
 */
public final class Seeds {
  /** Separates the inner streams from the outer ones (the 64-bit fractional part of √2). */
  static final long INNER_SALT = 0x6a09e667f3bcc908L;
  /** Separates the Bag of Little Bootstraps' subset streams (the 64-bit fractional part of √3). */
  static final long BLB_SALT = 0xbb67ae8584caa73bL;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Seeds() {}

  /**
   * The seed that group {@code group} of file {@code file} runs with under the run's seed (a
   * grouped run; also each sample of a comparison):
   * <pre>
   *   key     = UTF-8 bytes of file, one 0x00 byte, UTF-8 bytes of group
   *   h       = FNV-1a 64 of key   (offset basis 0xcbf29ce484222325, prime 0x100000001b3)
   *   derived = mix64(seed + mix64(h) * GOLDEN_GAMMA) &gt;&gt;&gt; 11
   * </pre>
   * {@code file} is the file's name as the batch names it (the command line uses the last path
   * component); a run without groups uses the group {@code ""}. To repeat one group alone,
   * {@code parboot run FILE --where COLUMN=GROUP --seed DERIVED} gives bit-identical replicates.
   */
  public static long group(long seed, String file, String group) {
    long h = FNV_OFFSET;
    h = fnv(h, file.getBytes(StandardCharsets.UTF_8));
    h = (h ^ 0) * FNV_PRIME; // the 0x00 separator
    h = fnv(h, group.getBytes(StandardCharsets.UTF_8));
    return ResampleStreams.mix64(seed + ResampleStreams.mix64(h) * ResampleStreams.GOLDEN_GAMMA) >>> 11;
  }

  /**
   * The initial stream state of inner resample {@code j} of resample {@code b}:
   * {@code streamState(mix64(streamState(seed, b) ^ INNER_SALT), j)}, with
   * {@code INNER_SALT = 0x6a09e667f3bcc908}.
   */
  public static long inner(long seed, long b, long j) {
    return ResampleStreams.streamState(ResampleStreams.mix64(ResampleStreams.streamState(seed, b) ^ INNER_SALT), j);
  }

  /**
   * The initial stream state of the Bag of Little Bootstraps' subset {@code j}: row i's key is the
   * stream's output i, {@code mix64(state + (i + 1) gamma)}, and the subset is the rows with the
   * smallest keys. {@code streamState(mix64(seed ^ BLB_SALT), j)}, with
   * {@code BLB_SALT = 0xbb67ae8584caa73b}.
   */
  public static long blbSubset(long seed, long j) {
    return ResampleStreams.streamState(ResampleStreams.mix64(seed ^ BLB_SALT), j);
  }

  /**
   * The initial stream state of resample {@code k} of the Bag of Little Bootstraps' subset
   * {@code j}: {@code streamState(mix64(blbSubset(seed, j) ^ INNER_SALT), k)}.
   */
  public static long blbResample(long seed, long j, long k) {
    return ResampleStreams.streamState(ResampleStreams.mix64(blbSubset(seed, j) ^ INNER_SALT), k);
  }

  /** The key of round {@code round} of the balanced scheme's permutation: {@code streamState(seed, -1 - round)}. */
  public static long balancedKey(long seed, int round) {
    return ResampleStreams.streamState(seed, -1L - round);
  }

  /** A seed for a run nobody gave one: 53 bits from {@link SecureRandom}. */
  public static long drawn() {
    return new SecureRandom().nextLong() >>> 11;
  }

  private static long fnv(long h, byte[] bytes) {
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return h;
  }
}
