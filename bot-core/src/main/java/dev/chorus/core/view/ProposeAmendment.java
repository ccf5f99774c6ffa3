package dev.chorus.core.view;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.MemberWords;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementKind;
import java.time.Clock;
import java.util.List;

/** A member proposes a change to the latest draft; others vote on it like on a view. */
public final class ProposeAmendment {
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;

  public ProposeAmendment(Pseudonyms pseudonyms, Clock clock, Settings settings) {
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
  }

  public Decision decide(Request request, Question question, String rawText) {
    var latest = question.latestDraft();
    if (latest.isEmpty()) {
      return Decision.Rejected.because(question.id() + " has no draft yet, so there is nothing to amend.",
          "share your view instead: " + StandardCommands.VIEW.on(question.id(), "<your view>"));
    }
    var usage = StandardCommands.AMEND.on(question.id(), "<your proposed change>");
    var checked = MemberWords.check(rawText, settings.limits().view(), "Your amendment", usage);
    var text = MemberWords.words(checked);
    if (text == null) {
      return MemberWords.refusal(checked);
    }
    var member = pseudonyms.keyOf(question, request.actor().id());
    var capped = settings.caps().anotherAmendment(question, member, text.length());
    if (capped.isPresent()) {
      return capped.get();
    }
    var id = question.nextStatementId();
    var statement = Statement.posted(
        id, StatementKind.AMENDMENT, member, question.anonymous() ? null : request.actor().displayName(), text,
        clock.instant(), null, latest.get().version());
    var changed = question.withStatement(statement);
    return new Decision.Accepted(List.of(changed), List.of(
        new Effect.Post(new Place.QuestionThread(question.channel(), question.id()), Cards.statement(changed, statement),
            new Target.StatementMessage(question.id(), id)),
        Effect.Reply.of("Your amendment to " + latest.get().version() + " is posted as " + id
            + "; members vote on it, and supported amendments go into the next draft.")));
  }
}
