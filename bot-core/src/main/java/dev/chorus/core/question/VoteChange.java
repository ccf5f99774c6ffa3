package dev.chorus.core.question;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One member's vote on one statement or draft, from what it was to what it becomes, and nothing
 * else. A store can record it without rewriting the question, so members voting at the same time
 * on the same question do not collide.
 */
public sealed interface VoteChange {

  QuestionId question();

  MemberKey member();

  /** The question with this vote applied. */
  Question appliedTo(Question question);

  /** Whether the question shows the member's vote as it was when this change was decided. */
  boolean decidedFrom(Question question);

  /** The voted item's name, as held votes and the store name it ({@link HeldVote#item}). */
  String item();

  /** The voted item's tally as the question shows it. */
  Tally shownIn(Question question);

  /**
   * Whether the question holds a forgotten member's vote on the item: its tally then depends on who
   * voted what, not only on how many ({@link HeldVote#mixedIn}).
   */
  default boolean itemHoldsForgotten(Question question) {
    var item = item();
    return question.held().stream().anyMatch(vote -> vote.item().equals(item));
  }

  /**
   * @param before the member's recorded vote when the decision was made; null when none
   * @param after the vote to record; null to remove it
   */
  record OnStatement(
      QuestionId question, StatementId statement, MemberKey member, @Nullable StatementChoice before,
      @Nullable StatementChoice after) implements VoteChange {
    public OnStatement {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(statement, "statement");
      Objects.requireNonNull(member, "member");
    }

    @Override
    public Question appliedTo(Question q) {
      return q.withStatementChanged(statement, s -> s.withVote(member, after));
    }

    @Override
    public boolean decidedFrom(Question q) {
      return q.statement(statement).map(s -> Objects.equals(s.votes().get(member), before)).orElse(false);
    }

    @Override
    public String item() {
      return HeldVote.item(statement);
    }

    @Override
    public Statement.StatementTally shownIn(Question q) {
      return q.shownTally(q.statement(statement).orElseThrow());
    }

    /** The question with the statement's recorded votes replaced by those the store holds. */
    public Question withRecorded(Question q, Map<MemberKey, StatementChoice> votes) {
      return q.withStatementChanged(statement, s -> s.withVotes(votes));
    }
  }

  /**
   * @param before the member's recorded ballot when the decision was made; null when none
   * @param after the ballot to record; null to remove it
   */
  record OnDraft(
      QuestionId question, DraftVersion draft, MemberKey member, @Nullable DraftBallot before,
      @Nullable DraftBallot after) implements VoteChange {
    public OnDraft {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(draft, "draft");
      Objects.requireNonNull(member, "member");
    }

    @Override
    public Question appliedTo(Question q) {
      return q.withDraftChanged(draft, d -> d.withBallot(member, after));
    }

    @Override
    public boolean decidedFrom(Question q) {
      return q.draft(draft).map(d -> Objects.equals(d.ballots().get(member), before)).orElse(false);
    }

    @Override
    public String item() {
      return HeldVote.item(draft);
    }

    @Override
    public Draft.DraftTally shownIn(Question q) {
      return q.shownTally(q.draft(draft).orElseThrow());
    }

    /** The question with the draft's recorded ballots replaced by those the store holds. */
    public Question withRecorded(Question q, Map<MemberKey, DraftBallot> ballots) {
      return q.withDraftChanged(draft, d -> d.withBallots(ballots));
    }
  }
}
