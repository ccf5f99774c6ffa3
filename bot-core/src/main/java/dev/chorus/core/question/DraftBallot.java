package dev.chorus.core.question;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One member's vote on a draft.
 *
 * @param voterName the display name, for the record of dissent; null in anonymous questions
 * @param reason why the member blocks, once given
 */
public record DraftBallot(DraftChoice choice, Instant castAt, @Nullable String voterName, @Nullable String reason) {
  public DraftBallot {
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(castAt, "castAt");
    if (choice != DraftChoice.BLOCK) {
      reason = null;
    }
  }

  public DraftBallot withReason(String newReason) {
    return new DraftBallot(choice, castAt, voterName, newReason);
  }
}
