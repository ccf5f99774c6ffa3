package dev.chorus.testkit;

import dev.chorus.core.digest.ChannelDigests;
import dev.chorus.core.digest.Claims;
import dev.chorus.core.digest.MemberPreferences;
import dev.chorus.testkit.contract.NotificationsContract;
import java.time.Duration;

/** The in-memory notifications keep the same contract as the Redis ones. */
class InMemoryNotificationsContractTest extends NotificationsContract {
  private final MutableClock clock = MutableClock.at("2027-03-20T00:00:00Z");
  private final InMemoryNotifications notifications = new InMemoryNotifications(clock);

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
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }
}
