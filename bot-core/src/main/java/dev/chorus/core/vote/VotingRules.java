package dev.chorus.core.vote;

import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.question.Question;
import java.util.Optional;

/** What every vote must satisfy, on a statement or a draft: an open question, and no public reactions where votes are secret. */
final class VotingRules {
  private VotingRules() {}

  /**
   * Why the vote cannot be taken, if it cannot.
   *
   * @param item the statement or draft voted on, as members write it (V3, v2)
   * @param choice the choice as a word, for the hint
   */
  static Optional<Decision> refusal(Question question, VoteSource source, boolean retract, String item, String choice) {
    if (question.anonymous() && source == VoteSource.REACTION) {
      // Removing a reaction never counted anything here, so there is nothing to say.
      return Optional.of(retract ? Decision.Accepted.saying() : Decision.Rejected.because(
          question.id() + " is anonymous: reactions are public, so they are not counted.",
          "vote privately with the buttons under " + item + ", or " + StandardCommands.VOTE.on(question.id(), item, choice)));
    }
    if (!question.open()) {
      return Optional.of(Decision.Rejected.because(question.id() + " is closed, so it takes no more votes.",
          "a facilitator can " + StandardCommands.REOPEN.on(question.id())));
    }
    return Optional.empty();
  }

  /** What a member who voted with a button is told about changing their vote; nothing for other ways. */
  static String toChange(VoteSource source) {
    return source == VoteSource.BUTTON ? " To change it, press another of the message's buttons." : "";
  }
}
