package org.parboot.scheme;

/**
 * The block length of a block scheme: chosen from the data ({@link Auto}, the default), or given
 * ({@link Fixed}).
 */
public sealed interface BlockLength {

  /**
   * Politis and White's (2004) automatic choice, with the correction of Patton, Politis and White
   * (2009), computed as arch's {@code optimal_block_length} does, from each column the statistics
   * read (the largest wins).
   */
  record Auto() implements BlockLength {
    @Override
    public String toString() {
      return "auto";
    }
  }

  /**
   * A given length: at least 1, and at most the number of rows (checked when the run starts).
   *
   * @param length L
   */
  record Fixed(int length) implements BlockLength {
    public Fixed {
      if (length < 1) {
        throw new org.parboot.InvalidSettingException("blockLength", Integer.toString(length),
            "is out of range", "a whole number from 1 to the number of rows, or auto");
      }
    }

    @Override
    public String toString() {
      return Integer.toString(length);
    }
  }

  /** The automatic length. */
  static BlockLength auto() {
    return new Auto();
  }

  /** A given length L (at least 1). */
  static BlockLength of(int length) {
    return new Fixed(length);
  }
}
