package dev.chorus.testkit;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.PinnedRoles;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Role names pinned to their roles, in memory, per community. */
public final class InMemoryPinnedRoles implements PinnedRoles {
  private record Key(CommunityId community, String roleName) {}

  private final Map<Key, String> pins = new ConcurrentHashMap<>();
  private volatile boolean down;

  @Override
  public Optional<String> pinned(CommunityId community, String roleName) {
    check();
    return Optional.ofNullable(pins.get(new Key(community, roleName)));
  }

  @Override
  public String pin(CommunityId community, String roleName, String roleId) {
    check();
    var earlier = pins.putIfAbsent(new Key(community, roleName), roleId);
    return earlier != null ? earlier : roleId;
  }

  /** While true, every call fails as an unreachable store would. */
  public void failWhile(boolean down) {
    this.down = down;
  }

  private void check() {
    if (down) {
      throw new dev.chorus.core.question.StoreUnavailableException("the in-memory store is set to fail");
    }
  }
}
