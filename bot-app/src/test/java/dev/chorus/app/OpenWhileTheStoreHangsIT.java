package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.app.redis.RedisUrl;
import dev.chorus.app.store.RedisFixture;
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
import dev.chorus.core.message.Target;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.slack.SlackIds;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.RecordingChat;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis stops answering writes just as a member's new question is written ({@code CLIENT PAUSE …
 * WRITE}, longer than Chorus waits for a command) and carries the write out afterwards. The member is
 * told honestly that it may have been saved; when they send it again, the channel has exactly one
 * question, with its card.
 */
class OpenWhileTheStoreHangsIT {
  private static final CommunityId COMMUNITY = SlackIds.community("TPAUSE");
  private static final ChannelId CHANNEL = new ChannelId("C1");

  @TempDir
  Path data;

  /** CLIENT PAUSE from a connection of its own, so the pause is Redis's, not one client's. */
  private static void pauseWrites(RedisUrl url, int millis) throws IOException {
    try (var socket = new Socket(url.host(), url.port())) {
      var in = socket.getInputStream();
      send(socket, List.of("AUTH", url.password()));
      var authenticated = new byte[5];
      assertThat(in.read(authenticated)).isPositive();
      assertThat(new String(authenticated, StandardCharsets.US_ASCII)).startsWith("+OK");
      send(socket, List.of("CLIENT", "PAUSE", String.valueOf(millis), "WRITE"));
      var answer = new byte[5];
      assertThat(in.read(answer)).isPositive();
      assertThat(new String(answer, StandardCharsets.US_ASCII)).startsWith("+OK");
    }
  }

  private static void send(Socket socket, List<String> words) throws IOException {
    var command = new StringBuilder("*" + words.size() + "\r\n");
    for (var word : words) {
      command.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
    }
    socket.getOutputStream().write(command.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static String text(List<Effect.Private> answers) {
    return answers.stream().map(a -> ((Effect.Reply) a).card().plainText()).collect(Collectors.joining("\n"));
  }

  @Test
  void aMemberIsToldItMayHaveBeenSavedAndTheirRetryLeavesOneQuestionWithItsCard() throws Exception {
    try (var redis = new RedisFixture(data.resolve("redis"))) {
      var real = RedisConfiguration.stores(redis.redis, Clock.systemUTC());
      // The pause begins as the question is written: the reads before it are answered as usual.
      var paused = new AtomicBoolean(true);
      var questions = (Questions) Proxy.newProxyInstance(Questions.class.getClassLoader(), new Class<?>[] {Questions.class},
          (proxy, method, args) -> {
            if (method.getName().equals("commit") && paused.compareAndSet(false, true)) {
              pauseWrites(redis.server.url(), 3_000);
            }
            try {
              return method.invoke(real.questions(), args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
      var stores = new Stores(questions, real.ballots(), real.links(), real.channelDigests(), real.memberPreferences(),
          real.claims(), real.seenReactions(), real.sharedReports());
      var chat = new RecordingChat();
      var chorus = new Chorus(stores, chat, new Pseudonyms(Conversation.TEST_SECRET), Clock.systemUTC(),
          Settings.DEFAULTS, new Random(1));
      var ana = Actor.member("UANA", "ana");
      // Chorus has written before (Redis knows its scripts), as it has in any running deployment.
      chorus.handle(new Inbound.CommandInvoked(COMMUNITY, new ChannelId("C0"), ana, new EventId("command:0"),
          "/respond open An earlier question elsewhere"));
      paused.set(false);

      var first = text(chorus.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, ana, new EventId("command:1"),
          "/respond open Shall we answer the consultation?")));
      assertThat(first).contains("could not confirm").doesNotContain("nothing was changed");

      // Redis carries the write out once the pause is over; the card never went out.
      Thread.sleep(1_500);
      var second = text(chorus.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, ana, new EventId("command:2"),
          "/respond open Shall we answer the consultation?")));

      assertThat(stores.questions().inChannel(COMMUNITY, CHANNEL, java.time.Instant.MIN)).hasSize(1);
      assertThat(second).contains("Q2 is open").contains("no second question");
      assertThat(stores.links().messagesOf(COMMUNITY, new Target.QuestionCard(new QuestionId(2)))).hasSize(1);
      assertThat(chat.messages(COMMUNITY)).filteredOn(m -> m.text().contains("Shall we answer the consultation?"))
          .hasSize(1);
      assertThat(first).as("the first try's answer").contains("may still carry it out");
      // A third try, card and all, changes nothing more.
      chorus.handle(new Inbound.CommandInvoked(COMMUNITY, CHANNEL, ana, new EventId("command:3"),
          "/respond open Shall we answer the consultation?"));
      assertThat(stores.questions().inChannel(COMMUNITY, CHANNEL, java.time.Instant.MIN)).hasSize(1);
      assertThat(chat.messages(COMMUNITY)).filteredOn(m -> m.text().contains("Shall we answer the consultation?"))
          .hasSize(1);
    }
  }
}
