package dev.chorus.testkit;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.digest.Agenda;
import dev.chorus.core.question.StoreUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The agenda in memory, as exact as Redis's: a community is looked at only when its next look has
 * come or something changed in it. The in-memory stores tell it of every change, so the schedule's
 * tests show that nothing due is ever skipped.
 */
public final class InMemoryAgenda implements Agenda {
  private final Map<CommunityId, Instant> nextLook = new HashMap<>();
  private final Map<CommunityId, Long> changes = new HashMap<>();
  private volatile boolean unavailable;

  @Override
  public synchronized List<Due> dueBy(Instant now) {
    check();
    var due = new ArrayList<Due>();
    nextLook.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(CommunityId::value)))
        .forEach(e -> due.add(new Due(e.getKey(), changes.getOrDefault(e.getKey(), 0L))));
    return due;
  }

  @Override
  public synchronized void looked(Due due, @Nullable Instant next) {
    check();
    if (changes.getOrDefault(due.community(), 0L) != due.mark()) {
      return;
    }
    if (next == null) {
      nextLook.remove(due.community());
    } else {
      nextLook.put(due.community(), next);
    }
  }

  @Override
  public synchronized void lookSoon(CommunityId community) {
    check();
    nextLook.put(community, Instant.EPOCH);
    changes.merge(community, 1L, Long::sum);
  }

  /** When the community is next looked at; null when only a change would bring it back. */
  public synchronized @Nullable Instant nextLook(CommunityId community) {
    return nextLook.get(community);
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
}
