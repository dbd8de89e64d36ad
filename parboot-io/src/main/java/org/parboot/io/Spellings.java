package org.parboot.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.parboot.InvalidInputException;
import org.parboot.Messages;

/** Command-line spellings of this package's enums: the constant's name in lower case. */
final class Spellings {
  private Spellings() {}

  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant spelled {@code text} (case and surrounding blanks ignored).
   *
   * @throws InvalidInputException naming {@code option}, the text and the accepted spellings
   */
  static <E extends Enum<E>> E parse(E[] values, String option, String text) {
    final String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (E e : values) {
      if (of(e).equals(wanted)) {
        return e;
      }
    }
    throw new InvalidInputException("unknown " + option + " " + Messages.quote(text) + "; accepted: "
        + Arrays.stream(values).map(Spellings::of).collect(Collectors.joining(", ")));
  }
}
