package dev.chorus.core.view;

import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one member's view and votes out of a question, and lists the messages that must change.
 * Shared by {@code forget} (one question) and {@code forget me} (every question).
 */
record Withdrawal(Question question, int views, int votes, List<Effect> effects) {

  static Withdrawal of(Question question, MemberKey member) {
    var statements = new ArrayList<Statement>();
    var changedStatements = new ArrayList<Statement>();
    int views = 0;
    int votes = 0;
    for (var statement : question.statements()) {
      var next = statement;
      if (statement.kind() == StatementKind.VIEW && statement.author().equals(member) && statement.active()) {
        next = statement.withdrawn();
        views++;
      } else if (statement.votes().containsKey(member)) {
        next = statement.withVote(member, null);
        votes++;
      }
      statements.add(next);
      if (next != statement) {
        changedStatements.add(next);
      }
    }
    var drafts = new ArrayList<Draft>();
    var changedDrafts = new ArrayList<Draft>();
    for (var draft : question.drafts()) {
      var next = draft;
      if (draft.ballots().containsKey(member)) {
        next = draft.withBallot(member, null);
        votes++;
        changedDrafts.add(next);
      }
      drafts.add(next);
    }
    var changed = question.withStatements(statements).withDrafts(drafts);
    var effects = new ArrayList<Effect>();
    for (var statement : changedStatements) {
      effects.add(new Effect.Edit(new Target.StatementMessage(question.id(), statement.id()),
          Cards.statement(changed, statement)));
    }
    for (var draft : changedDrafts) {
      effects.add(new Effect.Edit(new Target.DraftMessage(question.id(), draft.version()), Cards.draft(changed, draft, false)));
      effects.add(new Effect.Edit(new Target.DraftAnnouncement(question.id(), draft.version()), Cards.draft(changed, draft, true)));
    }
    if (views > 0) {
      effects.add(new Effect.Edit(new Target.QuestionCard(question.id()), Cards.question(changed)));
    }
    return new Withdrawal(changed, views, votes, effects);
  }

  boolean nothing() {
    return views == 0 && votes == 0;
  }

  String summary() {
    var parts = new ArrayList<String>();
    if (views > 0) {
      parts.add("your view");
    }
    if (votes > 0) {
      parts.add(votes == 1 ? "1 vote" : votes + " votes");
    }
    return String.join(" and ", parts);
  }
}
