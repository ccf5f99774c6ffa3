package dev.chorus.core.question;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
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
     * Recorded. {@code question} is the decided-on question with the vote's item as the store now
     * holds it (every member's vote on that statement or draft) at the revision the cast made.
     */
    record Recorded(Question question) implements CastResult {}

    /** The question's structure or the member's vote changed since the decision: decide again from a fresh read. */
    record Stale() implements CastResult {}

    /** The event was applied before; nothing was recorded. */
    record AlreadyProcessed() implements CastResult {}
  }
}
