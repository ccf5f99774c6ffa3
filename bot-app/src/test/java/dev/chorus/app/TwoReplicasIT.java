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
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import dev.chorus.testkit.RecordingChat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one Redis, as two replicas run in production: votes and view edits
 * arrive interleaved on both, and the result is exact; one platform event delivered to both is
 * applied once.
 */
class TwoReplicasIT {
  private static final CommunityId COMMUNITY = new CommunityId("replicas");
  private static final ChannelId CHANNEL = new ChannelId("general");
  private static final int AUTHORS = 20;
  private static final int VOTERS = 50;
  private static final int EDITORS = 40;
  private static final int EDITS_EACH = 5;

  @TempDir
  Path data;

  private final AtomicLong events = new AtomicLong();

  @Test
  void votesAndEditsThroughTwoReplicasAddUpExactly() throws Exception {
    try (var redis = EmbeddedRedis.start(data.resolve("redis"))) {
      votesAndEditsAddUp(redis.url().toUriWithPassword(), false);
    }
  }

  @Test
  void votesAndEditsThroughTwoReplicasAddUpExactlyOnARedisCluster() throws Exception {
    try (var cluster = new dev.chorus.app.store.RedisClusterFixture(data.resolve("cluster"))) {
      votesAndEditsAddUp(cluster.url().toUriWithPassword(), true);
    }
  }

  private void votesAndEditsAddUp(String redisUrl, boolean cluster) throws Exception {
    try (var first = replica(redisUrl, "one", cluster); var second = replica(redisUrl, "two", cluster)) {
      // Both replicas talk to the same platform, as in production.
      var platform = new RecordingChat();
      var replicas = List.of(chorus(first, platform), chorus(second, platform));
      var facilitator = Actor.member("F", "facilitator");
      send(replicas.get(0), facilitator, "/respond open Replicated question", "open");
      var authors = new ArrayList<Actor>();
      for (int a = 0; a < AUTHORS; a++) {
        authors.add(Actor.member("A" + a, "author" + a));
        send(replicas.get(a % 2), authors.get(a), "/respond Statement of author " + a, "view");
      }
      // 1,000 votes: each voter votes once on each author's statement (V1…V20), alternating replicas;
      // 200 edits: each editor replaces their own view five times.
      var work = new ArrayList<Callable<Void>>();
      for (int v = 0; v < VOTERS; v++) {
        var voter = Actor.member("B" + v, "voter" + v);
        int seed = v;
        work.add(() -> {
          for (int s = 1; s <= AUTHORS; s++) {
            var choice = (seed + s) % 3 == 0 ? "disagree" : (seed + s) % 3 == 1 ? "agree" : "pass";
            send(replicas.get((seed + s) % 2), voter, "/respond vote V" + s + " " + choice, "Your vote on V" + s);
          }
          return null;
        });
      }
      for (int e = 0; e < EDITORS; e++) {
        var editor = Actor.member("C" + e, "editor" + e);
        int seed = e;
        work.add(() -> {
          for (int k = 1; k <= EDITS_EACH; k++) {
            send(replicas.get((seed + k) % 2), editor, "/respond view Editor " + seed + " says version " + k, "Your view");
          }
          return null;
        });
      }
      var pool = Executors.newFixedThreadPool(8);
      for (var future : pool.invokeAll(work)) {
        future.get();
      }
      pool.shutdown();

      var stored = questions(first).find(COMMUNITY, new QuestionId(1)).orElseThrow();
      for (int v = 0; v < VOTERS; v++) {
        for (int s = 1; s <= AUTHORS; s++) {
          var expected = (v + s) % 3 == 0 ? StatementChoice.DISAGREE : (v + s) % 3 == 1 ? StatementChoice.AGREE
              : StatementChoice.PASS;
          assertThat(stored.statement(new StatementId(s)).orElseThrow().votes().get(new MemberKey("B" + v)))
              .as("voter %d on V%d", v, s).isEqualTo(expected);
        }
      }
      int votes = 0;
      for (int s = 1; s <= AUTHORS; s++) {
        var tally = stored.statement(new StatementId(s)).orElseThrow().tally();
        assertThat(tally.total()).as("V%d: the author and 50 voters, once each", s).isEqualTo(VOTERS + 1);
        votes += tally.total() - 1;
      }
      assertThat(votes).isEqualTo(1000);
      for (int e = 0; e < EDITORS; e++) {
        var view = stored.viewOf(new MemberKey("C" + e)).orElseThrow();
        assertThat(view.text()).isEqualTo("Editor " + e + " says version " + EDITS_EACH);
        int editor = e;
        assertThat(stored.statements().stream().filter(s -> s.author().value().equals("C" + editor)).count())
            .as("every edit a statement of its own").isEqualTo(EDITS_EACH);
      }
      assertThat(stored.membersWithView()).hasSize(AUTHORS + EDITORS);

      // One platform event, delivered to both replicas at once: applied once.
      var retried = new Inbound.CommandInvoked(COMMUNITY, CHANNEL, Actor.member("D", "latecomer"), new EventId("Ev-shared"),
          "/respond vote V1 agree");
      var both = Executors.newFixedThreadPool(2);
      var answers = both.invokeAll(List.<Callable<List<Effect.Private>>>of(
          () -> replicas.get(0).handle(retried), () -> replicas.get(1).handle(retried)));
      both.shutdown();
      int told = 0;
      for (var answer : answers) {
        told += answer.get().isEmpty() ? 0 : 1;
      }
      var after = questions(second).find(COMMUNITY, new QuestionId(1)).orElseThrow();
      assertThat(after.statement(new StatementId(1)).orElseThrow().tally().total()).isEqualTo(VOTERS + 2);
      assertThat(told).as("one replica answered, the other saw a redelivery").isEqualTo(1);
      System.out.printf("two replicas%s: 1,000 votes and 200 edits, %d commits, revision %d at the end%n",
          cluster ? " on a 3-master Redis Cluster" : "", events.get(), after.revision());
    }
  }

  private ConfigurableApplicationContext replica(String redisUrl, String name, boolean cluster) {
    // Arguments, not default properties: those would lose to application.properties.
    return new SpringApplicationBuilder(ChorusApplication.class).web(WebApplicationType.NONE)
        .run("--chorus.redis.url=" + redisUrl, "--chorus.secret=replicas-share-this-secret",
            "--spring.application.name=replica-" + name, "--chorus.redis.cluster=" + cluster);
  }

  private static Chorus chorus(ConfigurableApplicationContext context, RecordingChat platform) {
    return new Chorus(context.getBean(Stores.class), platform,
        context.getBean(Pseudonyms.class), context.getBean(Clock.class), context.getBean(Settings.class), new Random(1));
  }

  private static Questions questions(ConfigurableApplicationContext context) {
    return context.getBean(Questions.class);
  }

  /** Sends a command as a member would: when told it did not get through, sends it again. */
  private void send(Chorus replica, Actor member, String line, String expected) {
    for (int attempt = 0; attempt < 20; attempt++) {
      var answer = replica.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, member,
          new EventId("e" + events.incrementAndGet()), line)).stream()
          .map(p -> p instanceof Effect.Reply r ? r.card().plainText() : p.toString()).collect(Collectors.joining("\n"));
      if (answer.contains(expected) || answer.contains("is open")) {
        return;
      }
      assertThat(answer).as(line).contains("did not get through");
    }
    throw new AssertionError("never got through: " + line);
  }
}
