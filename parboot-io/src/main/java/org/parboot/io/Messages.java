package org.parboot.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Collection;
import java.util.function.Function;

/**
 * Pieces of the one-line messages this package puts in its exceptions. Outside text (file names,
 * header names, cells, option values) is shown through {@link org.parboot.Messages}: escaped,
 * shortened, lists cut after {@value org.parboot.Messages#MAX_LIST_ITEMS} entries.
 */
final class Messages {
  private Messages() {}

  /** The text in single quotes, as {@link org.parboot.Messages#quote}. */
  static String quote(String text) {
    return org.parboot.Messages.quote(text);
  }

  /** The text with control characters escaped, as {@link org.parboot.Messages#escape}; not shortened. */
  static String escape(String text) {
    return org.parboot.Messages.escape(text);
  }

  /** The items, each shortened, the first 20 only, as {@link org.parboot.Messages#list(Collection)}. */
  static String list(Collection<String> items) {
    return org.parboot.Messages.list(items);
  }

  /** The items, each shown by {@code show}, the first 20 only, as {@link org.parboot.Messages#list(Collection, Function)}. */
  static String list(Collection<String> items, Function<String, String> show) {
    return org.parboot.Messages.list(items, show);
  }

  /** Why an I/O operation failed, in words, without repeating the path; escaped, as it may hold a file name. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return org.parboot.Messages.escape(fse.getReason());
    }
    return org.parboot.Messages.escape(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
  }
}
