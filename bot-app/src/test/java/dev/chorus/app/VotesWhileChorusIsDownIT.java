package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.app.store.RedisFixture;
import dev.chorus.core.Stores;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.discord.DiscordIds;
import dev.chorus.discord.fake.FakeDiscord;
import dev.chorus.slack.FakeSlackApi;
import dev.chorus.slack.FakeSocketMode;
import dev.chorus.slack.SlackIds;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged application is killed ({@code kill -9}) after a draft is posted. While it is down,
 * members vote and one takes back the reaction that counted; no platform tells Chorus (Slack's
 * retries run out, Discord replays nothing into a new session). Restarted on the same Redis, Chorus
 * reconciles with the reactions members see: the close counts the three and applies the withdrawal.
 */
class VotesWhileChorusIsDownIT {
  private static final Path JAR = Path.of("target", "chorus.jar");
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Pattern RECONCILED = Pattern.compile("chorus_votes_total\\{[^}]*via=\"reconciled\"[^}]*} ([0-9.]+)");

  @TempDir
  Path data;

  private final HttpClient http = HttpClient.newHttpClient();

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** {@code java -jar chorus.jar run} with the settings a deployment gives it, its output in a file. */
  private Process launch(Map<String, String> settings, String name) throws IOException {
    var java = ProcessHandle.current().info().command().orElse("java");
    var builder = new ProcessBuilder(java, "-jar", JAR.toString(), "run");
    var environment = builder.environment();
    for (var variable : List.of("REDIS_URL", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN")) {
      environment.remove(variable);
    }
    environment.putAll(settings);
    var log = data.resolve(name + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  private void ready(int port, Process process) throws Exception {
    until("the application ready", () -> {
      if (!process.isAlive()) {
        throw new AssertionError("the application stopped: " + tail());
      }
      try {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
            .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
      } catch (IOException | InterruptedException e) {
        return false;
      }
    });
  }

  private String tail() {
    try (var files = Files.list(data)) {
      var out = new StringBuilder();
      for (var log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        var lines = Files.readAllLines(log);
        out.append(log.getFileName()).append(":\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
      }
      return out.toString();
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void kill(Process process) throws InterruptedException {
    // destroyForcibly is SIGKILL on Linux: no shutdown hook, nothing flushed, as kill -9.
    process.destroyForcibly().waitFor();
  }

  private double reconciledVotes(int port) throws Exception {
    var metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    var found = RECONCILED.matcher(metrics);
    return found.find() ? Double.parseDouble(found.group(1)) : 0;
  }

  private static void until(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      Thread.sleep(50);
    }
  }

  private static Map<DraftChoice, Long> ballots(Stores stores, CommunityId community) {
    var counts = new HashMap<DraftChoice, Long>();
    stores.questions().find(community, new QuestionId(1)).orElseThrow().draft(new DraftVersion(1)).orElseThrow().ballots()
        .values().forEach(b -> counts.merge(b.choice(), 1L, Long::sum));
    return counts;
  }

  @ParameterizedTest(name = "Slack, {0}")
  @ValueSource(strings = {"HTTP mode", "Socket Mode"})
  void inSlackVotesCastWhileChorusWasKilledCountAtTheClose(String transport) throws Exception {
    var community = SlackIds.community("T1");
    int port = freePort();
    try (var redis = new RedisFixture(data.resolve("redis")); var slack = new FakeSlackApi()) {
      var socket = transport.equals("Socket Mode") ? new FakeSocketMode() : null;
      var settings = new HashMap<>(Map.of("REDIS_URL", redis.server.url().toUriWithPassword(),
          "CHORUS_SECRET", "killed-while-voting-0123456789", "SERVER_PORT", String.valueOf(port),
          "SLACK_BOT_TOKEN", FakeSlackApi.TOKEN, "CHORUS_SLACK_API_URL", slack.url()));
      if (socket != null) {
        slack.socketUrl(socket.url());
        settings.put("SLACK_APP_TOKEN", FakeSlackApi.APP_TOKEN);
      } else {
        settings.put("SLACK_SIGNING_SECRET", SlackDriver.SECRET);
      }
      var stores = RedisConfiguration.stores(redis.redis, Clock.systemUTC());
      var members = new SlackDriver(URI.create("http://127.0.0.1:" + port + "/slack/events"), socket, slack);
      var first = launch(settings, "first");
      try {
        ready(port, first);
        if (socket != null) {
          assertThat(socket.awaitConnections(1, PATIENCE)).isTrue();
        }
        members.command("UANA", "C1", "open Should we answer the ministry's consultation?");
        until("Q1's card", () -> !stores.links().messagesOf(community, new Target.QuestionCard(new QuestionId(1))).isEmpty());
        members.command("UANA", "C1", "We should, with an opt-out");
        members.command("UANA", "C1", "draft We answer the ministry: support, with an opt-out.");
        until("the draft posted", () -> !stores.links().messagesOf(community,
            new Target.DraftMessage(new QuestionId(1), new DraftVersion(1))).isEmpty());
        var draft = stores.links().messagesOf(community, new Target.DraftMessage(new QuestionId(1), new DraftVersion(1)))
            .get(0).id();
        var channel = draft.substring(0, draft.indexOf(':'));
        var ts = draft.substring(draft.indexOf(':') + 1);
        for (var member : List.of("UBEN", "UCEM")) {
          members.react(member, draft, "white_check_mark");
        }
        until("two votes", () -> ballots(stores, community).getOrDefault(DraftChoice.AGREE, 0L) == 2);
        kill(first);

        // While Chorus is down: three members vote, and ben takes back the reaction that counted.
        slack.addReaction(channel, ts, "UDAN", "white_check_mark");
        slack.addReaction(channel, ts, "UEVE", "white_check_mark");
        slack.addReaction(channel, ts, "UFAY", "x");
        slack.removeReaction(channel, ts, "UBEN", "white_check_mark");

        var second = launch(settings, "second");
        try {
          ready(port, second);
          if (socket != null) {
            assertThat(socket.awaitConnections(2, PATIENCE)).isTrue();
          }
          members.command("UANA", "C1", "#Q1 close");
          until("the outcome posted", () -> slack.calls("chat.postMessage").stream()
              .anyMatch(c -> c.status() == 200 && c.params().get("blocks").contains("Q1 closed")));
          var outcome = slack.calls("chat.postMessage").stream().filter(c -> c.params().get("blocks").contains("Q1 closed"))
              .findFirst().orElseThrow().params().get("blocks");
          assertThat(outcome).contains("✅ 3 agree").contains("❌ 1 disagree");
          assertThat(ballots(stores, community)).containsExactlyInAnyOrderEntriesOf(
              Map.of(DraftChoice.AGREE, 3L, DraftChoice.DISAGREE, 1L));
          assertThat(reconciledVotes(port)).as("chorus_votes_total{via=\"reconciled\"}").isEqualTo(3.0);
          System.out.printf("slack killed while voting, %s: 3 votes cast while down counted, 1 withdrawal applied, "
              + "reconciled votes %.0f%n", transport, reconciledVotes(port));
        } finally {
          kill(second);
        }
      } finally {
        kill(first);
        if (socket != null) {
          socket.close();
        }
      }
    }
  }

  @Test
  void inDiscordVotesCastWhileChorusWasKilledCountAtTheClose() throws Exception {
    int port = freePort();
    try (var redis = new RedisFixture(data.resolve("redis")); var fake = new FakeDiscord()) {
      var guild = fake.guild("Commons", 9_001L);
      var community = DiscordIds.community(guild.id());
      long channel = guild.firstChannel();
      var ana = fake.admin(guild.id(), "ana");
      var voters = List.of(fake.member(guild.id(), "ben"), fake.member(guild.id(), "cem"), fake.member(guild.id(), "dan"),
          fake.member(guild.id(), "eve"), fake.member(guild.id(), "fay"));
      var settings = Map.of("REDIS_URL", redis.server.url().toUriWithPassword(),
          "CHORUS_SECRET", "killed-while-voting-0123456789", "SERVER_PORT", String.valueOf(port),
          "DISCORD_TOKEN", FakeDiscord.TOKEN, "CHORUS_DISCORD_API_URL", fake.apiUrl(),
          "CHORUS_DISCORD_GATEWAY_URL", fake.gatewayUrl(), "DISCORD_GUILD_IDS", String.valueOf(guild.id()));
      var stores = RedisConfiguration.stores(redis.redis, Clock.systemUTC());
      var first = launch(settings, "first");
      try {
        ready(port, first);
        until("connected", () -> fake.connected(0) && !fake.guildCommands(guild.id()).isEmpty());
        fake.slashCommand(guild.id(), channel, ana.userId(), "respond", "open",
            Map.of("title", "Should we answer the ministry's consultation?"));
        until("Q1's card", () -> !stores.links().messagesOf(community, new Target.QuestionCard(new QuestionId(1))).isEmpty());
        fake.slashCommand(guild.id(), channel, ana.userId(), "respond", "view", Map.of("text", "We should, with an opt-out"));
        until("V1", () -> stores.questions().find(community, new QuestionId(1)).orElseThrow().statements().size() == 1);
        fake.slashCommand(guild.id(), channel, ana.userId(), "respond", "draft",
            Map.of("text", "We answer the ministry: support, with an opt-out."));
        until("the draft posted", () -> !stores.links().messagesOf(community,
            new Target.DraftMessage(new QuestionId(1), new DraftVersion(1))).isEmpty());
        var draft = stores.links().messagesOf(community, new Target.DraftMessage(new QuestionId(1), new DraftVersion(1)))
            .get(0).id();
        long draftChannel = Long.parseLong(DiscordIds.channelOf(draft));
        long draftId = Long.parseLong(DiscordIds.messageOf(draft));
        fake.reactionAdd(guild.id(), draftChannel, draftId, voters.get(0).userId(), "✅");
        fake.reactionAdd(guild.id(), draftChannel, draftId, voters.get(1).userId(), "✅");
        until("two votes", () -> ballots(stores, community).getOrDefault(DraftChoice.AGREE, 0L) == 2);
        kill(first);

        // While Chorus is down: three members vote, and ben takes back the reaction that counted.
        fake.reactSilently(draftId, voters.get(2).userId(), "✅");
        fake.reactSilently(draftId, voters.get(3).userId(), "✅");
        fake.reactSilently(draftId, voters.get(4).userId(), "❌");
        fake.unreactSilently(draftId, voters.get(0).userId(), "✅");

        var second = launch(settings, "second");
        try {
          ready(port, second);
          until("connected again", () -> fake.identifies().size() >= 2 && fake.connected(0));
          fake.slashCommand(guild.id(), channel, ana.userId(), "respond", "close", Map.of("question", "Q1"));
          until("the outcome posted", () -> fake.messages(channel).stream().anyMatch(m -> m.text().contains("Q1 closed")));
          var outcome = fake.messages(channel).stream().filter(m -> m.text().contains("Q1 closed")).findFirst().orElseThrow();
          assertThat(outcome.text()).contains("✅ 3 agree").contains("❌ 1 disagree");
          assertThat(ballots(stores, community)).containsExactlyInAnyOrderEntriesOf(
              Map.of(DraftChoice.AGREE, 3L, DraftChoice.DISAGREE, 1L));
          assertThat(reconciledVotes(port)).as("chorus_votes_total{via=\"reconciled\"}").isEqualTo(3.0);
          assertThat(fake.violations()).isEmpty();
          System.out.printf("discord killed while voting: 3 votes cast while down counted, 1 withdrawal applied, "
              + "reconciled votes %.0f%n", reconciledVotes(port));
        } finally {
          kill(second);
        }
      } finally {
        kill(first);
      }
    }
  }
}
