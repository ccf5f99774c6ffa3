package dev.chorus.core.question;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where single votes are recorded, beside the questions they belong to. A vote is recorded only if
 * nothing but votes changed in its question since the revision the decision was made from, and the
 * member's vote on that item is still what the decision saw; otherwise the decision is made again.
 * Votes of different members on the same question never collide.
 *
 * <p>Every method may throw {@link StoreUnavailableException}; nothing is then recorded.
 */
public interface Ballots {

  /**
   * Records the vote and the event in one step.
   *
   * @param decidedOn the question as the decision saw it; its revision says which structure it saw
   */
  default CastResult cast(CommunityId community, Question decidedOn, VoteChange change, EventId event) {
    return cast(community, decidedOn, change, event, null);
  }

  /**
   * Records the vote, the event and, for a vote cast by reaction, the reaction as seen on its message
   * ({@link SeenReactions}), all in one step. A vote with {@code seen} was cast by a reaction; one
   * without, by a command or a button: the store remembers which, for {@link #castByReaction}.
   */
  CastResult cast(CommunityId community, Question decidedOn, VoteChange change, EventId event,
      SeenReactions.@Nullable Change seen);

  /**
   * Whether the member's recorded vote on the item was cast by a reaction, so that taking the
   * reaction away takes the vote back; a vote cast later by command or button is not undone by a
   * reaction's removal. Votes recorded before this was kept count as cast by reaction.
   *
   * @param item a {@link StatementId} or a {@link DraftVersion}
   */
  boolean castByReaction(CommunityId community, QuestionId question, Object item, MemberKey member);

  /** How a cast ended. */
  sealed interface CastResult {
    /**
     * Recorded.
     *
     * @param question the decided-on question with this member's vote applied, at the revision the
     *     cast made. Other members' votes are as the decision saw them, except on an item that still
     *     holds a forgotten member's vote ({@link Question#held}): there they are as the store now
     *     holds them, for the tally to tell when the forgotten vote may go.
     * @param tally the item's tally as shown now ({@link Question#shownTally}), every member's vote
     *     the store holds counted, including those cast since the decision
     */
    record Recorded(Question question, Tally tally) implements CastResult {
      public Recorded {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(tally, "tally");
      }

      /** The tally of the statement voted on. */
      public Statement.StatementTally statementTally() {
        if (tally instanceof Statement.StatementTally statement) {
          return statement;
        }
        throw new IllegalStateException("the vote was cast on a draft");
      }

      /** The tally of the draft voted on. */
      public Draft.DraftTally draftTally() {
        if (tally instanceof Draft.DraftTally draft) {
          return draft;
        }
        throw new IllegalStateException("the vote was cast on a statement");
      }
    }

    /** The question's structure or the member's vote changed since the decision: decide again from a fresh read. */
    record Stale() implements CastResult {}

    /** The event was applied before; nothing was recorded. */
    record AlreadyProcessed() implements CastResult {}
  }
}
