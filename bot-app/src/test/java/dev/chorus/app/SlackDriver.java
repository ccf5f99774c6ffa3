package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.slack.FakeSlackApi;
import dev.chorus.slack.FakeSocketMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Members acting in Slack, as Slack delivers what they do to Chorus: signed requests to the events
 * URL (HTTP mode) or envelopes over the Socket Mode connection, each acknowledgement timed.
 * Safe to use from several threads at once, as members are.
 */
final class SlackDriver {
  static final String SECRET = "e2e-signing-secret";

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI events;
  private final @Nullable FakeSocketMode socket;
  private final FakeSlackApi slack;
  final List<Duration> acknowledgements = new CopyOnWriteArrayList<>();
  private final AtomicInteger triggers = new AtomicInteger();
  private final AtomicInteger eventIds = new AtomicInteger();

  /**
   * @param socket the fake Socket Mode when Chorus runs in that transport; null for HTTP mode
   * @param slack the fake Web API, where members' reactions show on the messages
   */
  SlackDriver(URI events, @Nullable FakeSocketMode socket, FakeSlackApi slack) {
    this.events = events;
    this.socket = socket;
    this.slack = slack;
  }

  private int post(String body, String contentType) throws Exception {
    var timestamp = String.valueOf(Instant.now().getEpochSecond());
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    var signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    long started = System.nanoTime();
    var response = http.send(HttpRequest.newBuilder(events).header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    acknowledgements.add(Duration.ofNanos(System.nanoTime() - started));
    return response.statusCode();
  }

  /** Sends over the socket and waits for Chorus's acknowledgement, timed as the fake sees it. */
  private void envelope(String type, String payload) throws Exception {
    var took = socket.acknowledgement(socket.send(type, payload, 0));
    assertThat(took).as("acknowledged").isNotNull();
    acknowledgements.add(took);
  }

  void command(String user, String channel, String text) throws Exception {
    var trigger = "trig" + triggers.incrementAndGet();
    if (socket != null) {
      var payload = new com.google.gson.JsonObject();
      for (var field : List.of(List.of("token", "x"), List.of("team_id", "T1"), List.of("channel_id", channel),
          List.of("user_id", user), List.of("user_name", user), List.of("command", "/respond"), List.of("text", text),
          List.of("trigger_id", trigger), List.of("response_url", "https://example.invalid/r"))) {
        payload.addProperty(field.get(0), field.get(1));
      }
      envelope("slash_commands", payload.toString());
      return;
    }
    assertThat(post("token=x&team_id=T1&channel_id=" + channel + "&user_id=" + user + "&user_name=" + user
        + "&command=%2Frespond&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&trigger_id=" + trigger
        + "&response_url=x", "application/x-www-form-urlencoded")).isEqualTo(200);
  }

  /** An interaction payload: a form submitted or a button pressed. */
  void submit(String payload) throws Exception {
    if (socket != null) {
      envelope("interactive", payload);
      return;
    }
    assertThat(post("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8), "application/x-www-form-urlencoded"))
        .isEqualTo(200);
  }

  /**
   * A member reacts on a message ({@code C1:1700000000.000100}): the reaction shows on it in Slack,
   * then Slack sends the event.
   */
  void react(String user, String messageId, String emoji) throws Exception {
    slack.addReaction(channelOf(messageId), timestampOf(messageId), user, emoji);
    reaction("reaction_added", user, messageId, emoji);
  }

  void unreact(String user, String messageId, String emoji) throws Exception {
    slack.removeReaction(channelOf(messageId), timestampOf(messageId), user, emoji);
    reaction("reaction_removed", user, messageId, emoji);
  }

  private static String channelOf(String messageId) {
    return messageId.substring(0, messageId.indexOf(':'));
  }

  private static String timestampOf(String messageId) {
    return messageId.substring(messageId.indexOf(':') + 1);
  }

  private void reaction(String type, String user, String messageId, String emoji) throws Exception {
    var channel = messageId.substring(0, messageId.indexOf(':'));
    var ts = messageId.substring(messageId.indexOf(':') + 1);
    var event = "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\"Ev"
        + eventIds.incrementAndGet() + "\",\"event_time\":1700000000,\"event\":{\"type\":\"" + type + "\",\"user\":\"" + user
        + "\",\"reaction\":\"" + emoji + "\",\"item_user\":\"UBOT\",\"item\":{\"type\":\"message\",\"channel\":\"" + channel
        + "\",\"ts\":\"" + ts + "\"},\"event_ts\":\"1700000000.000900\"}}";
    if (socket != null) {
      envelope("events_api", event);
      return;
    }
    assertThat(post(event, "application/json")).isEqualTo(200);
  }

  /**
   * Waits for what Chorus does after acknowledging. Generous: the Web API client keeps to Slack's
   * rate limits (about one message a second per channel), so posts queue behind each other.
   */
  static void until(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      Thread.sleep(25);
    }
  }
}
