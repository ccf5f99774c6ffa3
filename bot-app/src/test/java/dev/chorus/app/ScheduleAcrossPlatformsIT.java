package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.app.store.RedisFixture;
import dev.chorus.core.Chorus;
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
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.discord.DiscordIds;
import dev.chorus.slack.SlackIds;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.MutableClock;
import dev.chorus.testkit.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas on one Redis, as a deployment runs them: two Discord replicas holding one shard each,
 * and one for Slack. Over three simulated days every deadline close, reminder and digest of every
 * community goes out exactly once, each from the replica that serves its community.
 */
class ScheduleAcrossPlatformsIT {
  private static final Instant START = Instant.parse("2027-05-03T00:00:00Z");
  /** Guild ids whose shard, {@code (id >> 22) % 2}, is 0 and 1. */
  private static final CommunityId ON_SHARD_ZERO = DiscordIds.community(10L << 22);
  private static final CommunityId ON_SHARD_ONE = DiscordIds.community(11L << 22);
  private static final CommunityId WORKSPACE = SlackIds.community("T1");
  private static final ChannelId CHANNEL = new ChannelId("general");

  @TempDir
  Path data;

  private final MutableClock clock = MutableClock.at(START.toString());
  private final AtomicLong events = new AtomicLong();

  /** What one replica's platform took: where, what, and for which community. */
  record Sent(String replica, CommunityId community, Destination to, String text, String once) {}

  /** A replica's platform: it posts for the communities it serves and refuses any other. */
  private static Chat platform(String replica, Predicate<CommunityId> serves, List<Sent> sent) {
    var recording = new RecordingChat();
    return new Chat() {
      @Override
      public PostedMessage post(CommunityId community, Destination destination, Card card) {
        throw new AssertionError("a scheduled message is posted with a key that makes it go out once");
      }

      @Override
      public PostedMessage postOnce(CommunityId community, Destination destination, Card card, String once) {
        if (!serves.test(community)) {
          throw new ChatException("This replica does not run the platform of that community.");
        }
        sent.add(new Sent(replica, community, destination, card.plainText(), once));
        return recording.post(community, destination, card);
      }

      @Override
      public void edit(CommunityId community, PostedMessage message, Card card) {}
    };
  }

  private static boolean shard(CommunityId community, int shard) {
    return DiscordIds.owns(community)
        && (Long.parseLong(community.value().substring(DiscordIds.PREFIX.length())) >>> 22) % 2 == shard;
  }

  private void say(Chorus chorus, CommunityId community, String member, String line) {
    var answer = chorus.handle(new Inbound.CommandInvoked(community, CHANNEL, Actor.member(member, member),
        new EventId("e" + events.incrementAndGet()), line));
    assertThat(answer).isNotNull();
  }

