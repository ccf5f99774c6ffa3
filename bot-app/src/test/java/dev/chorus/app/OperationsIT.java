package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.chorus.core.question.Questions;
import dev.chorus.testkit.RecordingChat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The service as operators see it: health with Redis in readiness, and metrics that name no one. */
class OperationsIT {
  @TempDir
  Path data;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthFollowsRedisAndMetricsCountEventsWithoutNames() throws Exception {
    try (var context = new SpringApplicationBuilder(ChorusApplication.class).profiles("run")
        .run("--server.port=0", "--chorus.redis.data-dir=" + data)) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
      assertThat(get(port, "/actuator/health/readiness").body()).contains("UP");

      var chorus = new Chorus(context.getBean(Stores.class), new RecordingChat(),
          context.getBean(Pseudonyms.class), Clock.systemUTC(), context.getBean(Settings.class), new Random(1),
          context.getBean(Observer.class));
      var member = Actor.member("U-SECRET-ID", "Secretname");
      var community = new CommunityId("T-COMMUNITY");
      chorus.handle(new Inbound.CommandInvoked(community, new ChannelId("C1"), member, new EventId("e1"),
          "/respond open Metrics question"));
      chorus.handle(new Inbound.CommandInvoked(community, new ChannelId("C1"), member, new EventId("e2"),
          "/respond Private words of a member"));
      chorus.handle(new Inbound.CommandInvoked(community, new ChannelId("C1"), member, new EventId("e3"),
          "/respond vote V1 disagree"));
      chorus.handle(new Inbound.CommandInvoked(community, new ChannelId("C1"), member, new EventId("e4"),
          "/respond vote V9 agree"));
      chorus.handle(new Inbound.CommandInvoked(community, new ChannelId("C1"), member, new EventId("e5"),
          "/respond draft"));

      var metrics = get(port, "/actuator/prometheus").body();
      assertThat(metrics).contains("chorus_events_seconds_count{application=\"chorus\",kind=\"open\",result=\"accepted\"} 1")
          .contains("kind=\"vote\",result=\"refused\"")
          .contains("chorus_votes_total{application=\"chorus\",via=\"command\"} 1")
          .contains("chorus_analysis_seconds_count{application=\"chorus\"} 1");
      assertThat(metrics).doesNotContain("U-SECRET-ID").doesNotContain("Secretname").doesNotContain("T-COMMUNITY")
          .doesNotContain("Private words");

      // Redis gone: not ready (so a load balancer stops sending work), still alive (no restart loop).
      var redis = ProcessHandle.of(Long.parseLong(java.nio.file.Files.readAllLines(data.resolve(dev.chorus.app.redis.EmbeddedRedis.PID_FILE)).get(0).strip()))
        .orElseThrow();
      new ProcessBuilder("kill", "-9", String.valueOf(redis.pid())).start().waitFor();
      int readiness = 0;
      for (int i = 0; i < 50 && readiness != 503; i++) {
        Thread.sleep(100);
        readiness = get(port, "/actuator/health/readiness").statusCode();
      }
      assertThat(readiness).isEqualTo(503);
      assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
  }
}
