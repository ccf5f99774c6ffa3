package dev.chorus.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * Rendered text cut to a platform's limits, the same way on every platform: between lines where it
 * can, else between words, and only inside a word when one word alone is too long — then never
 * inside an escape or a character, which each renderer knows for its own markup.
 */
public final class TextCuts {
  private TextCuts() {}

  /**
   * Parts of at most {@code longest} characters. A block quote ({@code "> "} first) stays a quote in
   * every part.
   *
   * @param hardCut where the rendered text may be cut at or before the given index when no line
   *     break or space will do
   */
  public static List<String> cut(String text, int longest, ToIntBiFunction<String, Integer> hardCut) {
    var parts = new ArrayList<String>();
    var rest = text;
    // A quote continues as a quote in the next part; its "> " is no place to cut.
    boolean quoted = text.startsWith("> ");
    int floor = quoted ? 2 : 0;
    while (rest.length() > longest) {
      int at = rest.lastIndexOf('\n', longest);
      int skip = 1;
      if (at <= floor) {
        at = rest.lastIndexOf(' ', longest - 1);
      }
      if (at <= floor) {
        at = hardCut.applyAsInt(rest, longest);
        skip = 0;
      }
      parts.add(rest.substring(0, at));
      rest = rest.substring(at + skip);
      if (quoted && !rest.startsWith("> ")) {
        rest = "> " + rest;
      }
    }
    if (!rest.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  /** Chorus's own short words cut to a limit, marked as cut. */
  public static String clip(String words, int longest) {
    if (words.length() <= longest) {
      return words;
    }
    int at = words.lastIndexOf(' ', longest - 1);
    if (at <= 0) {
      at = longest - 1;
      // Never between the halves of a character.
      if (Character.isLowSurrogate(words.charAt(at))) {
        at--;
      }
    }
    return words.substring(0, at) + "…";
  }
}
