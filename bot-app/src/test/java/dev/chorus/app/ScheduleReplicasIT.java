package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.core.Chorus;
import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Destination;
import dev.chorus.core.question.Questions;
import dev.chorus.testkit.MutableClock;
import dev.chorus.testkit.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scheduled work with two application instances on one Redis: each digest, reminder and close is
 * sent once however the instances race, and a job claimed by an instance that then died is done by
 * the other once the lease runs out.
 */
class ScheduleReplicasIT {
  private static final CommunityId COMMUNITY = new CommunityId("schedule");
  private static final ChannelId CHANNEL = new ChannelId("general");
  private static final Instant START = Instant.parse("2027-03-20T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(2);

  @TempDir
  Path data;

  private final AtomicLong events = new AtomicLong();
  /** Whether the test runs on a Redis Cluster of three masters rather than one Redis. */
  private boolean cluster;

  /** A Redis for the test: one server, or a 3-master cluster, named by its first node. */
  private record Server(String url, AutoCloseable stop) {
    void close() throws Exception {
      stop.close();
    }
  }

  private Server redis(String name) {
    if (cluster) {
      var nodes = new dev.chorus.app.store.RedisClusterFixture(data.resolve(name));
      return new Server(nodes.url().toUriWithPassword(), nodes::close);
    }
    var server = EmbeddedRedis.start(data.resolve(name));
    return new Server(server.url().toUriWithPassword(), server::close);
  }
  private final RecordingChat platform = new RecordingChat();
  private final MutableClock clock = MutableClock.at(START.toString());

  private ConfigurableApplicationContext instance(String redisUrl, String name, Chat chat, String interval) {
    // Arguments, not default properties: those would lose to application.properties.
    var builder = new SpringApplicationBuilder(ChorusApplication.class).web(WebApplicationType.NONE);
    if (chat != null) {
      builder.initializers(context -> context.getBeanFactory().registerSingleton("platform", chat));
    }
    return builder.run("--chorus.redis.url=" + redisUrl, "--chorus.secret=instances-share-this-secret",
        "--spring.application.name=instance-" + name, "--chorus.schedule.interval=" + interval,
        "--chorus.redis.cluster=" + cluster);
  }

  private RunSchedule schedule(ConfigurableApplicationContext context) {
    ChannelMembers members = (community, channel) -> Optional.of(Set.of(new MemberId("ana"), new MemberId("ben"),
        new MemberId("cem")));
    return new RunSchedule(context.getBean(Stores.class), members, platform, context.getBean(Pseudonyms.class), clock,
        Settings.DEFAULTS, new RunSchedule.Timing(Duration.ofHours(24), LEASE), Observer.NONE);
  }

  private void say(Chorus chorus, String member, String line) {
    chorus.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, Actor.member(member, member),
        new EventId("e" + events.incrementAndGet()), line));
  }

  private List<String> sent(String startingWith) {
    return platform.messages(COMMUNITY).stream().filter(m -> m.versions().get(0).plainText().startsWith(startingWith))
        .map(m -> m.destination() + " " + m.versions().get(0).plainText().lines().findFirst().orElse("")).toList();
  }

  @ParameterizedTest(name = "on a Redis Cluster: {0}")
  @ValueSource(booleans = {false, true})
  void twoInstancesRacingOverThreeDaysSendEachDigestReminderAndCloseOnce(boolean onCluster) throws Exception {
    cluster = onCluster;
    var redis = redis("redis");
    var pool = Executors.newFixedThreadPool(2);
    try (var one = instance(redis.url(), "one", null, "1h"); var two = instance(redis.url(), "two", null, "1h")) {
      var chorus = new Chorus(one.getBean(Stores.class), platform, one.getBean(Pseudonyms.class), clock, Settings.DEFAULTS,
          new Random(1));
      say(chorus, "ana", "/respond open Racing replicas --deadline 2d");
      say(chorus, "ana", "/respond #Q1 Ana's view");
      say(chorus, "ana", "/respond open Without a deadline");
      say(chorus, "ana", "/respond digest daily 09:00");
      say(chorus, "cem", "/respond digest me daily");
      var first = schedule(one);
      var second = schedule(two);

      for (var now = START; now.isBefore(START.plus(Duration.ofDays(3))); now = now.plus(Duration.ofMinutes(30))) {
        clock.set(now);
        var go = new CountDownLatch(1);
        Future<?> a = pool.submit(() -> {
          go.await();
          return first.run();
        });
        Future<?> b = pool.submit(() -> {
          go.await();
          return second.run();
        });
        go.countDown();
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
      }

      assertThat(sent("Q1 closed")).hasSize(1);
      assertThat(sent("A gentle reminder")).containsExactlyInAnyOrder(
          "Direct[member=ben] A gentle reminder: Q1 · Racing replicas closes 2027-03-22T00:00:00Z (24 hours from now), "
              + "and your view is not in yet. Every voice counts: /respond #Q1 view <your view> in its channel, or "
              + "/respond there for a form.",
          "Direct[member=cem] A gentle reminder: Q1 · Racing replicas closes 2027-03-22T00:00:00Z (24 hours from now), "
              + "and your view is not in yet. Every voice counts: /respond #Q1 view <your view> in its channel, or "
              + "/respond there for a form.");
      // 03-20 (new questions) and 03-21 (a deadline before the next); none after, when nothing is new.
      assertThat(sent("Digest:")).hasSize(2);
      // Cem's personal digest: each of the three mornings something awaits him.
      assertThat(sent("Your digest")).hasSize(3).allMatch(s -> s.startsWith("Direct[member=cem]"));
      assertThat(one.getBean(Questions.class).find(COMMUNITY, new dev.chorus.core.question.QuestionId(1)).orElseThrow()
          .open()).isFalse();
    } finally {
      pool.shutdownNow();
      redis.close();
    }
  }

  @ParameterizedTest(name = "on a Redis Cluster: {0}")
  @ValueSource(booleans = {false, true})
  void aJobClaimedByAnInstanceThatDiedIsDoneByTheOtherOnceTheLeaseRunsOut(boolean onCluster) throws Exception {
    cluster = onCluster;
    var redis = redis("redis-2");
    try (var one = instance(redis.url(), "one", null, "1h"); var two = instance(redis.url(), "two", null, "1h")) {
      var chorus = new Chorus(one.getBean(Stores.class), platform, one.getBean(Pseudonyms.class), clock, Settings.DEFAULTS,
          new Random(1));
      say(chorus, "ana", "/respond open Closing after a crash --deadline 1d");
      var deadline = START.plus(Duration.ofDays(1));
      clock.set(deadline);
      // Instance one claims the close and dies before doing anything more.
      assertThat(one.getBean(Stores.class).claims().claim(COMMUNITY, "close:Q1:" + deadline.getEpochSecond(), LEASE)).isTrue();

      var survivor = schedule(two);
      assertThat(survivor.run().closed()).isZero();
      assertThat(sent("Q1 closed")).isEmpty();

      // The lease runs out in Redis's time and in the schedule's alike.
      Thread.sleep(LEASE.toMillis() + 500);
      clock.advance(LEASE.plusMillis(500));
      assertThat(survivor.run().closed()).isEqualTo(1);
      assertThat(survivor.run().closed()).isZero();
      assertThat(sent("Q1 closed")).hasSize(1);
    } finally {
      redis.close();
    }
  }

  @Test
  void theSchedulerOfARunningInstanceClosesADueQuestionByItself() throws Exception {
    var redis = redis("redis-3");
    var running = new RecordingChat();
    try (var app = instance(redis.url(), "running", running, "200ms")) {
      // Opened two hours ago with a one-hour deadline: due now, by the real clock the instance runs on.
      var past = MutableClock.at(Instant.now().minus(Duration.ofHours(2)).toString());
      var chorus = new Chorus(app.getBean(Stores.class), running, app.getBean(Pseudonyms.class), past, Settings.DEFAULTS,
          new Random(1));
      chorus.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, Actor.member("ana", "ana"), new EventId("open"),
          "/respond open Due already --deadline 1h"));

      var closes = app.getBean(io.micrometer.core.instrument.MeterRegistry.class)
          .counter("chorus.scheduled", "kind", "deadline-close", "result", "sent");
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      // The close is counted right after its outcome is posted.
      while (System.nanoTime() < until && (closes.count() < 1 || running.messages(COMMUNITY).stream()
          .noneMatch(m -> m.versions().get(0).plainText().startsWith("Q1 closed")))) {
        Thread.sleep(100);
      }
      assertThat(running.messages(COMMUNITY)).anySatisfy(m -> {
        assertThat(m.destination()).isEqualTo(new Destination.Channel(CHANNEL));
        assertThat(m.versions().get(0).plainText()).startsWith("Q1 closed");
      });
      // Operators see it in the metrics, by kind and result only.
      assertThat(app.getBean(io.micrometer.core.instrument.MeterRegistry.class)
          .counter("chorus.scheduled", "kind", "deadline-close", "result", "sent").count()).isEqualTo(1.0);
    } finally {
      redis.close();
    }
  }
}
