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
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.MutableClock;
import dev.chorus.testkit.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question closes at its deadline while members keep voting on its draft, one vote every 20 ms,
 * each of which changes the question under the close: it still closes, within a minute, on the votes
 * it holds when it closes.
 */
class DeadlineCloseUnderVotesIT {
  private static final CommunityId COMMUNITY = new CommunityId("busy");
  private static final ChannelId CHANNEL = new ChannelId("general");

  @TempDir
  Path data;

  @Test
  void aDeadlineCloseUnderAVoteEveryTwentyMillisecondsClosesWithinAMinuteWithTheRightOutcome() throws Exception {
    var clock = MutableClock.at("2026-11-02T09:00:00Z");
    try (var redis = new RedisFixture(data.resolve("redis"))) {
      var stores = RedisConfiguration.stores(redis.redis, clock);
      var chat = new RecordingChat();
      var pseudonyms = new Pseudonyms(Conversation.TEST_SECRET);
      var chorus = new Chorus(stores, chat, pseudonyms, clock, Settings.DEFAULTS, new Random(1));
      var events = new AtomicInteger();
      var ana = Actor.member("ana", "ana");
      chorus.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, ana, new EventId("e" + events.incrementAndGet()),
          "/respond open Shall we answer? --deadline 1h"));
      // A question of some size, so that closing it (its analysis, its outcome) takes a while.
      for (int m = 0; m < 30; m++) {
        chorus.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, Actor.member("m" + m, "member " + m),
            new EventId("e" + events.incrementAndGet()), "/respond #Q1 My view, number " + m + ", on the answer"));
      }
      for (int m = 0; m < 30; m++) {
        for (int v = 1; v <= 10; v++) {
          chorus.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, Actor.member("m" + m, "member " + m),
              new EventId("e" + events.incrementAndGet()), "/respond #Q1 vote V" + ((m + v) % 30 + 1)
                  + ((m * v) % 3 == 0 ? " disagree" : " agree")));
        }
      }
      chorus.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, ana, new EventId("e" + events.incrementAndGet()),
          "/respond #Q1 draft We answer yes."));
      var draft = stores.links().messagesOf(COMMUNITY, new Target.DraftMessage(new QuestionId(1), new DraftVersion(1)))
          .get(0).id();
      var voting = new AtomicBoolean(true);
      var votes = new AtomicInteger();
      var voter = Executors.newSingleThreadExecutor();
      voter.submit(() -> {
        for (int n = 0; voting.get(); n++) {
          chorus.handle(new Inbound.ReactionAdded(COMMUNITY, CHANNEL, Actor.member("m" + (n % 40), "member " + (n % 40)),
              new EventId("v" + n), draft, n % 80 < 40 ? "✅" : "🤷"));
          votes.incrementAndGet();
          Thread.sleep(20);
        }
        return null;
      });
      Thread.sleep(500);
      clock.advance(Duration.ofHours(2));
      var schedule = new RunSchedule(stores, ChannelMembers.UNKNOWN, chat, pseudonyms, clock, Settings.DEFAULTS,
          RunSchedule.Timing.DEFAULTS, Observer.NONE);
      int before = votes.get();
      long started = System.nanoTime();

      var report = schedule.run();

      var took = Duration.ofNanos(System.nanoTime() - started);
      int during = votes.get() - before;
      voting.set(false);
      voter.shutdown();
      assertThat(voter.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
      assertThat(report.closed()).isEqualTo(1);
      assertThat(took).isLessThan(Duration.ofMinutes(1));
      var closed = stores.questions().find(COMMUNITY, new QuestionId(1)).orElseThrow();
      assertThat(closed.status()).isEqualTo(QuestionStatus.CLOSED);
      // The outcome tells the votes the question holds: votes after the close are refused, none slips in.
      long agree = closed.draft(new DraftVersion(1)).orElseThrow().ballots().values().stream()
          .filter(b -> b.choice() == DraftChoice.AGREE).count();
      assertThat(chat.last(COMMUNITY, "Q1 closed").text()).contains(agree + " agree");
      System.out.printf("deadline close under a vote every 20 ms, on Redis: closed in %d ms, %d votes cast meanwhile%n",
          took.toMillis(), during);
    }
  }
}
