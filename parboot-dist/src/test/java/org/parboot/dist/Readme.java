package org.parboot.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Blocks of README.md that tests use as they are, so the README shows what is tested: the block
 * that follows a line {@code <!-- separate-project: NAME ...-->}.
 */
final class Readme {
  private Readme() {}

  static String block(Path readme, String name) throws IOException {
    final List<String> lines = Files.readAllLines(readme);
    final String marker = "<!-- separate-project: " + name + " ";
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(marker)) {
        if (!lines.get(i + 1).startsWith("```")) {
          throw new IllegalStateException("README.md:" + (i + 2) + ": expected a ``` fence after " + marker);
        }
        final StringBuilder out = new StringBuilder();
        for (int j = i + 2; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
          out.append(lines.get(j)).append('\n');
        }
        return out.toString();
      }
    }
    throw new IllegalStateException("README.md has no block marked " + marker);
  }
}
