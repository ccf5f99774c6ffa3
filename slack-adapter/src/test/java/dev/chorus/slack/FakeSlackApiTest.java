package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake Slack behaves as Slack does where a test could otherwise hide a race: latency, limits, state, order. */
class FakeSlackApiTest {
  private final FakeSlackApi slack;
  private final HttpClient http = HttpClient.newHttpClient();

  FakeSlackApiTest() throws Exception {
    slack = new FakeSlackApi();
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private CompletableFuture<HttpResponse<String>> callAsync(String method, Map<String, String> params) {
    var form = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return http.sendAsync(HttpRequest.newBuilder(URI.create(slack.url() + method))
        .header("Authorization", "Bearer " + FakeSlackApi.TOKEN)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> call(String method, Map<String, String> params) {
    return callAsync(method, params).join();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private String post(String channel, String text) {
    return json(call("chat.postMessage", Map.of("channel", channel, "text", text))).get("ts").getAsString();
  }

  @Test
  void everyCallIsAnsweredAfterARandomDelayWithinItsBoundsUnlessTurnedOff() {
    var took = new ArrayList<Long>();
    for (int i = 0; i < 12; i++) {
      long started = System.nanoTime();
      assertThat(call("auth.test", Map.of()).statusCode()).isEqualTo(200);
      took.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
    // At least the minimum; the maximum plus room for a busy machine.
    assertThat(took).allSatisfy(ms -> assertThat(ms).isBetween(30L, 150L + 400L));
    assertThat(took.stream().distinct().count()).as("random, not one fixed delay: %s", took).isGreaterThan(3);

    slack.latency(Duration.ZERO, Duration.ZERO);
    long started = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      call("auth.test", Map.of());
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(300));
  }

  @Test
  void aTier3BurstBeyondItsAllowanceIsAnswered429WithRetryAfter() {
    // All at once, as a caller ignoring the limits would: the burst of 20 passes, the rest wait.
    var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
    for (int i = 0; i < 26; i++) {
      answers.add(callAsync("conversations.open", Map.of("users", "U" + i)));
    }
    var statuses = answers.stream().map(CompletableFuture::join).toList();
    var refused = statuses.stream().filter(r -> r.statusCode() == 429).toList();
    // 20 from the bucket, at most one more refilled while they arrive (50 a minute).
    assertThat(26 - refused.size()).isBetween(20, 21);
    assertThat(refused).allSatisfy(r -> {
      assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
      assertThat(r.body()).isEqualTo("{\"ok\":false,\"error\":\"ratelimited\"}");
    });
    assertThat(slack.calls("conversations.open")).filteredOn(c -> c.status() == 429).hasSize(refused.size());
    // Another method has a bucket of its own.
    assertThat(call("users.info", Map.of("user", "U1")).statusCode()).isEqualTo(200);

    // chat.postMessage: five at once in a channel, then about one a second; another channel is apart.
    var posts = new ArrayList<CompletableFuture<HttpResponse<String>>>();
    for (int i = 0; i < 8; i++) {
      posts.add(callAsync("chat.postMessage", Map.of("channel", "C1", "text", "m" + i)));
    }
    var posted = posts.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
    assertThat(posted).isBetween(5L, 6L);
    assertThat(call("chat.postMessage", Map.of("channel", "C2", "text", "elsewhere")).statusCode()).isEqualTo(200);

    slack.rateLimits(false);
    for (int i = 0; i < 10; i++) {
      assertThat(call("chat.postMessage", Map.of("channel", "C1", "text", "unlimited " + i)).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void reactionsGetShowsTheBotsAndTheMembersReactionsAsTheyChange() {
    var ts = post("C1", "V1 · a view");

    assertThat(json(call("reactions.add", Map.of("channel", "C1", "timestamp", ts, "name", "+1"))).get("ok").getAsBoolean())
        .isTrue();
    assertThat(json(call("reactions.add", Map.of("channel", "C1", "timestamp", ts, "name", "thumbsup")))
        .get("error").getAsString()).isEqualTo("already_reacted");
    assertThat(json(call("reactions.add", Map.of("channel", "C1", "timestamp", ts, "name", "no_such_emoji")))
        .get("error").getAsString()).isEqualTo("invalid_name");
    assertThat(json(call("reactions.add", Map.of("channel", "C1", "timestamp", "1.000001", "name", "-1")))
        .get("error").getAsString()).isEqualTo("message_not_found");

    assertThat(slack.addReaction("C1", ts, "U1", "+1")).isTrue();
    assertThat(slack.addReaction("C1", ts, "U1", "+1")).isFalse();
    assertThat(slack.addReaction("C1", ts, "U2", "shrug")).isTrue();
    assertThat(slack.reactions("C1", ts)).containsExactly(Map.entry("+1", List.of("UBOT", "U1")),
        Map.entry("shrug", List.of("U2")));

    var got = json(call("reactions.get", Map.of("channel", "C1", "timestamp", ts, "full", "true")));
    assertThat(got.get("ok").getAsBoolean()).isTrue();
    assertThat(got.get("channel").getAsString()).isEqualTo("C1");
    var message = got.getAsJsonObject("message");
    assertThat(message.get("ts").getAsString()).isEqualTo(ts);
    assertThat(reactionsOf(message)).containsExactly(Map.entry("+1", List.of("UBOT", "U1")),
        Map.entry("shrug", List.of("U2")));
    assertThat(message.getAsJsonArray("reactions").get(0).getAsJsonObject().get("count").getAsInt()).isEqualTo(2);

    assertThat(slack.removeReaction("C1", ts, "U2", "shrug")).isTrue();
    assertThat(slack.removeReaction("C1", ts, "U2", "shrug")).isFalse();
    assertThat(reactionsOf(json(call("reactions.get", Map.of("channel", "C1", "timestamp", ts, "full", "true")))
        .getAsJsonObject("message"))).containsExactly(Map.entry("+1", List.of("UBOT", "U1")));
    assertThat(json(call("reactions.get", Map.of("channel", "C1", "timestamp", "1.000001", "full", "true")))
        .get("error").getAsString()).isEqualTo("message_not_found");
  }

  private static Map<String, List<String>> reactionsOf(JsonObject message) {
    var reactions = new LinkedHashMap<String, List<String>>();
    if (message.has("reactions")) {
      for (var reaction : message.getAsJsonArray("reactions")) {
        var r = reaction.getAsJsonObject();
        reactions.put(r.get("name").getAsString(), r.getAsJsonArray("users").asList().stream()
            .map(u -> u.getAsString()).toList());
      }
    }
    return reactions;
  }

  @Test
  void anEditChangesTheMessageAndAnUnknownOneIsNotFound() {
    var ts = post("C1", "before");
    assertThat(json(call("chat.update", Map.of("channel", "C1", "ts", ts, "text", "after"))).get("ok").getAsBoolean())
        .isTrue();
    assertThat(slack.message("C1", ts).orElseThrow().text()).isEqualTo("after");
    assertThat(json(call("chat.update", Map.of("channel", "C1", "ts", "1.000001", "text", "lost")))
        .get("error").getAsString()).isEqualTo("message_not_found");
  }

  @Test
  void aPrivateChannelHasItsOwnMembersAndIsNotFoundByChorusOutsideIt() {
    slack.privateChannel("CHR", "UHANA", FakeSlackApi.BOT_USER);
    slack.privateChannel("CSECRET", "UHANA");

    var info = json(call("conversations.info", Map.of("channel", "CHR")));
    assertThat(info.get("ok").getAsBoolean()).isTrue();
    var channel = info.getAsJsonObject("channel");
    assertThat(channel.get("id").getAsString()).isEqualTo("CHR");
    assertThat(channel.get("is_private").getAsBoolean()).isTrue();
    assertThat(channel.get("is_member").getAsBoolean()).isTrue();
    assertThat(channel.has("members")).as("conversations.info lists no members").isFalse();
    var members = json(call("conversations.members", Map.of("channel", "CHR")));
    assertThat(members.getAsJsonArray("members").toString()).isEqualTo("[\"UHANA\",\"UBOT\"]");
    assertThat(json(call("conversations.info", Map.of("channel", "C7"))).getAsJsonObject("channel")
        .get("is_private").getAsBoolean()).as("any other C… id is public").isFalse();

    for (var hidden : List.of("CSECRET", "GNOPE")) {
      assertThat(json(call("conversations.info", Map.of("channel", hidden))).get("error").getAsString()).as(hidden)
          .isEqualTo("channel_not_found");
      assertThat(json(call("conversations.members", Map.of("channel", hidden))).get("error").getAsString()).as(hidden)
          .isEqualTo("channel_not_found");
      assertThat(json(call("chat.postMessage", Map.of("channel", hidden, "text", "hi"))).get("error").getAsString())
          .as(hidden).isEqualTo("channel_not_found");
    }
  }

  @Test
  void conversationsInfoIsTier3() {
    slack.latency(Duration.ZERO, Duration.ZERO);
    var statuses = new ArrayList<Integer>();
    for (int i = 0; i < FakeSlackApi.TIER_3.burst() + 1; i++) {
      statuses.add(call("conversations.info", Map.of("channel", "C1")).statusCode());
    }
    assertThat(statuses.subList(0, FakeSlackApi.TIER_3.burst())).containsOnly(200);
    assertThat(statuses.get(FakeSlackApi.TIER_3.burst())).isEqualTo(429);
  }

  @Test
  void aMemberSeesTheMessageBeforeThePosterHearsBackAndASlowMemberHoldsNothingUp() throws Exception {
    var seen = new AtomicLong();
    var existed = new AtomicBoolean();
    var release = new CountDownLatch(1);
    slack.onPosted(posted -> {
      existed.set(slack.message(posted.channel(), posted.ts()).isPresent() && posted.text().equals("hello"));
      seen.set(System.nanoTime());
      try {
        release.await(10, TimeUnit.SECONDS); // a slow member
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    long started = System.nanoTime();
    var ts = post("C1", "hello");
    long answered = System.nanoTime();
    release.countDown();

    assertThat(seen.get()).as("the listener ran before the answer came").isPositive().isLessThan(answered);
    assertThat(existed).isTrue();
    assertThat(Duration.ofNanos(answered - started)).as("not held up by the slow listener")
        .isLessThan(Duration.ofSeconds(2));
    assertThat(slack.message("C1", ts)).isPresent();
  }
}
