package dev.chorus.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.model.builtin.DefaultBot;
import dev.chorus.app.redis.ResolvedSecret;
import dev.chorus.app.store.RedisFixture;
import dev.chorus.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installations' bookkeeping on a real Redis: every way a workspace leaves, and what brings it back. */
class RedisSlackInstallationsIT {
  @TempDir
  Path data;

  private final MutableClock clock = MutableClock.at("2026-12-01T09:00:00Z");
  private final ResolvedSecret secret = new ResolvedSecret("installations-it-secret-0123".getBytes(StandardCharsets.UTF_8));

  private static DefaultBot bot(String team, String token) {
    var bot = new DefaultBot();
    bot.setTeamId(team);
    bot.setBotAccessToken(token);
    bot.setBotUserId("UBOT");
    bot.setInstalledAt(System.currentTimeMillis());
    return bot;
  }

  @Test
  void aWorkspaceBoltFindsInactiveIsARemovalAndItsErasureComesDue() {
    try (var redis = new RedisFixture(data.resolve("redis"))) {
      var installations = new RedisSlackInstallations(redis.redis, secret, clock, Duration.ofDays(30));
      installations.saveBot(bot("T1", "xoxb-one"));
      assertThat(installations.botToken("T1")).isEqualTo("xoxb-one");

      installations.deleteBot(bot("T1", "xoxb-one"));

      assertThat(installations.botToken("T1")).isNull();
      assertThat(installations.installedNow("T1")).isFalse();
      assertThat(installations.erasedAfter("T1")).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
      clock.advance(Duration.ofDays(31));
      assertThat(installations.dueForErasure()).extracting(RedisSlackInstallations.DueErasure::team).containsExactly("T1");
    }
  }

  @Test
  void onlyTheErasureThatWasDueIsLetGoAndAnotherReplicasCacheNeverKeepsAnInstallAlive() {
    try (var redis = new RedisFixture(data.resolve("redis"))) {
      var here = new RedisSlackInstallations(redis.redis, secret, clock, Duration.ofDays(30));
      var there = new RedisSlackInstallations(redis.redis, secret, clock, Duration.ofDays(30));
      here.saveBot(bot("T1", "xoxb-one"));
      assertThat(there.installed("T1")).as("read, and kept for a minute").isTrue();

      here.removed("T1", clock.instant());
      assertThat(there.installed("T1")).as("the other replica's memory").isTrue();
      assertThat(there.installedNow("T1")).as("Redis itself").isFalse();

      clock.advance(Duration.ofDays(31));
      var due = here.dueForErasure().get(0);
      // Installed again and removed again meanwhile: a new date, which this sweep must not drop.
      here.saveBot(bot("T1", "xoxb-two"));
      here.removed("T1", clock.instant());
      here.erasureDone(due);
      assertThat(here.erasedAfter("T1")).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    }
  }
}
