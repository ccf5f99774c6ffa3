package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.app.store.RedisFixture;
import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Settings;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.RecordingChat;
import java.util.Random;
import dev.chorus.app.report.RedisDump;
import dev.chorus.app.slack.RedisSlackInstallations;
import dev.chorus.app.slack.SlackWorkspaceRemovals;
import dev.chorus.core.Stores;
import dev.chorus.core.question.QuestionId;
import dev.chorus.slack.FakeSlackApi;
import dev.chorus.slack.SlackIds;
import dev.chorus.slack.SlackScopes;
import dev.chorus.testkit.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Chorus installed into two Slack workspaces through Slack's OAuth flow, against the fake Slack: each
 * workspace's requests and calls use its own token, neither sees the other's questions, no token is
 * readable in Redis or its files, and a workspace that removes Chorus loses its installation at once
 * and its data once the grace period is over, on a clock the test moves.
 */
class SlackInstallIT {
  private static final String SIGNING_SECRET = "install-it-signing-secret";
  private static final String CLIENT_ID = "1111.2222";
  private static final String CLIENT_SECRET = "install-it-client-secret";
  private static final String PUBLIC_URL = "https://chorus.example.org";
  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  private static final MutableClock CLOCK = MutableClock.at(START.toString());

  @TempDir
  Path data;

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger triggers = new AtomicInteger();
  private int port;

  /** The clock every part of Chorus reads, moved by the test. */
  @Configuration(proxyBeanMethods = false)
  static class MovedClock {
    @Bean
    @Primary
    Clock movedClock() {
      return CLOCK;
    }
  }

