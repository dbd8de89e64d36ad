package org.parboot.batch;

import java.nio.charset.StandardCharsets;
import org.parboot.rng.ResampleStreams;

/**
 * The seed each group of a batch runs with: a documented pure function of (batch seed, file,
 * group), so that a group's result equals running that group alone with its derived seed.
 *
 * <h2>The function</h2>
 * <pre>
 *   key     = UTF-8 bytes of file, one 0x00 byte, UTF-8 bytes of group
 *   h       = FNV-1a 64 of key   (offset basis 0xcbf29ce484222325, prime 0x100000001b3)
 *   derived = mix64(seed + mix64(h) * GOLDEN_GAMMA) &gt;&gt;&gt; 11
 * </pre>
 * with {@link ResampleStreams#mix64} SplitMix64's finaliser and {@link ResampleStreams#GOLDEN_GAMMA}.
 * The result has 53 bits, like a drawn seed, so it survives JSON readers that parse numbers as
 * doubles. Neither {@code String.hashCode} nor any JDK hash is involved: the derivation is the same
 * on every JVM and release. {@code file} is the file's name as the batch names it (the command
 * line uses the last path component, so {@code ./a.csv} and {@code data/a.csv} give the same
 * seeds); a run without groups uses the group {@code ""}.
 *
 * <p>To repeat one group alone: {@code parboot run FILE --where COLUMN=GROUP --seed DERIVED}
 * gives bit-identical replicates (the output of a batch shows every group's derived seed).
 */
public final class GroupSeeds {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private GroupSeeds() {}

  /** The seed group {@code group} of file {@code file} runs with under the batch seed {@code seed}. */
  public static long derive(long seed, String file, String group) {
    long h = FNV_OFFSET;
    h = fnv(h, file.getBytes(StandardCharsets.UTF_8));
    h = (h ^ 0) * FNV_PRIME; // the 0x00 separator
    h = fnv(h, group.getBytes(StandardCharsets.UTF_8));
    return ResampleStreams.mix64(seed + ResampleStreams.mix64(h) * ResampleStreams.GOLDEN_GAMMA) >>> 11;
  }

  private static long fnv(long h, byte[] bytes) {
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return h;
  }
}
