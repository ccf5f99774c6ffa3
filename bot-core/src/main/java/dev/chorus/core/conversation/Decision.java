package dev.chorus.core.conversation;

import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import java.util.List;

/** What a use case decided. Nothing is written until the front door commits an accepted decision. */
public sealed interface Decision {

  /**
   * @param writes the questions to store, each at the revision it was read at (0 when new)
   * @param effects what to say once they are stored
   */
  record Accepted(List<Question> writes, List<Effect> effects) implements Decision {
    public Accepted {
      writes = List.copyOf(writes);
      effects = List.copyOf(effects);
    }

    public static Accepted saying(Effect... effects) {
      return new Accepted(List.of(), List.of(effects));
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
