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
import java.util.ArrayList;
import java.util.List;

/**
 * A member shares their view, or replaces it: one view per member; an edit posts the new text as a
 * new statement with fresh votes and marks the old one replaced.
 */
public final class ShareView {
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;

  public ShareView(Pseudonyms pseudonyms, Clock clock, Settings settings) {
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
  }

  public Decision decide(Request request, Question question, String rawText) {
    var usage = StandardCommands.VIEW.on(question.id(), "<your view>");
    var checked = MemberWords.check(rawText, settings.limits().view(), "Your view", usage);
    var text = MemberWords.words(checked);
    if (text == null) {
      return MemberWords.refusal(checked);
    }
    var member = pseudonyms.keyOf(question, request.actor().id());
    var previous = question.viewOf(member);
    if (previous.isPresent() && previous.get().text().equals(text)) {
      return Decision.Accepted.saying(Effect.Reply.of(
          "Your view " + previous.get().id() + " on " + question.id() + " already says exactly that; nothing changed."));
    }
    var capped = settings.caps().anotherView(question, member, text.length());
    if (capped.isPresent()) {
      return capped.get();
    }
    var id = question.nextStatementId();
    var statement = Statement.posted(
        id, StatementKind.VIEW, member, question.anonymous() ? null : request.actor().displayName(), text,
        clock.instant(), previous.map(Statement::id).orElse(null), null);
    var changed = question.withStatement(statement);
    var effects = new ArrayList<Effect>();
    effects.add(new Effect.Post(
        new Place.QuestionThread(question.channel(), question.id()), Cards.statement(changed, statement),
        new Target.StatementMessage(question.id(), id)));
    if (previous.isPresent()) {
      var old = previous.get().id();
      changed = changed.withStatementChanged(old, s -> s.replacedBy(id));
      effects.add(new Effect.Edit(
          new Target.StatementMessage(question.id(), old), Cards.statement(changed, changed.statement(old).orElseThrow())));
      effects.add(Effect.Reply.of("Your view on " + question.id() + " is updated: " + id + " replaces " + old
          + ". Votes on the old text stay in the history but no longer count."));
    } else {
      effects.add(Effect.Reply.of("Your view is shared as " + id + " in " + question.id()
          + "'s thread. To change it, send " + StandardCommands.VIEW.on(question.id(), "<new text>") + "."));
    }
    effects.add(new Effect.Edit(new Target.QuestionCard(question.id()), Cards.question(changed)));
    return new Decision.Accepted(List.of(changed), effects);
  }
}
