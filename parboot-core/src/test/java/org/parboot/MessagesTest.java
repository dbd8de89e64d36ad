package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void escape_controlAndDirectionCharacters_neverRaw() {
    final String hostile = "a\u001b]0;owned\u0007b\u001b[31mc\u009bd\u202ee\n\t\r\u007f";
    final String shown = Messages.escape(hostile);
    assertThat(shown).isEqualTo("a\\u001b]0;owned\\u0007b\\u001b[31mc\\u009bd\\u202ee\\n\\t\\r\\u007f");
    assertThat(shown.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e);
  }

  @Test
  void escape_plainText_unchanged() {
    assertThat(Messages.escape("temp_max (°C), Zürich")).isEqualTo("temp_max (°C), Zürich");
  }

  @Test
  void quote_longValue_cutToSixtyCharacters() {
    final String shown = Messages.quote("x".repeat(1_000_000));
    assertThat(shown).isEqualTo("'" + "x".repeat(Messages.MAX_VALUE_CHARS) + "...'");
  }

  @Test
  void list_hundredThousandItems_twentyShownAndTheRestCounted() {
    final List<String> names = IntStream.range(0, 100_000).mapToObj(i -> "c" + i).toList();
    final String shown = Messages.list(names);
    assertThat(shown).startsWith("c0, c1, ").endsWith("c19, ... and 99,980 more");
    assertThat(shown.length()).isLessThan(200);
  }

  @Test
  void list_fewItems_allShownWithTheGivenQuoting() {
    assertThat(Messages.list(List.of("a", "b\u001b"), Messages::quote)).isEqualTo("'a', 'b\\u001b'");
    assertThat(Messages.list(List.of())).isEmpty();
  }
}
