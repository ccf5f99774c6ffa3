package dev.chorus.core.view;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.question.Question;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /respond forget me}: the member withdraws their views and votes on every question of the
 * community, in one step (all or nothing).
 */
public final class ForgetEverywhere {
  private final Pseudonyms pseudonyms;

  public ForgetEverywhere(Pseudonyms pseudonyms) {
    this.pseudonyms = pseudonyms;
  }

  public Decision decide(Request request, List<Question> communityQuestions) {
    var writes = new ArrayList<Question>();
    var effects = new ArrayList<Effect>();
    var summaries = new ArrayList<String>();
    for (var question : communityQuestions) {
      var withdrawal = Withdrawal.of(question, pseudonyms.keyOf(question, request.actor().id()), request.actor().displayName());
      if (!withdrawal.nothing()) {
        writes.add(withdrawal.question());
        effects.addAll(withdrawal.effects());
        summaries.add(question.id() + " (" + withdrawal.summary() + ")");
      }
    }
    if (writes.isEmpty()) {
      return Decision.Rejected.because("You have no view or vote on any question of this community.",
          "nothing to do; " + StandardCommands.LIST.with(StandardCommands.ALL) + " shows the questions");
    }
    effects.add(Effect.Reply.of("Withdrawn everywhere in this community: " + String.join(", ", summaries)
        + ". Outcomes already published keep their words and counts, without your name."));
    return Decision.Accepted.forgetting(writes, effects);
  }
}
