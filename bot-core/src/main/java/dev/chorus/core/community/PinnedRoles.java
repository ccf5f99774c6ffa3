package dev.chorus.core.community;

import java.util.Optional;

/**
 * The role a configured role name was first found to mean in each community, kept for good: anyone
 * allowed to make roles can make another of the same name, and it must never take the first one's
 * place, not even after a restart. The first pin wins, also between replicas racing to pin. May throw
 * {@link dev.chorus.core.question.StoreUnavailableException}.
 */
public interface PinnedRoles {

  /** The role the name is pinned to in the community; empty when it was never pinned there. */
  Optional<String> pinned(CommunityId community, String roleName);

  /**
   * Pins the name to the role unless it is pinned already.
   *
   * @return the role the name is pinned to now: {@code roleId}, or the one pinned before
   */
  String pin(CommunityId community, String roleName, String roleId);
}
