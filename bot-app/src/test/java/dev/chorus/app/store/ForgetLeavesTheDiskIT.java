package dev.chorus.app.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.RecordingChat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.core.RedisCallback;

/**
 * After {@code forget me}, the member's words leave Redis and then its files on disk: the rewrite
 * {@link OldCopies} asks for takes the older commands that still carried them out of the
 * append-only file. Also: how a forgotten vote was cast is not kept.
 */
class ForgetLeavesTheDiskIT {
  private static final CommunityId COMMUNITY = new CommunityId("forget");
  private static final ChannelId CHANNEL = new ChannelId("general");

  @TempDir
  Path data;

  private final AtomicLong events = new AtomicLong();

  @Test
  void theForgottenWordsAreGoneFromEveryFileOnceTheRewriteIsDone() throws Exception {
    try (var fixture = new RedisFixture(data)) {
      forgottenWordsLeaveTheDisk(fixture.redis);
    }
  }

  @Test
  void onARedisClusterTheForgottenWordsLeaveEveryMastersFiles() throws Exception {
    try (var cluster = new RedisClusterFixture(data.resolve("cluster"))) {
      forgottenWordsLeaveTheDisk(cluster.redis);
    }
  }

  private void forgottenWordsLeaveTheDisk(org.springframework.data.redis.core.StringRedisTemplate redis) throws Exception {
    {
      var questions = new RedisQuestions(redis);
      var notifications = new RedisNotifications(redis);
      var chat = new RecordingChat();
      var chorus = new Chorus(new Stores(questions, questions, new RedisMessageLinks(redis), notifications,
          notifications, notifications, new RedisSeenReactions(redis), new RedisSharedReports(redis)), chat,
          new Pseudonyms(Conversation.TEST_SECRET), Clock.systemUTC(), Settings.DEFAULTS, new Random(1));
      var opener = Actor.member("U1", "Olga").asFacilitator();
      var leaving = Actor.member("U2", "Xanthippe");
      var staying = Actor.member("U3", "Yusuf");
      say(chorus, opener, "/respond open Shall we share the van?");
      say(chorus, leaving, "/respond Only on weekdays marmalade");
      say(chorus, leaving, "/respond view Only on weekdays, never at night tangerine");
      say(chorus, staying, "/respond Yes, with a booking sheet");
      say(chorus, opener, "/respond draft We share the van with a booking sheet.");
      say(chorus, leaving, "/respond amend Add a weekday-only rule clementine");
      say(chorus, leaving, "/respond vote v1 block");
      say(chorus, leaving, "/respond reason Nights are unsafe kumquat");
      say(chorus, leaving, "/respond vote V3 agree");
      var words = List.of("Xanthippe", "marmalade", "tangerine", "clementine", "kumquat");
      // Everything reaches the disk first, so the test shows the rewrite takes it out again.
      redis.execute((RedisCallback<Object>) c -> {
        c.serverCommands().bgReWriteAof();
        return null;
      });
      awaitNoRewrite(redis);
      say(chorus, opener, "/respond status");
      Thread.sleep(1_500);
      assertThat(filesContaining(words)).as("before the forget, the words are on disk").isNotEmpty();

      var answer = say(chorus, leaving, "/respond forget me");
      assertThat(answer).contains("Withdrawn everywhere");
      assertThat(redis.keys("*:by")).allSatisfy(key ->
          assertThat(redis.opsForHash().keys(key)).as(key).doesNotContain("U2"));

      assertThat(redis.opsForValue().get(RedisKeys.ERASE_REQUESTS)).as("the forget asked for a rewrite")
          .isEqualTo("1");
      // As the application runs it: a check at once, then every 30 s.
      try (var oldCopies = new OldCopies(redis)) {
        oldCopies.start();
        for (int i = 0; i < 100 && redis.hasKey(RedisKeys.ERASE_REQUESTS); i++) {
          Thread.sleep(100);
        }
        assertThat(redis.hasKey(RedisKeys.ERASE_REQUESTS)).as("the request was taken up").isFalse();
      }
      awaitNoRewrite(redis);
      // Written once everything settled: the file may take a second to be swapped in.
      Thread.sleep(1_500);
      assertThat(filesContaining(words)).as("files under the data folder that still hold the forgotten words").isEmpty();
      assertThat(new OldCopies(redis).checkOnce()).as("nothing more to do").isEqualTo(OldCopies.Check.NOTHING_ASKED);
    }
  }

  private String say(Chorus chorus, Actor who, String line) {
    var answers = chorus.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, who,
        new EventId("e" + events.incrementAndGet()), line));
    var text = new StringBuilder();
    for (var answer : answers) {
      if (answer instanceof Effect.Reply reply) {
        text.append(reply.card().plainText()).append('\n');
      }
    }
    return text.toString();
  }

  private static void awaitNoRewrite(org.springframework.data.redis.core.StringRedisTemplate redis)
      throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (Boolean.TRUE.equals(redis.execute((RedisCallback<Boolean>) ForgetLeavesTheDiskIT::noRewriteAnywhere))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Redis kept rewriting for 10 s");
  }

  /** Whether no server (on a cluster: no master) is rewriting its append-only file. */
  private static boolean noRewriteAnywhere(org.springframework.data.redis.connection.RedisConnection connection) {
    var infos = new ArrayList<Properties>();
    if (connection instanceof org.springframework.data.redis.connection.RedisClusterConnection cluster) {
      for (var node : cluster.clusterGetNodes()) {
        if (node.isMaster()) {
          infos.add(cluster.serverCommands().info(node, "persistence"));
        }
      }
    } else {
      infos.add(connection.serverCommands().info("persistence"));
    }
    return infos.stream().allMatch(info -> info != null && "0".equals(info.getProperty("aof_rewrite_in_progress"))
        && "0".equals(info.getProperty("aof_rewrite_scheduled")));
  }

  private List<String> filesContaining(List<String> words) throws IOException {
    var found = new ArrayList<String>();
    try (Stream<Path> files = Files.walk(data)) {
      for (var file : files.filter(Files::isRegularFile).toList()) {
        var content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (var word : words) {
          if (content.contains(word)) {
            found.add(data.relativize(file) + " holds " + word);
          }
        }
      }
    }
    return found;
  }
}
