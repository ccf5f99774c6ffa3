package dev.chorus.testkit;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.SeenReactions;
import dev.chorus.core.question.StoreUnavailableException;
import dev.chorus.core.question.VoteChange;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Questions and their votes in memory, with the same all-or-nothing, revision-checked commits and
 * the same checks on a single vote as the real store. {@link #failWhile} plays a store that cannot
 * be reached.
 */
public final class InMemoryQuestions implements Questions, Ballots {
  private final Map<CommunityId, TreeMap<Integer, Question>> byCommunity = new HashMap<>();
  /** Per question, the revision its last whole commit made: a vote decided before it is stale. */
  private final Map<CommunityId, Map<Integer, Long>> structureRevision = new HashMap<>();
  private final Map<CommunityId, Set<EventId>> processed = new HashMap<>();
  private volatile boolean unavailable;
  /** Told when a commit changes what the schedule may have to do (a deadline, a close), as Redis tells its agenda. */
  private volatile dev.chorus.core.digest.@Nullable Agenda agenda;
  /** Where a vote cast by reaction records the reaction as seen, in the same step. */
  private volatile @Nullable SeenReactions seenReactions;

  @Override
  public synchronized Optional<Question> find(CommunityId community, QuestionId id) {
    check();
    return Optional.ofNullable(questions(community).get(id.number()));
  }

  @Override
  public synchronized List<Question> inChannel(CommunityId community, ChannelId channel, Instant closedSince) {
    check();
    return questions(community).values().stream()
        .filter(q -> q.channel().equals(channel) && q.openOrClosedSince(closedSince)).toList();
  }

  @Override
  public synchronized List<Question> inCommunity(CommunityId community, Instant closedSince) {
    check();
    return questions(community).values().stream().filter(q -> q.openOrClosedSince(closedSince)).toList();
  }

  @Override
  public synchronized List<Question> inCommunity(CommunityId community) {
    check();
    return List.copyOf(questions(community).values());
  }

  @Override
  public synchronized Due due(CommunityId community, Instant horizon, Instant closedSince) {
    check();
    var due = new java.util.ArrayList<Question>();
    Instant next = null;
    for (var q : questions(community).values()) {
      var deadline = q.deadline();
      if (q.open() && deadline != null && !deadline.isAfter(horizon)) {
        due.add(q);
      } else if (!q.open() && q.openOrClosedSince(closedSince)) {
        due.add(q);
      } else if (q.open() && deadline != null && (next == null || deadline.isBefore(next))) {
        next = deadline;
      }
    }
    return new Due(due, next);
  }

  /** The agenda told of every commit that changes a deadline or whether a question is open. */
  public void tellChangesTo(dev.chorus.core.digest.Agenda agenda) {
    this.agenda = agenda;
  }

  @Override
  public synchronized List<CommunityId> communities() {
    check();
    return byCommunity.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
  }

  @Override
  public synchronized int lastNumber(CommunityId community) {
    check();
    var all = questions(community);
    return all.isEmpty() ? 0 : all.lastKey();
  }

  @Override
  public synchronized CommitResult commit(CommunityId community, List<Question> writes, @Nullable EventId event) {
    check();
    if (event != null && processed.getOrDefault(community, Set.of()).contains(event)) {
      return new CommitResult.AlreadyProcessed();
    }
    var stored = questions(community);
    for (var write : writes) {
      if (!write.community().equals(community)) {
        throw new IllegalArgumentException("a commit writes only its own community's questions");
      }
      var current = stored.get(write.id().number());
      var currentRevision = current == null ? 0 : current.revision();
      if (currentRevision != write.revision()) {
        return new CommitResult.Conflict();
      }
    }
    boolean scheduleChanged = false;
    for (var write : writes) {
      var before = stored.get(write.id().number());
      scheduleChanged |= before == null ? write.open() && write.deadline() != null
          : before.open() != write.open() || !Objects.equals(before.deadline(), write.deadline());
      // How a vote was cast is kept only while the vote is (a forget takes both away), as Redis does.
      castBy.keySet().removeIf(key -> key.community().equals(community) && key.question().equals(write.id())
          && !votesOn(write, key.item()).contains(key.member()));
      stored.put(write.id().number(), write.atRevision(write.revision() + 1));
      structureRevision.computeIfAbsent(community, c -> new HashMap<>()).put(write.id().number(), write.revision() + 1);
    }
    markProcessed(community, event);
    var told = agenda;
    if (scheduleChanged && told != null) {
      told.lookSoon(community);
    }
    return new CommitResult.Committed();
  }

  @Override
  public synchronized CastResult cast(CommunityId community, Question decidedOn, VoteChange change, EventId event,
      SeenReactions.@Nullable Change seen) {
    check();
    if (processed.getOrDefault(community, Set.of()).contains(event)) {
      return new CastResult.AlreadyProcessed();
    }
    if (!decidedOn.community().equals(community) || !decidedOn.id().equals(change.question())) {
      throw new IllegalArgumentException("a vote is cast on the question it was decided on, in its community");
    }
    var current = questions(community).get(change.question().number());
    long structure = structureRevision.getOrDefault(community, Map.of()).getOrDefault(change.question().number(), 0L);
    if (current == null || structure > decidedOn.revision() || !change.decidedFrom(current)) {
      return new CastResult.Stale();
    }
    var updated = change.appliedTo(current).atRevision(current.revision() + 1);
    questions(community).put(change.question().number(), updated);
    markProcessed(community, event);
    if (seen != null && seenReactions != null) {
      seenReactions.saw(community, seen.messageId(), seen.seen(), seen.present());
    }
    var byKey = new CastBy(community, change.question(), change instanceof VoteChange.OnStatement s ? s.statement()
        : ((VoteChange.OnDraft) change).draft(), change.member());
    boolean removal = change instanceof VoteChange.OnStatement s ? s.after() == null : ((VoteChange.OnDraft) change).after() == null;
    if (removal) {
      castBy.remove(byKey);
    } else {
      castBy.put(byKey, seen != null);
    }
    // What the real store answers: the decided-on question with this vote applied (the voted item as
    // now stored where it holds a forgotten vote), and the item's tally counting every stored vote.
    var answered = !change.itemHoldsForgotten(decidedOn) ? change.appliedTo(decidedOn)
        : change instanceof VoteChange.OnStatement s
            ? s.withRecorded(decidedOn, updated.statement(s.statement()).orElseThrow().votes())
            : ((VoteChange.OnDraft) change).withRecorded(decidedOn,
                updated.draft(((VoteChange.OnDraft) change).draft()).orElseThrow().ballots());
    return new CastResult.Recorded(answered.atRevision(updated.revision()), change.shownIn(updated));
  }

  private void markProcessed(CommunityId community, @Nullable EventId event) {
    if (event != null) {
      processed.computeIfAbsent(community, c -> new HashSet<>()).add(event);
    }
  }

  @Override
  public synchronized boolean processed(CommunityId community, EventId event) {
    check();
    return processed.getOrDefault(community, Set.of()).contains(event);
  }

  private static java.util.Collection<MemberKey> votesOn(Question question, Object item) {
    if (item instanceof dev.chorus.core.question.StatementId statement) {
      return question.statement(statement).map(s -> s.votes().keySet()).orElse(Set.of());
    }
    return question.draft((dev.chorus.core.question.DraftVersion) item).map(d -> d.ballots().keySet()).orElse(Set.of());
  }

  private int eraseRequests;

  @Override
  public synchronized void eraseOldCopies() {
    check();
    eraseRequests++;
  }

  /** How often a forget asked for older copies to be erased; this store keeps none. */
  public synchronized int eraseRequests() {
    return eraseRequests;
  }

  /** Everything stored for the community, as a value that equals another snapshot of the same state. */
  public synchronized Map<Integer, Question> snapshot(CommunityId community) {
    return Map.copyOf(questions(community));
  }

  /** How each member's vote on an item was cast: true by reaction. */
  private record CastBy(CommunityId community, QuestionId question, Object item, MemberKey member) {}

  private final Map<CastBy, Boolean> castBy = new HashMap<>();

  @Override
  public synchronized boolean castByReaction(CommunityId community, QuestionId question, Object item, MemberKey member) {
    check();
    return castBy.getOrDefault(new CastBy(community, question, item, member), true);
  }

  /** The store of seen reactions that votes cast by reaction write to, as the real store does in one step. */
  public void recordSeenIn(SeenReactions seen) {
    this.seenReactions = seen;
  }

  /** While true, every call fails as an unreachable store would. */
  public void failWhile(boolean down) {
    this.unavailable = down;
  }

  private void check() {
    if (unavailable) {
      throw new StoreUnavailableException("the in-memory store is set to fail");
    }
  }

  private TreeMap<Integer, Question> questions(CommunityId community) {
    return byCommunity.computeIfAbsent(community, c -> new TreeMap<>());
  }
}
