package dev.chorus.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.ChorusApplication;
import dev.chorus.core.Chorus;
import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.report.Reports;
import dev.chorus.core.report.ShareTokens;
import dev.chorus.testkit.Answer;
import dev.chorus.testkit.RecordingChat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@code share on|off} end to end: the link a facilitator is given serves the page with the headers
 * that keep it private, ends when sharing ends or is renewed, and the store never holds the token.
 * The public page and the actuator answer on different ports when MANAGEMENT_SERVER_PORT is set.
 */
class SharedReportIT {
  private static final Pattern LINK = Pattern.compile("https://chorus\\.example\\.org/reports/([A-Za-z0-9_-]{43})");

  @TempDir
  Path data;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private long events;

  @Test
  void aSharedLinkServesThePrivatelyAndEndsWhenSharingEnds() throws Exception {
    try (var context = new SpringApplicationBuilder(ChorusApplication.class).profiles("run")
        .run("--server.port=0", "--management.server.port=0", "--chorus.redis.data-dir=" + data,
            "--chorus.public-url=https://chorus.example.org/")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      int management = Integer.parseInt(context.getEnvironment().getProperty("local.management.port", "-1"));
      var chorus = chorus(context);
      var zelda = Actor.member("U-ZELDA-ID", "Zelda Secretname");
      var ben = Actor.member("U-BEN-ID", "Ben Hiddenname");
      say(chorus, zelda, "/respond open Shared question title --for the Ministry");
      say(chorus, ben, "/respond Words a member shared");
      say(chorus, zelda, "/respond vote V1 agree");

      var refused = say(chorus, ben, "/respond #Q1 share on");
      var shared = say(chorus, zelda, "/respond #Q1 share on");

      assertThat(refused.refused()).isTrue();
      assertThat(refused.text()).contains("Only a facilitator");
      var matcher = LINK.matcher(shared.text());
      assertThat(matcher.find()).as(shared.text()).isTrue();
      var token = matcher.group(1);
      var page = get(port, "/reports/" + token);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertPrivate(page);
      assertThat(page.body()).contains("Shared question title").contains("Words a member shared")
          .doesNotContain("Zelda").doesNotContain("Secretname").doesNotContain("U-ZELDA-ID")
          .doesNotContain("Ben").doesNotContain("Hiddenname").doesNotContain("U-BEN-ID");

      // The store holds the token's hash, never the token.
      var stored = RedisDump.everything(context.getBean(StringRedisTemplate.class));
      assertThat(stored).contains(ShareTokens.hash(token)).doesNotContain(token);

      // A wrong token, a malformed one: the same 404.
      var wrong = get(port, "/reports/" + ShareTokens.newToken(new SecureRandom()));
      assertThat(wrong.statusCode()).isEqualTo(404);
      assertPrivate(wrong);
      assertThat(get(port, "/reports/not-a-token").statusCode()).isEqualTo(404);
      // The web server itself refuses an encoded slash before Chorus sees the path.
      assertThat(get(port, "/reports/..%2F..%2Fetc").statusCode()).isIn(400, 404);

      // A new link ends the old one; share off ends the new one.
      var renewed = LINK.matcher(say(chorus, zelda, "/respond #Q1 share on").text());
      assertThat(renewed.find()).isTrue();
      assertThat(get(port, "/reports/" + token).statusCode()).isEqualTo(404);
      assertThat(get(port, "/reports/" + renewed.group(1)).statusCode()).isEqualTo(200);
      assertThat(say(chorus, zelda, "/respond #Q1 share off").text()).contains("no longer works");
      var ended = get(port, "/reports/" + renewed.group(1));
      assertThat(ended.statusCode()).isEqualTo(404);
      assertPrivate(ended);

      // The actuator on its own port, the page's port without it.
      assertThat(management).isPositive().isNotEqualTo(port);
      assertThat(get(management, "/actuator/health/liveness").statusCode()).isEqualTo(200);
      assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void withoutAPublicUrlSharingSaysItIsNotConfigured() throws Exception {
    try (var context = new SpringApplicationBuilder(ChorusApplication.class).profiles("run")
        .run("--server.port=0", "--chorus.redis.data-dir=" + data)) {
      var chorus = chorus(context);
      var zelda = Actor.member("U-ZELDA-ID", "Zelda");
      say(chorus, zelda, "/respond open A question");

      var answer = say(chorus, zelda, "/respond #Q1 share on");

      assertThat(answer.refused()).isTrue();
      assertThat(answer.text()).contains("CHORUS_PUBLIC_URL").contains("export html");
      assertThat(RedisDump.everything(context.getBean(StringRedisTemplate.class))).doesNotContain(":shares");
    }
  }

  private static void assertPrivate(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("X-Robots-Tag")).hasValueSatisfying(v -> assertThat(v).contains("noindex"));
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'none'").doesNotContain("script-src").doesNotContain("http"));
  }

  private Chorus chorus(ConfigurableApplicationContext context) {
    return new Chorus(context.getBean(Stores.class), new RecordingChat(), context.getBean(Pseudonyms.class),
        Clock.systemUTC(), context.getBean(Settings.class), new SecureRandom(), Observer.NONE,
        context.getBean(Reports.class));
  }

  private Answer say(Chorus chorus, Actor who, String line) {
    return new Answer(chorus.handle(new Inbound.CommandInvoked(new CommunityId("T-SHARE"), new ChannelId("C1"), who,
        new EventId("share-" + (++events)), line)));
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
