package dev.chorus.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCutsTest {

  @Test
  void aClipNeverEndsInHalfACharacter() {
    var clipped = TextCuts.clip("a" + "😀".repeat(40), 45);
    assertThat(clipped.length()).isLessThanOrEqualTo(45);
    assertThat(Character.isHighSurrogate(clipped.charAt(clipped.length() - 2))).isFalse();
    assertThat(clipped).endsWith("…");
  }

  @Test
  void aQuoteStaysAQuoteInEveryPartAndLinesAreCutFirst() {
    var parts = TextCuts.cut("> " + "word ".repeat(30) + "\n> " + "more ".repeat(30), 100, (text, at) -> at);
    assertThat(parts).allMatch(part -> part.startsWith("> ") && part.length() <= 100);
    assertThat(String.join(" ", parts).replace("> ", "").replaceAll("\\s+", " ").strip())
        .isEqualTo(("word ".repeat(30) + "more ".repeat(30)).strip());
  }
}