  @Test
  void threeDaysOfDeadlinesRemindersAndDigestsGoOutOnceEachFromTheReplicaThatServesThem() throws Exception {
    try (var redis = new RedisFixture(data.resolve("redis"))) {
      var stores = RedisConfiguration.stores(redis.redis, clock);
      var pseudonyms = new Pseudonyms(Conversation.TEST_SECRET);
      var setup = new Chorus(stores, new RecordingChat(), pseudonyms, clock, Settings.DEFAULTS, new Random(1));
      for (var community : List.of(ON_SHARD_ZERO, ON_SHARD_ONE, WORKSPACE)) {
        var ana = "ana";
        say(setup, community, ana, "/respond open Shall we answer the consultation? --deadline 2d");
        say(setup, community, ana, "/respond We should, with an opt-out");
        say(setup, community, "ben", "/respond vote V1 agree");
        say(setup, community, ana, "/respond digest daily 09:00 UTC");
      }

      var sent = new CopyOnWriteArrayList<Sent>();
      Predicate<CommunityId> zero = c -> shard(c, 0);
      Predicate<CommunityId> one = c -> shard(c, 1);
      Predicate<CommunityId> slack = SlackIds::owns;
      // Slack lists a channel's members; Discord (without the members intent) cannot.
      ChannelMembers slackMembers = (community, channel) -> SlackIds.owns(community)
          ? Optional.of(Set.of(new MemberId("ana"), new MemberId("ben"), new MemberId("cem"))) : Optional.empty();
      var replicas = new ArrayList<RunSchedule>();
      for (var entry : List.of(List.<Object>of("discord-0", zero), List.<Object>of("discord-1", one),
          List.<Object>of("slack", slack))) {
        @SuppressWarnings("unchecked")
        var serves = (Predicate<CommunityId>) entry.get(1);
        var name = (String) entry.get(0);
        replicas.add(new RunSchedule(stores, name.equals("slack") ? slackMembers : ChannelMembers.UNKNOWN,
            platform(name, serves, sent), pseudonyms, clock, Settings.DEFAULTS,
            new RunSchedule.Timing(Duration.ofHours(24), Duration.ofMinutes(2)), Observer.NONE,
            RunSchedule.BeforeClose.NOTHING, serves));
      }

      var pool = Executors.newFixedThreadPool(3);
      try {
        var end = START.plus(Duration.ofDays(3));
        for (var now = START; now.isBefore(end); now = now.plus(Duration.ofMinutes(10))) {
          clock.set(now);
          // The three replicas look at once, as they do every minute in a deployment.
          var passes = new ArrayList<Future<?>>();
          for (var replica : replicas) {
            passes.add(pool.submit((Runnable) replica::run));
          }
          for (var pass : passes) {
            pass.get();
          }
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(sent).extracting(s -> s.community().value() + " " + s.once()).as("each message once").doesNotHaveDuplicates();
      for (var s : sent) {
        var expected = s.community().equals(WORKSPACE) ? "slack" : shard(s.community(), 0) ? "discord-0" : "discord-1";
        assertThat(s.replica()).as("who sent %s", s.once()).isEqualTo(expected);
      }
      for (var community : List.of(ON_SHARD_ZERO, ON_SHARD_ONE, WORKSPACE)) {
        var theirs = sent.stream().filter(s -> s.community().equals(community)).toList();
        assertThat(theirs).filteredOn(s -> s.text().contains("Q1 closed")).as("closed once in %s", community).hasSize(1);
        assertThat(theirs).filteredOn(s -> s.to() instanceof Destination.Channel && s.text().contains("Digest"))
            .as("a digest on each of the two days before the close in %s", community).hasSize(2);
        assertThat(stores.questions().find(community, new dev.chorus.core.question.QuestionId(1)).orElseThrow().open())
            .isFalse();
      }
      // Reminders: in Slack, the channel's members without a view (ben, cem); in Discord, who took part
      // without a view (ben). Each once.
      assertThat(sent).filteredOn(s -> s.to() instanceof Destination.Direct && s.community().equals(WORKSPACE))
          .extracting(s -> ((Destination.Direct) s.to()).member().value()).containsExactlyInAnyOrder("ben", "cem");
      for (var community : List.of(ON_SHARD_ZERO, ON_SHARD_ONE)) {
        assertThat(sent).filteredOn(s -> s.to() instanceof Destination.Direct && s.community().equals(community))
            .extracting(s -> ((Destination.Direct) s.to()).member().value()).containsExactly("ben");
      }
      System.out.printf("three replicas over three days: %d scheduled messages, each once, each from its replica%n",
          sent.size());
    }
  }

  @Test
  void aCommunityWhoseStoredDataIsCorruptNeverStopsTheOthersDeadlines() throws Exception {
    try (var redis = new RedisFixture(data.resolve("corrupt"))) {
      var stores = RedisConfiguration.stores(redis.redis, clock);
      var pseudonyms = new Pseudonyms(Conversation.TEST_SECRET);
      var setup = new Chorus(stores, new RecordingChat(), pseudonyms, clock, Settings.DEFAULTS, new Random(1));
      var broken = SlackIds.community("TBROKEN");
      for (var community : List.of(broken, WORKSPACE)) {
        say(setup, community, "ana", "/respond open Shall we answer the consultation? --deadline 1h");
      }
      // One community's question is damaged in the store (a bad write, a newer format).
      redis.redis.opsForHash().put("chorus:{slack:TBROKEN}:q:1", "json", "{\"format\": 99, \"broken");
      var sent = new CopyOnWriteArrayList<Sent>();
      var schedule = new RunSchedule(stores, ChannelMembers.UNKNOWN, platform("slack", c -> true, sent), pseudonyms,
          clock, Settings.DEFAULTS, RunSchedule.Timing.DEFAULTS, Observer.NONE);
      clock.advance(Duration.ofHours(2));

      schedule.run();

      assertThat(stores.questions().find(WORKSPACE, new dev.chorus.core.question.QuestionId(1)).orElseThrow().open())
          .as("the healthy community's question closed at its deadline").isFalse();
      assertThat(sent).filteredOn(s -> s.community().equals(WORKSPACE) && s.text().contains("Q1 closed")).hasSize(1);
    }
  }
}
