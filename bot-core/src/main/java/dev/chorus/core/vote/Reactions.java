package dev.chorus.core.vote;

import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.StatementChoice;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a reaction to a choice: Unicode emoji with skin tones, gender signs and variation selectors
 * stripped, and Slack's names and aliases ({@code +1}, {@code thumbsup}, {@code +1::skin-tone-3},
 * {@code man-shrugging}).
 */
public final class Reactions {
  private Reactions() {}

  private static final Map<String, StatementChoice> STATEMENT = Map.ofEntries(
      Map.entry("👍", StatementChoice.AGREE), Map.entry("+1", StatementChoice.AGREE),
      Map.entry("thumbsup", StatementChoice.AGREE), Map.entry("thumbs_up", StatementChoice.AGREE),
      Map.entry("👎", StatementChoice.DISAGREE), Map.entry("-1", StatementChoice.DISAGREE),
      Map.entry("thumbsdown", StatementChoice.DISAGREE), Map.entry("thumbs_down", StatementChoice.DISAGREE),
      Map.entry("🤷", StatementChoice.PASS), Map.entry("shrug", StatementChoice.PASS),
      Map.entry("person_shrugging", StatementChoice.PASS), Map.entry("man-shrugging", StatementChoice.PASS),
      Map.entry("woman-shrugging", StatementChoice.PASS), Map.entry("man_shrugging", StatementChoice.PASS),
      Map.entry("woman_shrugging", StatementChoice.PASS));

  private static final Map<String, DraftChoice> DRAFT = Map.ofEntries(
      Map.entry("✅", DraftChoice.AGREE), Map.entry("white_check_mark", DraftChoice.AGREE),
      Map.entry("✔", DraftChoice.AGREE), Map.entry("heavy_check_mark", DraftChoice.AGREE),
      Map.entry("🤷", DraftChoice.ABSTAIN), Map.entry("shrug", DraftChoice.ABSTAIN),
      Map.entry("person_shrugging", DraftChoice.ABSTAIN), Map.entry("man-shrugging", DraftChoice.ABSTAIN),
      Map.entry("woman-shrugging", DraftChoice.ABSTAIN), Map.entry("man_shrugging", DraftChoice.ABSTAIN),
      Map.entry("woman_shrugging", DraftChoice.ABSTAIN),
      Map.entry("❌", DraftChoice.DISAGREE), Map.entry("x", DraftChoice.DISAGREE),
      Map.entry("✋", DraftChoice.BLOCK), Map.entry("raised_hand", DraftChoice.BLOCK), Map.entry("hand", DraftChoice.BLOCK));

  public static Optional<StatementChoice> statementChoice(String reaction) {
    return Optional.ofNullable(STATEMENT.get(base(reaction)));
  }

  public static Optional<DraftChoice> draftChoice(String reaction) {
    return Optional.ofNullable(DRAFT.get(base(reaction)));
  }

  /** Whether the reaction can be a vote on anything (a statement or a draft). */
  public static boolean vote(String reaction) {
    var base = base(reaction);
    return STATEMENT.containsKey(base) || DRAFT.containsKey(base);
  }

  /** The reaction without skin tone, gender sign, variation selector or surrounding colons. */
  static String base(String reaction) {
    var text = reaction.strip();
    if (text.startsWith(":") && text.endsWith(":") && text.length() > 2) {
      text = text.substring(1, text.length() - 1);
    }
    var skin = text.indexOf("::skin-tone-");
    if (skin >= 0) {
      text = text.substring(0, skin);
    }
    var out = new StringBuilder();
    text.codePoints()
        .filter(cp -> !(cp >= 0x1F3FB && cp <= 0x1F3FF) && cp != 0xFE0F && cp != 0xFE0E && cp != 0x200D
            && cp != 0x2640 && cp != 0x2642)
        .forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
