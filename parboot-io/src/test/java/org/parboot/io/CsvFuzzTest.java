package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;

/**
 * Seeded fuzzing of the CSV reader (its file entry point for every 20th case, the same decoder
 * over bytes otherwise): 4,000 inputs of random bytes,
 * quotes, delimiters, byte order marks, CR/LF/CRLF mixes, numbers and junk, ragged rows and
 * invalid UTF-8, read with random columns, delimiters, missing-cell policies and row filters.
 * Every file either loads into a {@link Dataset} whose columns are finite and of equal length,
 * or is refused with the documented {@link InvalidInputException} (one line, naming the file);
 * no other exception. A failure prints the case number and bytes, so it can be replayed.
 */
class CsvFuzzTest {

  private static final long SEED = 0xc5f_f022L;
  private static final int CASES = 4_000;

  private static final String[] HEADERS = {"x", "y", "z", "\"x\"", " x ", "X", "", "\"x,y\"", "x\"", "\uFEFFx", "NA"};
  private static final String[] CELLS = {"1", "-2.5", "+3", ".5", "1.", "1e3", "-1E-3", "1e999", "-1e999", "0x10",
      "1,5", "1d", "NaN", "nan", "NA", "null", "", " ", " 4 ", "Infinity", "\"7\"", "\"8,9\"", "\"a\"\"b\"", "\"",
      "\"\"", "\"1\n2\"", "abc", "\u00e9", "--1", "1e", "e1", "9".repeat(400), "0.1e-400", "\"x"};
  private static final String[] ENDINGS = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"};
  private static final char[] DELIMS = {',', ';', '\t', '|', ' '};

  @TempDir
  Path dir;

  @Test
  void read_fuzzedFiles_datasetOrDocumentedError() throws IOException {
    final SplittableRandom rnd = new SplittableRandom(SEED);
    final Path file = dir.resolve("fuzz.csv");
    final List<String> failures = new ArrayList<>();
    int loaded = 0;
    for (int i = 0; i < CASES; i++) {
      final char delim = rnd.nextInt(5) == 0 ? DELIMS[rnd.nextInt(DELIMS.length)] : ',';
      final byte[] bytes = rnd.nextInt(12) == 0 ? randomBytes(rnd) : csv(rnd, delim);
      final List<String> columns = switch (rnd.nextInt(4)) {
        case 0 -> List.of("x", "y");
        case 1 -> List.of("y");
        default -> List.of("x");
      };
      final CsvOptions options = new CsvOptions(rnd.nextInt(6) == 0 ? DELIMS[rnd.nextInt(DELIMS.length)] : delim,
          rnd.nextBoolean() ? MissingPolicy.DROP : MissingPolicy.ERROR,
          rnd.nextInt(8) == 0 ? List.of(new RowFilter("z", "1")) : List.of());
      try {
        final Dataset d;
        if (i % 20 == 0) { // the file entry point (and its decoder) now and then; the same reader otherwise
          Files.write(file, bytes);
          d = CsvColumns.read(file, columns, options);
        } else {
          try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            d = CsvColumns.read(r, file.toString(), columns, options);
          }
        }
        for (String c : columns) {
          final double[] v = d.column(c);
          for (double x : v) {
            if (!Double.isFinite(x)) {
              failures.add(describe(i, bytes) + ": loaded a non-finite value " + x);
            }
          }
          if (v.length != d.rows()) {
            failures.add(describe(i, bytes) + ": ragged dataset");
          }
        }
        loaded++;
      } catch (InvalidInputException e) {
        final String m = e.getMessage();
        if (m == null || m.contains("\n") || !m.startsWith(file.toString())) {
          failures.add(describe(i, bytes) + ": undocumented message: " + m);
        }
      } catch (IOException | RuntimeException | StackOverflowError e) {
        failures.add(describe(i, bytes) + ": " + e);
      }
    }
    assertThat(failures).as("seed %x", SEED).isEmpty();
    assertThat(loaded).as("cases that loaded").isGreaterThan(CASES / 10);
  }

  private static String describe(int i, byte[] bytes) {
    final String text = new String(bytes, StandardCharsets.UTF_8);
    return "case " + i + " [" + (text.length() > 200 ? text.substring(0, 200) + "..." : text)
        .replace("\n", "\\n").replace("\r", "\\r") + "]";
  }

  private static byte[] randomBytes(SplittableRandom rnd) {
    final byte[] b = new byte[rnd.nextInt(200)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (rnd.nextInt(3) == 0 ? "x,\n\"1;\r".charAt(rnd.nextInt(7)) : rnd.nextInt(256));
    }
    return b;
  }

  private static byte[] csv(SplittableRandom rnd, char delim) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (rnd.nextInt(8) == 0) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    final int width = 1 + rnd.nextInt(4);
    final StringBuilder s = new StringBuilder();
    for (int c = 0; c < width; c++) {
      if (c > 0) {
        s.append(delim);
      }
      s.append(rnd.nextInt(6) == 0 ? HEADERS[rnd.nextInt(HEADERS.length)] : "xyz".substring(c % 3, c % 3 + 1));
    }
    final String ending = ENDINGS[rnd.nextInt(ENDINGS.length)];
    s.append(ending);
    final int rows = rnd.nextInt(30);
    for (int r = 0; r < rows; r++) {
      final int fields = rnd.nextInt(10) == 0 ? rnd.nextInt(width + 3) : width;
      for (int f = 0; f < fields; f++) {
        if (f > 0) {
          s.append(delim);
        }
        s.append(rnd.nextInt(25) == 0 ? CELLS[rnd.nextInt(CELLS.length)] : Double.toString(rnd.nextGaussian() * 10));
      }
      s.append(rnd.nextInt(6) == 0 ? ENDINGS[rnd.nextInt(ENDINGS.length)] : ending);
    }
    if (rnd.nextInt(6) == 0 && s.length() > 0) {
      s.setLength(rnd.nextInt(s.length())); // cut anywhere, even inside a quoted field
    }
    out.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
    if (rnd.nextInt(10) == 0) {
      out.write(0xC3); // a truncated two-byte sequence: invalid UTF-8
    }
    return out.toByteArray();
  }
}
