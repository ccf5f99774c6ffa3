package dev.chorus.core.conversation;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.VoteChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The questions this replica read, committed or voted on lately, so a vote can be decided without
 * reading its question first. Safe because of what it is used for: only votes are decided on an
 * entry, and recording a vote checks in the store that the question's structure and the member's
 * vote are still as the entry showed; a stale entry costs one more attempt, never a wrong vote.
 * Anything else is decided on a fresh read.
 */
public final class RecentQuestions {
  /** Enough for every question being voted on at once in a busy deployment; each is one aggregate. */
  public static final int CAPACITY = 256;

  private record Key(CommunityId community, QuestionId id) {}

  private final Map<Key, Question> entries = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Question> eldest) {
      return size() > CAPACITY;
    }
  };

  public synchronized Optional<Question> get(CommunityId community, QuestionId id) {
    return Optional.ofNullable(entries.get(new Key(community, id)));
  }

  /** Keeps the question unless a later revision of it is already kept. */
  public synchronized void remember(Question question) {
    entries.merge(new Key(question.community(), question.id()), question,
        (kept, offered) -> offered.revision() >= kept.revision() ? offered : kept);
  }

  /**
   * Keeps a vote this replica recorded. A store answers a vote with the item's counts, not with who
   * voted what, so the votes kept are those this replica saw: each is added to the question kept,
   * for members voting again to find their own vote there.
   *
   * @param decidedOn the question the vote was decided on
   * @param recorded the question as the cast answered it: {@code decidedOn} with the vote applied,
   *     at the revision the cast made
   */
  public synchronized void rememberVote(Question decidedOn, VoteChange change, Question recorded) {
    entries.compute(new Key(decidedOn.community(), decidedOn.id()), (key, kept) -> {
      // Nothing newer than the decision is kept: the cast's answer is that question, already built.
      if (kept == null || kept.revision() <= decidedOn.revision()) {
        return recorded;
      }
      // A kept question newer than the decision has its structure: a structural write in between
      // would have made the vote stale rather than recorded.
      if (kept.revision() > recorded.revision() && !change.decidedFrom(kept)) {
        // The member voted again since, and that vote is kept already.
        return kept;
      }
      return change.appliedTo(kept).atRevision(Math.max(kept.revision(), recorded.revision()));
    });
  }

  public synchronized void forget(CommunityId community, QuestionId id) {
    entries.remove(new Key(community, id));
  }
}
