package dev.chorus.testkit;

import dev.chorus.core.community.PinnedRoles;
import dev.chorus.testkit.contract.PinnedRolesContract;

/** The in-memory pins keep the same contract as the Redis ones. */
class InMemoryPinnedRolesContractTest extends PinnedRolesContract {
  private final InMemoryPinnedRoles pins = new InMemoryPinnedRoles();

  @Override
  protected PinnedRoles pinnedRoles() {
    return pins;
  }
}