  private URI local(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /**
   * One admin installs Chorus in their browser: the "Add to Slack" page, Slack's authorize page
   * (approved), and back to Chorus with the code; the page Chorus ends on.
   *
   * @param sameBrowser false to come back from another browser, without the install's cookie
   */
  private HttpResponse<String> install(String team, boolean sameBrowser) throws Exception {
    var start = http.send(HttpRequest.newBuilder(local("/slack/install")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.body()).contains("Add to Slack");
    var cookie = start.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("Secure");
    var link = Pattern.compile("href=\"(https://slack.com/oauth/v2/authorize[^\"]+)\"").matcher(start.body());
    assertThat(link.find()).as("the page links to Slack's authorize page").isTrue();
    var authorize = link.group(1).replace("&amp;", "&");
    var back = URI.create(slackApprove(authorize, team));
    assertThat(back.getScheme() + "://" + back.getAuthority()).isEqualTo(PUBLIC_URL);
    var request = HttpRequest.newBuilder(local(back.getRawPath() + "?" + back.getRawQuery())).GET();
    if (sameBrowser) {
      request.header("Cookie", cookie.substring(0, cookie.indexOf(';')));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private FakeSlackApi slack;

  private String slackApprove(String authorizeUrl, String team) {
    return slack.approveInstall(authorizeUrl, team);
  }

  private int signedPost(String body, String contentType) throws Exception {
    var timestamp = String.valueOf(Instant.now().getEpochSecond());
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    var signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    return http.send(HttpRequest.newBuilder(local("/slack/events")).header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private int command(String team, String user, String channel, String text) throws Exception {
    return signedPost("token=x&team_id=" + team + "&channel_id=" + channel + "&user_id=" + user + "&user_name=" + user
        + "&command=%2Frespond&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&trigger_id=t"
        + triggers.incrementAndGet(), "application/x-www-form-urlencoded");
  }

  /** An event as Slack sends it, happening now on the moved clock. */
  private int event(String team, String type, String inner) throws Exception {
    return event(team, type, inner, CLOCK.instant());
  }

  private int event(String team, String type, String inner, Instant at) throws Exception {
    return signedPost("{\"token\":\"x\",\"team_id\":\"" + team + "\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
        + "\"event_id\":\"Ev" + triggers.incrementAndGet() + "\",\"event_time\":" + at.getEpochSecond()
        + ",\"event\":{\"type\":\"" + type + "\"" + inner + ",\"event_ts\":\"" + at.getEpochSecond() + ".000900\"}}",
        "application/json");
  }

  /** Every key, field and value in Redis, and every file Redis keeps on disk, as text. */
  private String everythingStored(StringRedisTemplate redis) throws Exception {
    var text = new StringBuilder(RedisDump.everything(redis));
    try (Stream<Path> files = Files.walk(data)) {
      for (var file : files.filter(Files::isRegularFile).toList()) {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }

  private static List<String> keysOf(StringRedisTemplate redis, String team) {
    var keys = redis.keys("chorus:{" + SlackIds.community(team).value() + "}:*");
    return keys == null ? List.of() : List.copyOf(keys);
  }

  @Test
  void twoWorkspacesInstallWorkApartAndOneThatRemovesChorusLosesItsDataAfterTheGracePeriod() throws Exception {
    CLOCK.set(START);
    var redis = new RedisFixture(data.resolve("redis"));
    // T1 ran Chorus by a single bot token before: its question is already stored.
    var singleWorkspace = new Chorus(RedisConfiguration.stores(redis.redis, CLOCK), new RecordingChat(),
        new Pseudonyms(Conversation.TEST_SECRET), CLOCK, Settings.DEFAULTS, new Random(1));
    singleWorkspace.handle(new Inbound.CommandInvoked(SlackIds.community("T1"), new ChannelId("CA0"), Actor.member("U1", "U1"),
        new EventId("before-1"), "/respond open Earlier: the old question"));
    try (var fake = new FakeSlackApi();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ChorusApplication.class, MovedClock.class)
            .run("--server.port=0", "--chorus.redis.url=" + redis.server.url().toUriWithPassword(),
                "--chorus.secret=install-it-secret-0123456789", "--chorus.slack.client-id=" + CLIENT_ID,
                "--chorus.slack.client-secret=" + CLIENT_SECRET, "--chorus.slack.signing-secret=" + SIGNING_SECRET,
                "--chorus.slack.api-url=" + fake.url(), "--chorus.public-url=" + PUBLIC_URL,
                "--chorus.slack.uninstall-grace=30d")) {
      slack = fake;
      fake.oauthApp(CLIENT_ID, CLIENT_SECRET);
      port = ((WebServerApplicationContext) app).getWebServer().getPort();
      var installations = app.getBean(RedisSlackInstallations.class);
      var removals = app.getBean(SlackWorkspaceRemovals.class);
      var stores = app.getBean(Stores.class);
      var store = app.getBean(StringRedisTemplate.class);

      // Two workspaces install; each asked for exactly the scopes the code uses.
      for (var team : List.of("T1", "T2")) {
        var done = install(team, true);
        assertThat(done.statusCode()).as(team + " installed").isEqualTo(200);
        assertThat(done.body()).contains("Chorus is in your workspace");
        assertThat(installations.installed(team)).isTrue();
        assertThat(fake.approvedScopes(team)).isEqualTo(String.join(",", SlackScopes.all()));
      }
      // Coming back from another browser (no cookie: a forged link) installs nothing.
      var forged = install("T3", false);
      assertThat(forged.body()).contains("Chorus was not installed");
      assertThat(installations.installed("T3")).isFalse();
      assertThat(forged.statusCode()).isEqualTo(400);
      // Cancelled on Slack's page: Slack sends the browser back with an error instead of a code.
      var cancelled = http.send(HttpRequest.newBuilder(local("/slack/oauth_redirect?error=access_denied&state=x")).GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(cancelled.statusCode()).isEqualTo(400);
      assertThat(cancelled.body()).contains("cancelled").contains("href=\"/slack/install\"");
      assertThat(fake.calls("oauth.v2.access")).extracting(FakeSlackApi.Call::team).containsExactly("T1", "T2");

      // Each runs a question, with its own token.
      assertThat(command("T1", "U1", "CA1", "open Alpha: shall we answer the ministry?")).isEqualTo(200);
      assertThat(command("T2", "U1", "CB1", "open Beta: a new rota?")).isEqualTo(200);
      SlackDriver.until("both questions posted, their openers told", () -> fake.calls("chat.postMessage").size() >= 2
          && fake.calls("chat.postEphemeral").size() >= 2);
      for (var post : fake.calls("chat.postMessage")) {
        assertThat(post.team()).as("the workspace of " + post.params().get("channel"))
            .isEqualTo(post.params().get("channel").startsWith("CA") ? "T1" : "T2");
      }
      assertThat(stores.questions().find(SlackIds.community("T1"), new QuestionId(2)).orElseThrow().title())
          .contains("Alpha");
      assertThat(stores.questions().find(SlackIds.community("T2"), new QuestionId(1)).orElseThrow().title())
          .contains("Beta");

      // T1's question from before the installs is still T1's.
      int told = fake.calls("chat.postEphemeral").size();
      assertThat(command("T1", "U1", "CA0", "list")).isEqualTo(200);
      SlackDriver.until("T1's list answered", () -> fake.calls("chat.postEphemeral").size() > told);
      assertThat(fake.calls("chat.postEphemeral").get(told).params().get("blocks")).contains("Earlier");
      assertThat(fake.calls("chat.postEphemeral").get(told).team()).isEqualTo("T1");

      // Neither sees the other's: T2's member lists questions in their channel, and in a channel named as T1's are.
      int before = fake.calls("chat.postEphemeral").size();
      assertThat(command("T2", "U2", "CB1", "list")).isEqualTo(200);
      assertThat(command("T2", "U2", "CA1", "list")).isEqualTo(200);
      assertThat(command("T2", "U2", "CA0", "list")).isEqualTo(200);
      SlackDriver.until("the lists answered", () -> fake.calls("chat.postEphemeral").size() >= before + 3);
      var lists = fake.calls("chat.postEphemeral").subList(before, before + 3);
      assertThat(lists).allSatisfy(call -> {
        assertThat(call.team()).isEqualTo("T2");
        assertThat(call.params().get("blocks") + call.params().get("text")).doesNotContain("Alpha").doesNotContain("Earlier");
      });
      assertThat(lists).anySatisfy(call -> assertThat(call.params().get("blocks")).contains("Beta"));

      // No token is readable in plain text: not in any key or value, nor in Redis's files.
      var tokens = Stream.concat(fake.tokensOf("T1").stream(), fake.tokensOf("T2").stream())
          .filter(token -> !token.equals(FakeSlackApi.TOKEN)).toList();
      assertThat(tokens).hasSize(2);
      store.execute((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
        c.serverCommands().save();
        return null;
      });
      var stored = everythingStored(store);
      assertThat(stored).contains(RedisSlackInstallations.INSTALLATIONS);
      for (var token : tokens) {
        assertThat(stored).doesNotContain(token).doesNotContain(token.substring(5));
      }

      // T1 removes Chorus: its installation is gone at once, its data kept through the grace period.
      fake.uninstall("T1");
      assertThat(event("T1", "app_uninstalled", "")).isEqualTo(200);
      assertThat(installations.installed("T1")).isFalse();
      assertThat(store.opsForHash().hasKey(RedisSlackInstallations.INSTALLATIONS, "T1")).isFalse();
      assertThat(installations.erasedAfter("T1")).isEqualTo(START.plus(Duration.ofDays(30)));
      assertThat(signedPost("token=x&team_id=T1&channel_id=CA1&user_id=U1&user_name=U1&command=%2Frespond&text=help"
          + "&trigger_id=tx", "application/x-www-form-urlencoded")).as("T1's requests are no longer served").isEqualTo(401);
      // Its scheduled work waits rather than failing every pass; T2's goes on.
      var scheduled = app.getBean(dev.chorus.app.schedule.ChatPlatform.class);
      assertThat(scheduled.serves(SlackIds.community("T1"))).isFalse();
      assertThat(scheduled.serves(SlackIds.community("T2"))).isTrue();
      CLOCK.advance(Duration.ofDays(29));
      assertThat(removals.eraseDue()).isEmpty();
      assertThat(stores.questions().find(SlackIds.community("T1"), new QuestionId(1))).isPresent();

      // T2 removes Chorus too, and installs it again the next day: its data stays.
      fake.uninstall("T2");
      var revokedAt = CLOCK.instant();
      assertThat(event("T2", "tokens_revoked", ",\"tokens\":{\"bot\":[\"UBOT\"]}")).isEqualTo(200);
      assertThat(installations.installed("T2")).isFalse();
      CLOCK.advance(Duration.ofDays(1));
      assertThat(install("T2", true).statusCode()).isEqualTo(200);
      assertThat(installations.installed("T2")).isTrue();
      assertThat(installations.erasedAfter("T2")).isNull();
      // Slack delivers the old removal again, late: it cannot undo the install that came after it.
      assertThat(event("T2", "app_uninstalled", "", revokedAt)).isEqualTo(200);
      assertThat(installations.installedNow("T2")).isTrue();
      assertThat(installations.erasedAfter("T2")).isNull();

      // Past T1's grace period: T1's data is erased, every key of it; T2's is untouched.
      int t2Keys = keysOf(store, "T2").size();
      CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
      assertThat(removals.eraseDue()).containsExactly("T1");
      // Every key of T1's but its question counter, which stays so no number is given twice.
      assertThat(keysOf(store, "T1")).containsExactly("chorus:{" + SlackIds.community("T1").value() + "}:last");
      assertThat(stores.questions().find(SlackIds.community("T1"), new QuestionId(1))).isEmpty();
      assertThat(stores.questions().find(SlackIds.community("T1"), new QuestionId(2))).isEmpty();
      assertThat(store.opsForSet().isMember("chorus:communities", SlackIds.community("T1").value())).isFalse();
      assertThat(keysOf(store, "T2")).hasSize(t2Keys);
      assertThat(stores.questions().find(SlackIds.community("T2"), new QuestionId(1)).orElseThrow().title()).contains("Beta");
      CLOCK.advance(Duration.ofDays(40));
      assertThat(removals.eraseDue()).as("T2 installed again: never erased").isEmpty();

      // T2 keeps working with its new token.
      int posts = fake.calls("chat.postMessage").size();
      assertThat(command("T2", "U1", "CB1", "open Gamma: and the holidays?")).isEqualTo(200);
      SlackDriver.until("T2's new question posted", () -> fake.calls("chat.postMessage").size() > posts);
      var last = fake.calls("chat.postMessage").get(fake.calls("chat.postMessage").size() - 1);
      assertThat(last.team()).isEqualTo("T2");
      assertThat(last.status()).isEqualTo(200);
      assertThat(fake.violations()).isEmpty();
      // Every call Chorus made is one the manifest's scopes allow.
      assertThat(SlackScopes.BY_METHOD.keySet()).containsAll(fake.methods());
    } finally {
      redis.close();
    }
  }
}
