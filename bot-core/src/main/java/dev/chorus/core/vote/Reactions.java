package dev.chorus.core.vote;

import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.StatementChoice;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a reaction to a choice: Unicode emoji, with skin tones, gender signs and variation selectors
 * stripped. Adapters hand the core emoji in Unicode; a platform's names for them (Slack's {@code +1})
 * are the adapter's to translate, so a name here is no vote.
 */
public final class Reactions {
  private Reactions() {}

  private static final Map<String, StatementChoice> STATEMENT = Map.of(
      "👍", StatementChoice.AGREE, "👎", StatementChoice.DISAGREE, "🤷", StatementChoice.PASS);

  private static final Map<String, DraftChoice> DRAFT = Map.of(
      "✅", DraftChoice.AGREE, "✔", DraftChoice.AGREE, "🤷", DraftChoice.ABSTAIN, "❌", DraftChoice.DISAGREE,
      "✋", DraftChoice.BLOCK);

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

  /** The reaction without skin tone, gender sign or variation selector. */
  static String base(String reaction) {
    var out = new StringBuilder();
    reaction.strip().codePoints()
        .filter(cp -> !(cp >= 0x1F3FB && cp <= 0x1F3FF) && cp != 0xFE0F && cp != 0xFE0E && cp != 0x200D
            && cp != 0x2640 && cp != 0x2642)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
