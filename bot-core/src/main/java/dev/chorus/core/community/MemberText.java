package dev.chorus.core.community;

import java.text.Normalizer;

/**
 * Cleans what a member typed before it is stored: line ends unified, control characters and
 * bidirectional overrides removed (they could flip the bot's own words around them), Unicode
 * composed (NFC), surrounding blank space trimmed. Everything else stays the member's words.
 */
public final class MemberText {
  private MemberText() {}

  public static String clean(String raw) {
    var text = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    var out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\n' || cp == '\t' || !dropped(cp)) {
        out.appendCodePoint(cp == '\t' ? ' ' : cp);
      }
    });
    var cleaned = out.toString().strip();
    return visible(cleaned) ? cleaned : "";
  }

  /**
   * Whether the text shows anything: a no-break space, a zero-width space or a lone combining mark
   * would post an empty-looking message.
   */
  static boolean visible(String text) {
    return text.codePoints().anyMatch(cp -> {
      int type = Character.getType(cp);
      return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && type != Character.FORMAT
          && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
          && type != Character.COMBINING_SPACING_MARK;
    });
  }

  /** A display name as the platform gave it, made safe to show: cleaned, on one line, never empty. */
  public static String name(String raw) {
    var cleaned = clean(raw).replace('\n', ' ');
    return cleaned.isEmpty() ? "a member" : cleaned;
  }

  /** Length as members count it: characters, not UTF-16 units. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  private static boolean dropped(int cp) {
    int type = Character.getType(cp);
    if (type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.SURROGATE
        || type == Character.PRIVATE_USE) {
      return true;
    }
    // Embedding, override and isolate controls, and the line/paragraph separators.
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029
        || cp == 0xFEFF;
  }
}
