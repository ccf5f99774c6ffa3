package dev.chorus.slack;

/**
 * Text for Slack's {@code mrkdwn}. Chorus's own words need only Slack's three escapes; a member's
 * words also lose what would format them: Slack has no escape for {@code * _ ~ `}, so they become
 * look-alike characters, and a line that would open a block quote is held back by a zero-width
 * space. With {@code <} escaped, no mention ({@code <!channel>}, {@code <@U123>},
 * {@code <!subteam^S1>}) and no link can form.
 */
final class SlackText {
  private static final char ZERO_WIDTH_SPACE = '\u200B';

  private SlackText() {}

  /** Chorus's own words: only {@code & < >}, as Slack asks. */
  static String escape(String words) {
    var out = new StringBuilder(words.length() + 8);
    for (int i = 0; i < words.length(); i++) {
      char c = words.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A member's words, on one line (titles, names): escaped, unformattable, line breaks as spaces. */
  static String memberInline(String words) {
    return neutral(words.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
  }

  /** A member's words, keeping their lines: escaped and unformattable. */
  static String neutral(String words) {
    var out = new StringBuilder(words.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < words.length(); i++) {
      char c = words.charAt(i);
      if (lineStart && (c == '>' || c == ' ' && startsQuoteAfterSpaces(words, i))) {
        out.append(ZERO_WIDTH_SPACE);
      }
      int shortcode = c == ':' ? shortcodeEnd(words, i) : -1;
      if (shortcode > 0) {
        // An emoji written by name (:rotating_light:) stays one: Slack shows it before any formatting.
        out.append(words, i, shortcode + 1);
        i = shortcode;
        lineStart = false;
        continue;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '*' -> out.append('\u2217');
        case '_' -> out.append('\uFF3F');
        case '~' -> out.append('\u223C');
        case '`' -> out.append('\u02CB');
        default -> out.append(c);
      }
      lineStart = c == '\n';
    }
    return out.toString();
  }

  /** Where the emoji name that opens at {@code from} closes, or -1 when none does. */
  private static int shortcodeEnd(String words, int from) {
    for (int i = from + 1; i < words.length() && i <= from + 64; i++) {
      char c = words.charAt(i);
      if (c == ':') {
        return i > from + 1 ? i : -1;
      }
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '+')) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean startsQuoteAfterSpaces(String words, int from) {
    int i = from;
    while (i < words.length() && words.charAt(i) == ' ') {
      i++;
    }
    return i < words.length() && words.charAt(i) == '>';
  }

  private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("<([^<>]*)>");

  /**
   * A message's text as Slack stores it, as its author would read it: mentions as their names
   * ({@code <@U1|ana>} as {@code @ana}, {@code <!here>} as {@code @here}), links as their words and
   * address, and Slack's escapes undone. For words a member takes into a form: Chorus neutralises them
   * again wherever it shows them, so nothing here can ping.
   */
  static String readable(String stored) {
    var matcher = MARKUP.matcher(stored);
    var out = new StringBuilder();
    while (matcher.find()) {
      var inside = matcher.group(1);
      var bar = inside.indexOf('|');
      var target = bar < 0 ? inside : inside.substring(0, bar);
      var label = bar < 0 ? null : inside.substring(bar + 1);
      String shown;
      if (target.startsWith("@")) {
        shown = "@" + (label == null ? target.substring(1) : label);
      } else if (target.startsWith("#")) {
        shown = "#" + (label == null ? target.substring(1) : label);
      } else if (target.startsWith("!subteam^") || target.startsWith("!date^")) {
        shown = label == null ? target.substring(1) : label;
      } else if (target.startsWith("!")) {
        shown = "@" + target.substring(1).split("\\^", 2)[0];
      } else {
        shown = label == null || label.equals(target) ? target : label + " (" + target + ")";
      }
      matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(shown));
    }
    matcher.appendTail(out);
    return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
