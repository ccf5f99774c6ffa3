package dev.chorus.core.conversation;

import dev.chorus.core.message.Text;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.VoteChange;
import java.util.List;
import java.util.function.Function;

/** What a use case decided. Nothing is written until the front door commits an accepted decision. */
public sealed interface Decision {

  /**
   * @param writes the questions to store, each at the revision it was read at (0 when new)
   * @param effects what to say once they are stored
   * @param erasesWords the writes take a member's words or name away, so the store's older copies
   *     of them must go too ({@link dev.chorus.core.question.Questions#eraseOldCopies})
   */
  record Accepted(List<Question> writes, List<Effect> effects, boolean erasesWords) implements Decision {
    public Accepted {
      writes = List.copyOf(writes);
      effects = List.copyOf(effects);
    }

    public Accepted(List<Question> writes, List<Effect> effects) {
      this(writes, effects, false);
    }

    /** Writes that forget a member. */
    public static Accepted forgetting(List<Question> writes, List<Effect> effects) {
      return new Accepted(writes, effects, true);
    }

    public static Accepted saying(Effect... effects) {
      return new Accepted(List.of(), List.of(effects));
    }
  }

  /**
   * One member's vote, recorded on its own (see {@link dev.chorus.core.question.Ballots}) so that
   * members voting at once do not collide. What to say is worked out from the question as the store
   * holds it after recording, so a live tally never shows another member's vote missing.
   *
   * @param decidedOn the question the decision was made from
   * @param effects what to say, given the vote as recorded: the question and the item's tally now
   */
  record Voted(Question decidedOn, VoteChange change, Function<Ballots.CastResult.Recorded, List<Effect>> effects)
      implements Decision {}

  /**
   * A channel's or a member's setting (digests, reminders), kept apart from the questions. Saving the
   * same setting again changes nothing, so a redelivered event may simply save it again.
   *
   * @param save writes the setting; throws {@link dev.chorus.core.question.StoreUnavailableException} when it cannot
   * @param effects what to say once it is saved
   */
  record Setting(Runnable save, List<Effect> effects) implements Decision {
    public Setting {
      effects = List.copyOf(effects);
    }
  }

  /**
   * Refused, with nothing changed.
   *
   * @param reason why, in plain language
   * @param hint the command to use instead
   */
  record Rejected(Text reason, String hint) implements Decision {
    public static Rejected because(String reason, String hint) {
      return new Rejected(Text.of(reason), hint);
    }
  }
}
