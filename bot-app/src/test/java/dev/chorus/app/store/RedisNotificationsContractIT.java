package dev.chorus.app.store;

import dev.chorus.core.digest.ChannelDigests;
import dev.chorus.core.digest.Claims;
import dev.chorus.core.digest.MemberPreferences;
import dev.chorus.testkit.contract.NotificationsContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The Redis notifications keep the same contract as the in-memory ones, on a real redis-server. */
class RedisNotificationsContractIT extends NotificationsContract {
  @TempDir
  static Path data;

  private static RedisFixture fixture;
  private static RedisNotifications notifications;

  @BeforeAll
  static void startRedis() {
    fixture = new RedisFixture(data);
    notifications = new RedisNotifications(fixture.redis);
  }

  @AfterAll
  static void stopRedis() {
    fixture.close();
  }

  @Override
  protected ChannelDigests channelDigests() {
    return notifications;
  }

  @Override
  protected MemberPreferences memberPreferences() {
    return notifications;
  }

  @Override
  protected Claims claims() {
    return notifications;
  }

  @Override
  protected void passTime(Duration duration) throws InterruptedException {
    // Redis keeps leases on its own clock.
    Thread.sleep(duration.toMillis());
  }
}
