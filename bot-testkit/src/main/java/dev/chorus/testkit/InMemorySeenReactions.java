package dev.chorus.testkit;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.SeenReactions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The reactions last seen on each message, in memory, per community. */
public final class InMemorySeenReactions implements SeenReactions {
  private final Map<CommunityId, Map<String, Set<Seen>>> seen = new HashMap<>();
  private volatile boolean down;

  @Override
  public synchronized Set<Seen> on(CommunityId community, String messageId) {
    check();
    return Set.copyOf(seen.getOrDefault(community, Map.of()).getOrDefault(messageId, Set.of()));
  }

  @Override
  public synchronized void saw(CommunityId community, String messageId, Seen reaction, boolean present) {
    check();
    var onMessage = seen.computeIfAbsent(community, c -> new HashMap<>()).computeIfAbsent(messageId, m -> new HashSet<>());
    if (present) {
      onMessage.add(reaction);
    } else {
      onMessage.remove(reaction);
    }
  }

  void failWhile(boolean down) {
    this.down = down;
  }

  private void check() {
    if (down) {
      throw new dev.chorus.core.question.StoreUnavailableException("the in-memory store is set to fail");
    }
  }
}
