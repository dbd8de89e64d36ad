package org.parboot.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Pieces of the one-line messages this package puts in its exceptions. */
final class Messages {
  private static final int MAX_VALUE_CHARS = 60;

  private Messages() {}

  /**
   * The text in single quotes, on one line: control characters escaped (a quoted cell may hold a
   * line break) and anything past 60 characters cut to "...".
   */
  static String quote(String text) {
    final StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_VALUE_CHARS) + 5).append('\'');
    final int end = Math.min(text.length(), MAX_VALUE_CHARS);
    for (int i = 0; i < end; i++) {
      final char c = text.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    if (text.length() > end) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }

  /** Why an I/O operation failed, in words, without repeating the path. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
