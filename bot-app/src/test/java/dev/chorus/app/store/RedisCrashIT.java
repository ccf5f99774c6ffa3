package dev.chorus.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.core.Chorus;
import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.RecordingChat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty members keep sharing amendments and voting while Redis is killed with {@code kill -9} and
 * restarted on the same data folder: every change a member was told was saved is there afterwards,
 * every change that failed was told to its member, and commands are served again soon after Redis
 * is back, without restarting anything.
 */
class RedisCrashIT {
  private static final CommunityId COMMUNITY = new CommunityId("crash");
  private static final int MEMBERS = 20;
  private static final int QUESTIONS = 4;

  @TempDir
  Path data;

  record Ack(String member, int question, String amendment, int statement, StatementChoice choice) {}

  /** Kills Redis (or the part of it that holds the community), then starts it again. */
  private interface Crash {
    void kill() throws Exception;

    void restart() throws Exception;
  }

  @Test
  void acknowledgedChangesSurviveAKilledRedis() throws Exception {
    var fixture = new RedisFixture(data);
    int port = fixture.server.port();
    var restarted = new java.util.concurrent.atomic.AtomicReference<EmbeddedRedis>();
    acknowledgedChangesSurvive(fixture.redis, "Redis", new Crash() {
      @Override
      public void kill() throws Exception {
        var pid = java.nio.file.Files.readAllLines(data.resolve(EmbeddedRedis.PID_FILE)).get(0).strip();
        new ProcessBuilder("kill", "-9", pid).start().waitFor();
      }

      @Override
      public void restart() {
        // As a supervisor would: let go of the dead server (and its hold on the data folder), start a new one.
        fixture.server.close();
        restarted.set(EmbeddedRedis.start(data, port));
      }
    });
    restarted.get().close();
    fixture.close();
  }

  @Test
  void acknowledgedChangesSurviveAKilledMasterOfARedisCluster() throws Exception {
    try (var cluster = new RedisClusterFixture(data.resolve("cluster"))) {
      // The master that holds the community's slot.
      int master = cluster.masterOf(RedisKeys.lastNumber(COMMUNITY));
      acknowledgedChangesSurvive(cluster.redis, "the master holding the community", new Crash() {
        @Override
        public void kill() throws Exception {
          cluster.kill(master);
        }

        @Override
        public void restart() {
          cluster.restart(master);
        }
      });
    }
  }

