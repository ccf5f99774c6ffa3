package dev.chorus.core.view;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.conversation.MemberWords;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.StatementStatus;
import java.util.List;

/**
 * A facilitator hides an abusive view or amendment: its message shows the reason instead, it leaves
 * the counts, and the export keeps the record.
 */
public final class HideStatement {
  private final Pseudonyms pseudonyms;
  private final Settings settings;

  public HideStatement(Pseudonyms pseudonyms, Settings settings) {
    this.pseudonyms = pseudonyms;
    this.settings = settings;
  }

  public Decision decide(Request request, Question question, StatementId id, String rawReason) {
    if (!Facilitators.facilitates(question, request.actor(), pseudonyms)) {
      return Facilitators.onlyFacilitators("hide a statement", question);
    }
    var statement = question.statement(id);
    if (statement.isEmpty()) {
      return Decision.Rejected.because(question.id() + " has no " + id + ".",
          StandardCommands.STATUS.on(question.id()) + " shows its views; then " + StandardCommands.HIDE.usage());
    }
    if (statement.get().status() == StatementStatus.HIDDEN) {
      return Decision.Rejected.because(id + " is already hidden.", "nothing more to do");
    }
    if (statement.get().status() == StatementStatus.WITHDRAWN) {
      return Decision.Rejected.because(id + " was withdrawn by its author; there is nothing to hide.", "nothing more to do");
    }
    var usage = StandardCommands.HIDE.on(question.id(), id, "<reason>");
    var checked = MemberWords.check(rawReason, settings.limits().hideReason(), "The reason", usage);
    var reason = MemberWords.words(checked);
    if (reason == null) {
      return MemberWords.refusal(checked);
    }
    var changed = question.withStatementChanged(id, s -> s.hidden(reason));
    return new Decision.Accepted(List.of(changed), List.of(
        new Effect.Edit(new Target.StatementMessage(question.id(), id), Cards.statement(changed, changed.statement(id).orElseThrow())),
        new Effect.Edit(new Target.QuestionCard(question.id()), Cards.question(changed)),
        Effect.Reply.of(id + " is hidden; its message now shows your reason, it no longer counts, and the export "
            + "keeps the record.")));
  }
}
