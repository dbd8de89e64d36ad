package org.parboot.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a duration as people type it: a positive number and a unit ({@code 250ms}, {@code 30s},
 * {@code 1.5m}, {@code 1h}), or ISO-8601 ({@code PT30S}). picocli reports a bad value as a usage
 * error naming the option (exit 2).
 */
final class Durations implements ITypeConverter<Duration> {
  static final String ACCEPTED = "a positive number with a unit ms, s, m or h (250ms, 30s, 5m, 1h) or ISO-8601 (PT30S)";
  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /**
   * The duration {@code text} stands for.
   *
   * @throws TypeConversionException if it is not one of the accepted forms, or not positive
   */
  static Duration parse(String text) {
    final String s = text.strip().toLowerCase(Locale.ROOT);
    Duration d = null;
    final Matcher m = SIMPLE.matcher(s);
    if (m.matches()) {
      final double nanosPerUnit = switch (m.group(2)) {
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      final double nanos = Double.parseDouble(m.group(1)) * nanosPerUnit;
      if (nanos < 1e18) { // about 31 years: beyond that, a mistake
        d = Duration.ofNanos(Math.round(nanos));
      }
    } else if (s.startsWith("pt") || s.startsWith("p")) {
      try {
        d = Duration.parse(s.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        d = null;
      }
    }
    if (d == null || d.isNegative() || d.isZero()) {
      throw new TypeConversionException("'" + text + "' is not a positive duration; accepted: " + ACCEPTED);
    }
    return d;
  }
}