  private void acknowledgedChangesSurvive(org.springframework.data.redis.core.StringRedisTemplate redis, String killed,
      Crash crash) throws Exception {
    var questions = new RedisQuestions(redis);
    var chat = new RecordingChat();
    var notifications = new RedisNotifications(redis);
    var chorus = new Chorus(new Stores(questions, questions, new RedisMessageLinks(redis), notifications, notifications,
        notifications, new RedisSeenReactions(redis), new RedisSharedReports(redis)), chat, new Pseudonyms(Conversation.TEST_SECRET),
        Clock.systemUTC(), Settings.DEFAULTS, new Random(1));
    var events = new AtomicLong();
    // Setup: four questions, each with a draft so members can amend it, and a view per member.
    var members = new ArrayList<Actor>();
    for (int i = 0; i < MEMBERS; i++) {
      members.add(Actor.member("U" + i, "member" + i));
    }
    for (int q = 0; q < QUESTIONS; q++) {
      var opener = members.get(q);
      say(chorus, events, opener, q, "/respond open Crash question " + q);
      say(chorus, events, opener, q, "/respond draft A first draft");
    }
    for (int i = 0; i < MEMBERS; i++) {
      say(chorus, events, members.get(i), i % QUESTIONS, "/respond My view " + i);
    }

    var acknowledged = new ConcurrentHashMap<String, Ack>();
    var failed = new AtomicInteger();
    var unexplained = new ConcurrentHashMap<String, String>();
    var running = new AtomicBoolean(true);
    var lastSuccess = new AtomicLong();
    var pool = Executors.newFixedThreadPool(MEMBERS);
    for (int i = 0; i < MEMBERS; i++) {
      int me = i;
      pool.submit(() -> {
        int round = 0;
        while (running.get()) {
          var member = members.get(me);
          int question = me % QUESTIONS;
          round++;
          // Alternately a new amendment (unique words) and a vote on a statement not voted on before.
          String line;
          Ack ack;
          if (round % 2 == 1) {
            var words = "amendment " + me + "-" + round;
            line = "/respond amend " + words;
            ack = new Ack(member.id().value(), question, words, 0, StatementChoice.AGREE);
          } else {
            int statement = round / 2;
            var choice = (me + round) % 3 == 0 ? StatementChoice.DISAGREE : StatementChoice.AGREE;
            line = "/respond vote V" + statement + " " + choice.word();
            ack = new Ack(member.id().value(), question, "", statement, choice);
          }
          var answer = text(say(chorus, events, member, question, line));
          if (answer.contains("could not save") || answer.contains("did not get through")) {
            failed.incrementAndGet();
            // A member told it failed tries again a moment later. Twenty threads retrying without a
            // pause, answered at once while Redis is down, would hold both cores of a small machine
            // and starve the reconnect and the restarting server this test is about.
            Thread.sleep(5);
          } else if (answer.contains("amendment to v1 is posted") || answer.contains("Your vote on V")) {
            acknowledged.put(member.id().value() + "#" + round, ack);
            lastSuccess.set(System.nanoTime());
          } else if (!answer.contains("has no V") && !answer.contains("Try: ")) {
            unexplained.put(line, answer);
          }
          Thread.onSpinWait();
        }
        return null;
      });
    }
    Thread.sleep(1500);
    crash.kill();
    int acknowledgedBeforeCrash = acknowledged.size();
    Thread.sleep(1000);
    crash.restart();
    long back = System.nanoTime();
    long waitUntil = back + TimeUnit.SECONDS.toNanos(10);
    while (lastSuccess.get() < back && System.nanoTime() < waitUntil) {
      Thread.sleep(20);
    }
    double secondsToServeAgain = (lastSuccess.get() - back) / 1e9;
    Thread.sleep(1500);
    running.set(false);
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    System.out.printf("crash test, %s killed: %d changes acknowledged (%d before the kill), %d told they failed, "
        + "commands served again %.2f s after it came back%n", killed, acknowledged.size(), acknowledgedBeforeCrash,
        failed.get(), secondsToServeAgain);
    assertThat(unexplained).as("every answer is an acknowledgement, a refusal or a plain failure").isEmpty();
    assertThat(failed.get()).as("some commands hit the dead Redis and were told so").isPositive();
    assertThat(acknowledgedBeforeCrash).isPositive();
    assertThat(acknowledged.size()).as("work went on after the restart").isGreaterThan(acknowledgedBeforeCrash);
    assertThat(secondsToServeAgain).as("seconds until commands were served again").isBetween(0.0, 5.0);

    // Every acknowledged change is in the store that came back from its append-only file.
    Map<Integer, dev.chorus.core.question.Question> stored = new java.util.HashMap<>();
    for (int q = 0; q < QUESTIONS; q++) {
      stored.put(q, questions.find(COMMUNITY, new QuestionId(q + 1)).orElseThrow());
    }
    for (var ack : acknowledged.values()) {
      var question = stored.get(ack.question());
      if (!ack.amendment().isEmpty()) {
        assertThat(question.statements()).as("acknowledged " + ack).anyMatch(s -> s.text().equals(ack.amendment()));
      } else {
        var statement = question.statement(new StatementId(ack.statement())).orElseThrow();
        assertThat(statement.votes().get(new dev.chorus.core.question.MemberKey(ack.member())))
            .as("acknowledged " + ack).isEqualTo(ack.choice());
      }
    }
  }

  private static List<Effect.Private> say(Chorus chorus, AtomicLong events, Actor member, int question, String line) {
    return chorus.handle(new Inbound.CommandInvoked(COMMUNITY, new ChannelId("channel-" + question), member,
        new EventId("e" + events.incrementAndGet()), line));
  }

  private static String text(List<Effect.Private> answers) {
    return answers.stream().map(a -> a instanceof Effect.Reply r ? r.card().plainText() : a.toString())
        .collect(Collectors.joining("\n"));
  }
}
