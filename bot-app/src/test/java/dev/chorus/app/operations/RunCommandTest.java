package dev.chorus.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.discord.DiscordProperties;
import dev.chorus.app.discord.DiscordWiring;
import dev.chorus.app.platform.ChatPlatformModule;
import dev.chorus.app.slack.SlackProperties;
import dev.chorus.app.slack.SlackWiring;
import dev.chorus.discord.DiscordPlatform;
import dev.chorus.slack.SlackPlatform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** {@code run} starts the configured platforms, whichever they are, and says plainly when there is none. */
class RunCommandTest {
  private final List<String> happened = new ArrayList<>();

  private static SlackWiring slack(String botToken, String appToken) {
    return new SlackWiring(new SlackProperties(botToken, appToken, "", "", "", "", java.time.Duration.ofDays(30)),
        new StaticListableBeanFactory().getBeanProvider(SlackPlatform.class));
  }

  private static DiscordWiring discord(String token) {
    return new DiscordWiring(new DiscordProperties(token, "", null, "", "", ""),
        new StaticListableBeanFactory().getBeanProvider(DiscordPlatform.class));
  }

  /** A platform Chorus does not ship: what a third one would be. */
  private ChatPlatformModule third(String name, boolean configured, boolean stopsBadly) {
    return new ChatPlatformModule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean configured() {
        return configured;
      }

      @Override
      public String howToConfigure() {
        return name.toUpperCase(java.util.Locale.ROOT) + "_TOKEN for " + name;
      }

      @Override
      public void start() {
        happened.add("start " + name);
      }

      @Override
      public String running() {
        return name + " is on.";
      }

      @Override
      public void stop() {
        happened.add("stop " + name);
        if (stopsBadly) {
          throw new IllegalStateException("did not stop");
        }
      }
    };
  }

  @Test
  void withNoPlatformConfiguredItSaysHowToConfigureEachAndStartsNone() {
    var run = new RunCommand(List.of(slack("", ""), discord("")));

    assertThat(run.startConfigured()).containsExactly("No chat platform is configured: set SLACK_BOT_TOKEN (with "
        + "SLACK_APP_TOKEN or SLACK_SIGNING_SECRET; or, for many workspaces, SLACK_CLIENT_ID with SLACK_CLIENT_SECRET, "
        + "SLACK_SIGNING_SECRET and CHORUS_PUBLIC_URL) for Slack, or DISCORD_TOKEN for Discord. Serving health and "
        + "metrics only.");
  }

  @Test
  void aThirdPlatformIsStartedAndNamedLikeTheOthers() {
    var run = new RunCommand(List.of(slack("", ""), third("Matrix", true, false), third("Zulip", false, false)));

    assertThat(run.startConfigured()).containsExactly("Matrix is on.");
    assertThat(happened).containsExactly("start Matrix");
  }

  @Test
  void theUnconfiguredMessageNamesEveryPlatformThereIs() {
    var run = new RunCommand(List.of(slack("", ""), discord(""), third("Matrix", false, false)));

    assertThat(run.startConfigured().get(0)).contains("for Slack, or DISCORD_TOKEN for Discord, or MATRIX_TOKEN for Matrix");
  }

  @Test
  void shutdownStopsWhatWasStartedInReverseEvenPastOneThatStopsBadly() {
    var run = new RunCommand(List.of(third("Matrix", true, false), third("Zulip", false, false),
        third("Mattermost", true, true), third("Rocket", true, false)));
    run.startConfigured();

    run.destroy();
    run.destroy();

    assertThat(happened).containsExactly("start Matrix", "start Mattermost", "start Rocket", "stop Rocket",
        "stop Mattermost", "stop Matrix");
  }

  @Test
  void slackAndDiscordSayHowTheyRun() {
    assertThat(slack("xoxb-1", "xapp-1").configured()).isTrue();
    assertThat(slack("xoxb-1", "xapp-1").running()).isEqualTo("Slack is on, in Socket Mode.");
    assertThat(slack("xoxb-1", "").running())
        .isEqualTo("Slack is on: Slack's requests are taken at POST /slack/events (HTTP mode).");
    assertThat(discord("token").configured()).isTrue();
    assertThat(discord("token").running()).isEqualTo("Discord is on: its shards connect to the gateway.");
    assertThat(slack(" ", "").configured()).isFalse();
  }
}
