package dev.chorus.core.conversation;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
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

  public synchronized void forget(CommunityId community, QuestionId id) {
    entries.remove(new Key(community, id));
  }
}
