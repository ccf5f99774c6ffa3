package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.core.Stores;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.QuestionId;
import dev.chorus.slack.FakeSlackApi;
import dev.chorus.slack.SlackIds;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The running application with Slack in HTTP mode, against a fake Slack: signed requests in, Web API calls out. */
class SlackHttpIT {
  private static final String SECRET = "it-signing-secret";

  @TempDir
  Path data;

  private static HttpRequest signed(URI uri, String body, Instant at, String secret) throws Exception {
    var timestamp = String.valueOf(at.getEpochSecond());
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    var signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  @Test
  void aSignedSlashCommandOpensAQuestionAndAnUnsignedOneIsRefused() throws Exception {
    var redis = EmbeddedRedis.start(data.resolve("redis"));
    try (var slack = new FakeSlackApi();
        var app = new SpringApplicationBuilder(ChorusApplication.class).run("--server.port=0",
            "--chorus.redis.url=" + redis.url().toUriWithPassword(), "--chorus.secret=slack-it-secret-0123456789",
            "--chorus.slack.bot-token=" + FakeSlackApi.TOKEN, "--chorus.slack.signing-secret=" + SECRET,
            "--chorus.slack.api-url=" + slack.url())) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      var uri = URI.create("http://127.0.0.1:" + port + "/slack/events");
      var http = HttpClient.newHttpClient();
      var body = "token=x&team_id=T1&channel_id=C1&user_id=U1&user_name=ana&command=%2Frespond&text="
          + URLEncoder.encode("open Shall we answer the consultation? <!channel>", StandardCharsets.UTF_8)
          + "&trigger_id=tr1&response_url=x";

      // One workspace by its token: there is nothing to install.
      var install = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/install")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(install.statusCode()).isEqualTo(404);

      var refused = http.send(signed(uri, body, Instant.now(), "a-wrong-secret"), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);

      var started = System.nanoTime();
      var accepted = http.send(signed(uri, body, Instant.now(), SECRET), HttpResponse.BodyHandlers.ofString());
      var took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(accepted.statusCode()).isEqualTo(200);
      assertThat(took).isLessThan(Duration.ofSeconds(3));

      var posts = slack.await("chat.postMessage", 1);
      assertThat(posts).hasSize(1);
      assertThat(posts.get(0).params().get("blocks")).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
      assertThat(slack.await("chat.postEphemeral", 1)).hasSize(1);
      assertThat(app.getBean(Stores.class).questions().find(SlackIds.community("T1"), new QuestionId(1))).isPresent();
      assertThat(slack.violations()).isEmpty();

      // With Redis gone, Slack still gets its answer in time, and the member is told nothing was saved.
      redis.close();
      var view = "token=x&team_id=T1&channel_id=C1&user_id=U2&user_name=ben&command=%2Frespond&text="
          + URLEncoder.encode("My view while Redis is down", StandardCharsets.UTF_8) + "&trigger_id=tr2&response_url=x";
      started = System.nanoTime();
      var answered = http.send(signed(uri, view, Instant.now(), SECRET), HttpResponse.BodyHandlers.ofString());
      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      var told = slack.await("chat.postEphemeral", 2);
      assertThat(told).hasSize(2);
      assertThat(told.get(1).params()).containsEntry("user", "U2");
      assertThat(told.get(1).params().get("blocks")).contains("could not save").contains("try again");
    } finally {
      redis.close();
    }
  }

  /**
   * Sends a request of {@code size} bytes to the events URL the way a client that does not wait does,
   * and stops sending as soon as the server answers or closes; the status line it answered with.
   */
  private static String sendHuge(int port, long size) throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      var in = socket.getInputStream();
      out.write(("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      var chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'x');
      try {
        for (long sent = 0; sent < size && in.available() == 0; sent += chunk.length) {
          out.write(chunk);
        }
        out.flush();
      } catch (java.io.IOException closed) {
        // The server stopped reading: its answer is waiting.
      }
      var status = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
        status.append((char) c);
      }
      return status.toString();
    }
  }

  @Test
  void aHugeBodyIsRefusedBeforeItIsReadAndChorusKeepsServing() throws Exception {
    var redis = EmbeddedRedis.start(data.resolve("redis-huge"));
    try (var slack = new FakeSlackApi();
        var app = new SpringApplicationBuilder(ChorusApplication.class).run("--server.port=0",
            "--chorus.redis.url=" + redis.url().toUriWithPassword(), "--chorus.secret=slack-it-secret-0123456789",
            "--chorus.slack.bot-token=" + FakeSlackApi.TOKEN, "--chorus.slack.signing-secret=" + SECRET,
            "--chorus.slack.api-url=" + slack.url())) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();

      assertThat(sendHuge(port, 50L * 1024 * 1024)).as("a 50 MB unsigned body").contains(" 413");

      // And it keeps serving: a signed command is answered as ever.
      var uri = URI.create("http://127.0.0.1:" + port + "/slack/events");
      var body = "token=x&team_id=T1&channel_id=C1&user_id=U1&user_name=ana&command=%2Frespond&text=help"
          + "&trigger_id=tr9&response_url=x";
      var answered = HttpClient.newHttpClient().send(signed(uri, body, Instant.now(), SECRET),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answered.statusCode()).isEqualTo(200);
    } finally {
      redis.close();
    }
  }
}
