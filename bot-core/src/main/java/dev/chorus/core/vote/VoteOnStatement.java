package dev.chorus.core.vote;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.StatementStatus;
import dev.chorus.core.question.VoteChange;
import java.util.ArrayList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A member votes on a view or amendment, or retracts the vote that counts. In anonymous questions
 * reactions are public, so only buttons and commands count there.
 */
public final class VoteOnStatement {
  private final Pseudonyms pseudonyms;

  public VoteOnStatement(Pseudonyms pseudonyms) {
    this.pseudonyms = pseudonyms;
  }

  public Decision decide(Request request, Question question, StatementId id, StatementChoice choice, VoteSource source) {
    return change(request, question, id, choice, source, false);
  }

  /** A reaction was removed: the vote goes only if it is the one that counts. */
  public Decision retract(Request request, Question question, StatementId id, StatementChoice removed) {
    return change(request, question, id, removed, VoteSource.REACTION, true);
  }

  private Decision change(
      Request request, Question question, StatementId id, StatementChoice choice, VoteSource source, boolean retract) {
    var refusal = VotingRules.refusal(question, source, retract, id.toString(), choice.word());
    if (refusal.isPresent()) {
      return refusal.get();
    }
    var statement = question.statement(id);
    if (statement.isEmpty()) {
      return Decision.Rejected.because(question.id() + " has no " + id + ".",
          StandardCommands.STATUS.on(question.id()) + " lists its views");
    }
    if (statement.get().status() == StatementStatus.REPLACED) {
      // Statement.replacedBy(successor) is the only way a statement becomes REPLACED, so it names its successor.
      var successor = Objects.requireNonNull(statement.get().replacedBy(), "replacedBy");
      return Decision.Rejected.because(id + " was replaced by its author's new text, " + successor + ".",
          StandardCommands.VOTE.on(question.id(), successor, choice.word()));
    }
    if (!statement.get().active()) {
      return Decision.Rejected.because(id + " was " + statement.get().status().name().toLowerCase(java.util.Locale.ROOT)
          + " and takes no votes.", "vote on the other views of " + question.id());
    }
    var member = pseudonyms.keyOf(question, request.actor().id());
    var recorded = statement.get().votes().get(member);
    @Nullable StatementChoice next;
    if (retract) {
      if (recorded != choice) {
        return Decision.Accepted.saying();
      }
      next = null;
    } else {
      if (recorded == choice) {
        return source == VoteSource.REACTION ? Decision.Accepted.saying()
            : Decision.Accepted.saying(Effect.Reply.of("Your vote on " + id + " of " + question.id() + " is already " + choice.word()
                + "."
                + VotingRules.toChange(source)));
      }
      next = choice;
    }
    var change = new VoteChange.OnStatement(question.id(), id, member, recorded, next);
    return new Decision.Voted(question, change, cast -> {
      var effects = new ArrayList<Effect>();
      var shown = cast.question();
      effects.add(new Effect.Edit(new Target.StatementMessage(question.id(), id),
          () -> Cards.statement(shown, shown.statement(id).orElseThrow(), cast.statementTally())));
      if (source != VoteSource.REACTION) {
        effects.add(Effect.Reply.of("Your vote on " + id + " of " + question.id() + ": " + choice.word()
            + (question.anonymous() ? " (nobody can see how you voted)." : ".") + VotingRules.toChange(source)));
      }
      return effects;
    });
  }
}
