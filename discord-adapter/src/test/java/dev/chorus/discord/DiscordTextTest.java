package dev.chorus.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscordTextTest {

  @Test
  void aCutNeverSplitsAnEscapeACharacterOrAnAtFromItsSpace() {
    var random = new SplittableRandom(5);
    var alphabet = new String[] {"\\", "@", "*", "a", " ", "😀", "`", "<", "\n"};
    for (int round = 0; round < 2_000; round++) {
      var words = new StringBuilder();
      for (int i = 0; i < 1 + random.nextInt(40); i++) {
        words.append(alphabet[random.nextInt(alphabet.length)]);
      }
      var text = DiscordText.neutral(words.toString());
      for (int at = 1; at < text.length(); at++) {
        int cut = DiscordText.safeCut(text, at);
        assertThat(cut).isBetween(0, at);
        var head = text.substring(0, cut);
        var tail = text.substring(cut);
        int trailing = 0;
        while (trailing < head.length() && head.charAt(head.length() - 1 - trailing) == '\\') {
          trailing++;
        }
        assertThat(trailing % 2).as("an escape cut from its character in %s at %d", text, at).isZero();
        assertThat(tail.isEmpty() || !Character.isLowSurrogate(tail.charAt(0))).isTrue();
        assertThat(tail.isEmpty() || tail.charAt(0) != DiscordText.ZERO_WIDTH_SPACE).isTrue();
      }
    }
  }

  @Test
  void anEscapedBackslashBeforeAnAtStaysWhole() {
    var text = DiscordText.neutral("a\\@");
    assertThat(text).isEqualTo("a\\\\@\u200B");
    assertThat(text.substring(0, DiscordText.safeCut(text, 4))).isEqualTo("a\\\\");
  }
}
