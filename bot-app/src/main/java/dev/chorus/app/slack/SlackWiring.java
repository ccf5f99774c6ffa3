package dev.chorus.app.slack;

import dev.chorus.app.PlatformWorkers;
import dev.chorus.app.SettingValues;
import dev.chorus.app.platform.ChatPlatformModule;
import dev.chorus.app.schedule.ChatPlatform;
import dev.chorus.core.Chorus;
import dev.chorus.core.message.Chat;
import dev.chorus.slack.SlackIds;
import dev.chorus.slack.SlackPlatform;
import dev.chorus.slack.SlackSettings;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;

/**
 * Slack as a chat platform (not in the shell, which is its own platform). It starts when
 * {@code SLACK_BOT_TOKEN} is set: in Socket Mode with {@code SLACK_APP_TOKEN}, otherwise in HTTP mode,
 * which needs {@code SLACK_SIGNING_SECRET} so that every request to {@code /slack/events} is verified;
 * with neither, start-up stops and says so.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!shell")
@Order(1)
public class SlackWiring implements ChatPlatformModule {
  private static final String CONFIGURED = "!'${chorus.slack.bot-token:}'.isBlank()";
  private final SlackProperties properties;
  private final ObjectProvider<SlackPlatform> platform;

  public SlackWiring(SlackProperties properties, ObjectProvider<SlackPlatform> platform) {
    this.properties = properties;
    this.platform = platform;
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(CONFIGURED)
  SlackPlatform slackPlatform(Function<Chat, Chorus> chorus, @Value("${chorus.facilitator-role:}") String facilitatorGroup) {
    // This bean is only made when the bot token is set (@ConditionalOnExpression above).
    var token = Objects.requireNonNull(SettingValues.present(properties.botToken()));
    var appToken = SettingValues.present(properties.appToken());
    var secret = SettingValues.present(properties.signingSecret());
    if (appToken == null && secret == null) {
      throw new IllegalStateException("SLACK_BOT_TOKEN is set, but neither SLACK_APP_TOKEN (Socket Mode) nor "
          + "SLACK_SIGNING_SECRET (HTTP mode, to verify Slack's requests) is: set one of them.");
    }
    var api = SettingValues.present(properties.apiUrl());
    return new SlackPlatform(new SlackSettings(token, appToken, secret, api == null ? SlackSettings.DEFAULT_API_URL : api,
        SettingValues.present(facilitatorGroup)), chorus, PlatformWorkers.named("chorus-slack"));
  }

  /** Slack for scheduled work: where digests and reminders go, and who is in a channel. */
  @Bean
  @ConditionalOnExpression(CONFIGURED)
  ChatPlatform slackChatPlatform(SlackPlatform platform) {
    return new ChatPlatform(SlackIds.PREFIX, platform.chat(), platform.channelMembers());
  }

  @Override
  public String name() {
    return "Slack";
  }

  @Override
  public boolean configured() {
    return SettingValues.present(properties.botToken()) != null;
  }

  @Override
  public String howToConfigure() {
    return "SLACK_BOT_TOKEN (with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET) for Slack";
  }

  @Override
  public void start() {
    // The platform connects when it is made; Spring makes it at start-up, so this only makes sure.
    platform.getObject();
  }

  @Override
  public String running() {
    return SettingValues.present(properties.appToken()) != null ? "Slack is on, in Socket Mode."
        : "Slack is on: Slack's requests are taken at POST /slack/events (HTTP mode).";
  }

  @Override
  public void stop() {
    var running = platform.getIfAvailable();
    if (running != null) {
      try {
        running.close();
      } catch (Exception e) {
        throw new IllegalStateException("Slack did not stop cleanly", e);
      }
    }
  }
}
