package dev.chorus.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemberTextTest {

  @Test
  void stripsTheEscapeCharacterOfTerminalSequences() {
    // Given
    var typed = "\u001B[31mred alert\u001B[0m";

    // When
    var cleaned = MemberText.clean(typed);

    // Then
    assertThat(cleaned).isEqualTo("[31mred alert[0m").doesNotContain("\u001B");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u0007", "\u007F", "\u0080", "\u0085", "\u009B", "\u009F", "\b"})
  void stripsControlCharactersIncludingNulDelAndC1(String control) {
    assertThat(MemberText.clean("before" + control + "after")).isEqualTo("beforeafter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
  void stripsBidirectionalOverridesAndIsolates(String bidi) {
    // Given text that would otherwise flip the bot's words around it
    var typed = "I agree" + bidi + "txet desrever";

    // When
    var cleaned = MemberText.clean(typed);

    // Then
    assertThat(cleaned).isEqualTo("I agreetxet desrever");
  }

  @Test
  void stripsTheByteOrderMark() {
    assertThat(MemberText.clean("\uFEFFhello\uFEFF world")).isEqualTo("hello world");
  }

  @Test
  void keepsNewlinesAndUnifiesLineEnds() {
    assertThat(MemberText.clean("first\r\nsecond\rthird\nfourth")).isEqualTo("first\nsecond\nthird\nfourth");
  }

  @Test
  void turnsTabsIntoSpacesAndTrimsTheEnds() {
    assertThat(MemberText.clean("  \tone\ttwo \n")).isEqualTo("one two");
  }

  @Test
  void keepsEmojiJoinedWithZeroWidthJoiners() {
    // Given a family emoji: woman ZWJ woman ZWJ girl
    var family = "👩\u200D👩\u200D👧";

    // When
    var cleaned = MemberText.clean("Our team " + family + " agrees");

    // Then
    assertThat(cleaned).isEqualTo("Our team 👩‍👩‍👧 agrees").contains("\u200D");
  }

  @Test
  void keepsSkinToneModifiersAndVariationSelectors() {
    assertThat(MemberText.clean("👍🏽 ❤️")).isEqualTo("👍🏽 ❤️");
  }

  @Test
  void composesCombiningMarksIntoNfc() {
    // Given "é" typed as e followed by a combining acute accent
    var decomposed = "caf\u0065\u0301";

    // When
    var cleaned = MemberText.clean(decomposed);

    // Then
    assertThat(cleaned).isEqualTo("caf\u00E9");
    assertThat(MemberText.length(cleaned)).isEqualTo(4);
  }

  @Test
  void keepsCombiningMarksThatHaveNoComposedForm() {
    // Given q with a combining dot below: no precomposed character exists
    assertThat(MemberText.clean("q\u0323")).isEqualTo("q\u0323");
  }

  @ParameterizedTest
  @ValueSource(strings = {"我们需要更多时间讨论这个问题", "نحن بحاجة إلى مزيد من الوقت", "אנחנו צריכים עוד זמן", "Ελληνικά και Кириллица"})
  void keepsTextOfEveryScript(String words) {
    assertThat(MemberText.clean(words)).isEqualTo(words);
  }

  @Test
  void keepsRightToLeftTextMixedWithLatin() {
    var mixed = "The policy (السياسة) is fine\nשלום";

    assertThat(MemberText.clean(mixed)).isEqualTo(mixed);
  }

  @Test
  void lengthCountsCodePointsNotUtf16Units() {
    // Given emoji outside the basic plane take two UTF-16 units each
    var thumbs = "👍";
    var family = "👩\u200D👩\u200D👧";

    // Then
    assertThat(thumbs.length()).isEqualTo(2);
    assertThat(MemberText.length(thumbs)).isEqualTo(1);
    assertThat(family.length()).isEqualTo(8);
    assertThat(MemberText.length(family)).isEqualTo(5);
    assertThat(MemberText.length("héllo 世界")).isEqualTo(8);
    assertThat(MemberText.length("")).isZero();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"\u00A0", "\u200B", "\u0301", " \u2003 \u200B\u00A0 ", "\u200D\uFE0F"})
  void textThatShowsNothingIsEmpty(String invisible) {
    assertThat(MemberText.clean(invisible)).isEmpty();
  }

  @Test
  void aDisplayNameIsCleanedOntoOneLineAndNeverEmpty() {
    assertThat(MemberText.name("Eve\u0000\u001b[31m\u202eevil\nname")).isEqualTo("Eve[31mevil name");
    assertThat(MemberText.name("\u200B")).isEqualTo("a member");
  }
}
