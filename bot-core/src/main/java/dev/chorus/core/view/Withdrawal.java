package dev.chorus.core.view;

import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.HeldVote;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Takes one member out of a question: every version of their views and amendments loses its words
 * and name, their votes and block reasons go, and their name leaves the drafts and outcomes they
 * are named in. Drafts and outcomes keep their words and counts: they are the community's record.
 * In an anonymous question the member's votes stay in the tallies shown until other members'
 * changes hide them ({@link HeldVote}). Shared by {@code forget} (one question) and {@code forget me}
 * (every question); lists the messages that must change.
 */
record Withdrawal(Question question, int views, int amendments, int votes, int namings, List<Effect> effects) {

  /**
   * @param displayName the member's name now; with the names recorded in the question, what is taken out
   *     of drafts and outcomes, which keep names rather than members
   */
  static Withdrawal of(Question question, MemberKey member, String displayName) {
    var names = namesOf(question, member, displayName);
    var statements = new ArrayList<Statement>();
    var changedStatements = new ArrayList<Statement>();
    var held = new ArrayList<>(question.held());
    int views = 0;
    int amendments = 0;
    int votes = 0;
    for (var statement : question.statements()) {
      var next = statement;
      if (statement.author().equals(member)) {
        if (!statement.alreadyForgotten()) {
          next = statement.forgotten(question.anonymous() ? statement.author() : MemberKey.FORGOTTEN);
          if (statement.active() && statement.kind() == StatementKind.VIEW) {
            views++;
          } else if (statement.active()) {
            amendments++;
          }
        }
      } else if (statement.votes().containsKey(member)) {
        var choice = statement.votes().get(member);
        next = statement.withVote(member, null);
        votes++;
        if (question.anonymous()) {
          held.add(HeldVote.onStatement(next, choice));
        }
      }
      statements.add(next);
      if (next != statement) {
        changedStatements.add(next);
      }
    }
    int namings = 0;
    var drafts = new ArrayList<Draft>();
    var changedDrafts = new ArrayList<Draft>();
    for (var draft : question.drafts()) {
      var next = draft;
      var ballot = draft.ballots().get(member);
      if (ballot != null) {
        next = next.withBallot(member, null);
        votes++;
        if (question.anonymous()) {
          held.add(HeldVote.onDraft(next, ballot.choice()));
        }
      }
      if (draft.writtenBy() != null && names.contains(draft.writtenBy())) {
        next = new Draft(next.version(), next.text(), null, next.byChorus(), next.postedAt(), next.ballots());
        namings++;
      }
      drafts.add(next);
      if (next != draft) {
        changedDrafts.add(next);
      }
    }
    var outcomes = new ArrayList<Outcome>();
    boolean outcomeChanged = false;
    for (var outcome : question.outcomes()) {
      var next = withoutNames(outcome, names);
      outcomeChanged |= next != outcome;
      outcomes.add(next);
    }
    if (outcomeChanged) {
      namings++;
    }
    var changed = question.withStatements(statements).withDrafts(drafts).withOutcomes(outcomes).withHeld(held);
    boolean openerNamed = question.opener().equals(member) && question.openerName() != null;
    if (openerNamed) {
      changed = changed.withoutOpenerName();
      namings++;
    }
    var effects = new ArrayList<Effect>();
    for (var statement : changedStatements) {
      effects.add(new Effect.Edit(new Target.StatementMessage(question.id(), statement.id()),
          Cards.statement(changed, statement)));
    }
    for (var draft : changedDrafts) {
      effects.add(new Effect.Edit(new Target.DraftMessage(question.id(), draft.version()), Cards.draft(changed, draft, false)));
      effects.add(new Effect.Edit(new Target.DraftAnnouncement(question.id(), draft.version()), Cards.draft(changed, draft, true)));
    }
    if (views > 0 || openerNamed) {
      effects.add(new Effect.Edit(new Target.QuestionCard(question.id()), Cards.question(changed)));
    }
    var latest = changed.latestOutcome();
    if (outcomeChanged && latest.isPresent()) {
      effects.add(new Effect.Edit(new Target.OutcomeMessage(question.id()), Cards.outcome(changed, latest.get())));
    }
    boolean earlierVersions = changedStatements.size() > views + amendments;
    return new Withdrawal(changed, views, amendments, votes, namings + (earlierVersions ? 1 : 0), effects);
  }

  /** Every name the question recorded for the member, and the one they go by now. */
  private static Set<String> namesOf(Question question, MemberKey member, String displayName) {
    var names = new HashSet<String>();
    if (question.anonymous()) {
      return names;
    }
    if (!displayName.isBlank()) {
      names.add(displayName);
    }
    if (question.opener().equals(member) && question.openerName() != null) {
      names.add(question.openerName());
    }
    for (var statement : question.statements()) {
      if (statement.author().equals(member) && statement.authorName() != null) {
        names.add(statement.authorName());
      }
    }
    for (var draft : question.drafts()) {
      var ballot = draft.ballots().get(member);
      if (ballot != null && ballot.voterName() != null) {
        names.add(ballot.voterName());
      }
    }
    return names;
  }

  private static Outcome withoutNames(Outcome outcome, Set<String> names) {
    boolean changed = false;
    var dissent = new ArrayList<Outcome.Dissent>();
    for (var entry : outcome.dissent()) {
      if (entry.who() != null && names.contains(entry.who())) {
        dissent.add(new Outcome.Dissent(entry.kind(), null, entry.words()));
        changed = true;
      } else {
        dissent.add(entry);
      }
    }
    @Nullable String closedBy = outcome.closedBy();
    if (closedBy != null && names.contains(closedBy)) {
      closedBy = null;
      changed = true;
    }
    if (!changed) {
      return outcome;
    }
    return new Outcome(outcome.draft(), outcome.draftText(), outcome.level(), outcome.tally(), outcome.membersWithView(),
        outcome.quorum(), outcome.thresholds(), dissent, outcome.closedAt(), closedBy, outcome.estimate());
  }

  boolean nothing() {
    return views == 0 && amendments == 0 && votes == 0 && namings == 0;
  }

  String summary() {
    var parts = new ArrayList<String>();
    if (views > 0) {
      parts.add("your view");
    }
    if (amendments > 0) {
      parts.add(amendments == 1 ? "1 amendment" : amendments + " amendments");
    }
    if (votes > 0) {
      parts.add(votes == 1 ? "1 vote" : votes + " votes");
    }
    if (namings > 0) {
      parts.add("your name and earlier words");
    }
    return String.join(", ", parts);
  }
}
