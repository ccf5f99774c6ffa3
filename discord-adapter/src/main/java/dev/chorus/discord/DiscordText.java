package dev.chorus.discord;

/**
 * Text for Discord's markdown. Every character that could start formatting — emphasis, code, spoilers,
 * block quotes, headings, lists, masked links — is preceded by a backslash, which Discord shows as
 * nothing; {@code <} is escaped too, so no user, role or channel mention, timestamp or custom emoji
 * can form, and {@code @} is followed by a zero-width space, so {@code @everyone} and {@code @here}
 * are plain words even where a client would highlight them. (Pings are also prevented by
 * {@code allowed_mentions}; this keeps the layout and the look.)
 */
final class DiscordText {
  static final char ZERO_WIDTH_SPACE = '\u200B';
  private static final String ESCAPED = "\\*_~`|>#-[]()<";

  private DiscordText() {}

  /**
   * A member's words, keeping their lines: every markdown character escaped, mentions broken.
   * Chorus's own words go through here too, since titles and labels may hold member words.
   */
  static String neutral(String words) {
    var out = new StringBuilder(words.length() + words.length() / 4 + 8);
    for (int i = 0; i < words.length(); i++) {
      char c = words.charAt(i);
      if (c == '\r') {
        continue;
      }
      // A dot after a digit could make a numbered list.
      if (ESCAPED.indexOf(c) >= 0 || c == '.' && i > 0 && Character.isDigit(words.charAt(i - 1))) {
        out.append('\\');
      }
      out.append(c);
      if (c == '@') {
        out.append(ZERO_WIDTH_SPACE);
      }
    }
    return out.toString();
  }

  /** A member's words on one line (titles, names): neutralised, line breaks as spaces. */
  static String inline(String words) {
    return neutral(words.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
  }

  /**
   * Where text may be cut at or before {@code at} without splitting an escape from its character or
   * the halves of a character.
   */
  static int safeCut(String text, int at) {
    int cut = at;
    if (cut > 0 && cut < text.length() && Character.isLowSurrogate(text.charAt(cut))) {
      cut--;
    }
    // A zero-width space belongs with the @ before it: cut before the @ (never escaped) instead.
    if (cut > 0 && cut < text.length() && text.charAt(cut) == ZERO_WIDTH_SPACE) {
      cut--;
    }
    // An odd run of backslashes before the cut means the last one escapes the character after it.
    int backslashes = 0;
    while (cut - backslashes - 1 >= 0 && text.charAt(cut - backslashes - 1) == '\\') {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      cut--;
    }
    return Math.max(cut, 0);
  }
}
