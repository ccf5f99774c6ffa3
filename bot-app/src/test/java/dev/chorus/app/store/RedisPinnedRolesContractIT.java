package dev.chorus.app.store;

import dev.chorus.core.community.PinnedRoles;
import dev.chorus.testkit.contract.PinnedRolesContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The Redis pins keep the same contract as the in-memory ones, on a real redis-server. */
class RedisPinnedRolesContractIT extends PinnedRolesContract {
  @TempDir
  static Path data;

  private static RedisFixture fixture;
  private static RedisPinnedRoles pins;

  @BeforeAll
  static void startRedis() {
    fixture = new RedisFixture(data);
    pins = new RedisPinnedRoles(fixture.redis);
  }

  @AfterAll
  static void stopRedis() {
    fixture.close();
  }

  @Override
  protected PinnedRoles pinnedRoles() {
    return pins;
  }
}
