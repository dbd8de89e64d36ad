package org.parboot;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Function;

/**
 * How parboot shows text that came from outside (file names, header names, cell values, option
 * values) inside its one-line messages and tables: on one line, with control characters escaped
 * so that nothing from the data reaches a terminal raw (an ESC or OSC sequence in a header name
 * could otherwise recolour the terminal or set its title), shortened when long, and lists cut
 * after {@value #MAX_LIST_ITEMS} entries.
 *
 * <pre>{@code
 * Messages.quote("temp\u001b[31m")              // 'temp\u001b[31m' (the ESC as the six characters \u001b)
 * Messages.list(List.of("a", "b"), Messages::quote)   // 'a', 'b'
 * Messages.list(hundredThousandNames)             // a, b, ... (20 names), ... and 99,980 more
 * }</pre>
 */
public final class Messages {
  /** Characters of one value kept in a message; the rest becomes "...". */
  public static final int MAX_VALUE_CHARS = 60;
  /** Entries of a list kept in a message; the rest becomes "... and N more". */
  public static final int MAX_LIST_ITEMS = 20;

  private Messages() {}

  /**
   * The text on one line, every control character escaped: {@code \n}, {@code \r}, {@code \t} as
   * those two-character escapes, every other C0 or C1 control character and DEL as
   * {@code \}{@code uXXXX}, and the Unicode direction overrides and isolates (U+202A..U+202E,
   * U+2066..U+2069), which can reorder what a terminal shows, likewise. Nothing else changes; the
   * length is not limited.
   */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    final StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      appendEscaped(sb, text.charAt(i));
    }
    return sb.toString();
  }

  /**
   * The text escaped as {@link #escape} and cut to its first {@code max} characters followed by
   * "...", when longer.
   */
  public static String shorten(String text, int max) {
    if (text == null) {
      return "null";
    }
    final int end = Math.min(text.length(), Math.max(0, max));
    final StringBuilder sb = new StringBuilder(end + 8);
    for (int i = 0; i < end; i++) {
      appendEscaped(sb, text.charAt(i));
    }
    if (text.length() > end) {
      sb.append("...");
    }
    return sb.toString();
  }

  /** The text {@link #shorten shortened} to {@value #MAX_VALUE_CHARS} characters, in single quotes. */
  public static String quote(String text) {
    return "'" + shorten(text, MAX_VALUE_CHARS) + "'";
  }

  /**
   * The items joined by ", ", each {@link #shorten shortened} to {@value #MAX_VALUE_CHARS}
   * characters; after {@value #MAX_LIST_ITEMS} items the rest are counted ("... and 99,980 more").
   */
  public static String list(Collection<String> items) {
    return list(items, s -> shorten(s, MAX_VALUE_CHARS));
  }

  /**
   * The items joined by ", ", each shown by {@code show} (which must make it safe, e.g.
   * {@link #quote}); after {@value #MAX_LIST_ITEMS} items the rest are counted.
   */
  public static String list(Collection<String> items, Function<String, String> show) {
    final StringBuilder sb = new StringBuilder();
    final Iterator<String> it = items.iterator();
    int shown = 0;
    while (it.hasNext() && shown < MAX_LIST_ITEMS) {
      if (shown > 0) {
        sb.append(", ");
      }
      sb.append(show.apply(it.next()));
      shown++;
    }
    final int rest = items.size() - shown;
    if (rest > 0) {
      sb.append(", ... and ").append(String.format(Locale.ROOT, "%,d", rest)).append(" more");
    }
    return sb.toString();
  }

  /**
   * Why an I/O operation failed, in words and without the path (which the message names
   * already): "no such file or directory", "permission denied", or the system's reason ("No space
   * left on device", "File name too long"), escaped.
   */
  public static String reason(java.io.IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return escape(f.getReason());
    }
    return escape(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }

  private static void appendEscaped(StringBuilder sb, char c) {
    switch (c) {
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      default -> {
        if (needsEscape(c)) {
          sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
  }
}
