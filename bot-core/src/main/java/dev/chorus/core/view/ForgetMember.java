package dev.chorus.core.view;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.question.Question;
import java.util.ArrayList;
import java.util.List;

/** {@code /respond forget}: the member withdraws their view and votes on one question. */
public final class ForgetMember {
  private final Pseudonyms pseudonyms;

  public ForgetMember(Pseudonyms pseudonyms) {
    this.pseudonyms = pseudonyms;
  }

  public Decision decide(Request request, Question question) {
    var withdrawal = Withdrawal.of(question, pseudonyms.keyOf(question, request.actor().id()), request.actor().displayName());
    if (withdrawal.nothing()) {
      return Decision.Rejected.because("You have no view or vote on " + question.id() + " to withdraw.",
          StandardCommands.STATUS.on(question.id()) + " shows what you shared");
    }
    var effects = new ArrayList<>(withdrawal.effects());
    var published = question.open() ? "" : " The outcome published at close keeps its words and counts, without your name.";
    effects.add(Effect.Reply.of("Withdrawn from " + question.id() + ": " + withdrawal.summary() + "." + published));
    return Decision.Accepted.forgetting(List.of(withdrawal.question()), effects);
  }
}
