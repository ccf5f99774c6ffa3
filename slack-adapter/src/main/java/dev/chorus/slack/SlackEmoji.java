package dev.chorus.slack;

import java.util.Map;
import java.util.Optional;

/**
 * Slack's emoji names as the Unicode emoji Chorus's core knows, and back. Slack names a reaction
 * ({@code +1}, {@code thumbsup}, {@code +1::skin-tone-3}) where other platforms send the emoji itself,
 * so the translation stays here and the core sees one kind of reaction from every platform.
 */
final class SlackEmoji {
  private SlackEmoji() {}

  /** Every name (and alias) Slack may send for an emoji that can be a vote. */
  private static final Map<String, String> UNICODE = Map.ofEntries(
      Map.entry("+1", "👍"), Map.entry("thumbsup", "👍"), Map.entry("thumbs_up", "👍"),
      Map.entry("-1", "👎"), Map.entry("thumbsdown", "👎"), Map.entry("thumbs_down", "👎"),
      Map.entry("shrug", "🤷"), Map.entry("person_shrugging", "🤷"),
      Map.entry("man-shrugging", "🤷\u200D♂️"), Map.entry("man_shrugging", "🤷\u200D♂️"),
      Map.entry("woman-shrugging", "🤷\u200D♀️"), Map.entry("woman_shrugging", "🤷\u200D♀️"),
      Map.entry("white_check_mark", "✅"), Map.entry("heavy_check_mark", "✔️"),
      Map.entry("x", "❌"),
      Map.entry("raised_hand", "✋"), Map.entry("hand", "✋"));

  /** The name Chorus uses to add each vote reaction it seeds. */
  private static final Map<String, String> NAMES = Map.of("👍", "+1", "👎", "-1", "🤷", "shrug",
      "✅", "white_check_mark", "❌", "x", "✋", "raised_hand");

  private static final String SKIN_TONE = "::skin-tone-";
  /** Slack's skin tones 2 to 6 are Unicode's five modifiers, light to dark. */
  private static final int FIRST_TONE = 0x1F3FB;

  /**
   * The emoji Slack names, in Unicode with its skin tone; a name Chorus does not know (a custom emoji,
   * or one that is no vote) is passed on as Slack wrote it, which the core takes as no vote.
   */
  static String unicode(String name) {
    var text = name.strip();
    if (text.length() > 2 && text.startsWith(":") && text.endsWith(":")) {
      text = text.substring(1, text.length() - 1);
    }
    String tone = "";
    var toned = text.indexOf(SKIN_TONE);
    if (toned >= 0) {
      var level = text.substring(toned + SKIN_TONE.length());
      if (level.length() == 1 && level.charAt(0) >= '2' && level.charAt(0) <= '6') {
        tone = Character.toString(FIRST_TONE + level.charAt(0) - '2');
      }
      text = text.substring(0, toned);
    }
    var emoji = UNICODE.get(text.toLowerCase(java.util.Locale.ROOT));
    if (emoji == null) {
      return name;
    }
    // The modifier follows the base emoji, before any gender sign that a shrug may carry.
    var base = emoji.codePointAt(0);
    return Character.toString(base) + tone + emoji.substring(Character.charCount(base));
  }

  /** Slack's name for an emoji Chorus seeds as a vote reaction, if it seeds it. */
  static Optional<String> name(String unicode) {
    return Optional.ofNullable(NAMES.get(unicode));
  }
}
