package dev.chorus.app.slack;

import dev.chorus.app.PlatformWorkers;
import dev.chorus.app.SettingValues;
import dev.chorus.app.schedule.ChatPlatform;
import dev.chorus.core.Chorus;
import dev.chorus.core.message.Chat;
import dev.chorus.slack.SlackIds;
import dev.chorus.slack.SlackPlatform;
import dev.chorus.slack.SlackSettings;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Slack when {@code SLACK_BOT_TOKEN} is set (not in the shell, which is its own platform):
 * in Socket Mode with {@code SLACK_APP_TOKEN}, otherwise in HTTP mode, which needs
 * {@code SLACK_SIGNING_SECRET} so that every request to {@code /slack/events} is verified; with
 * neither, start-up stops and says so.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!shell")
@ConditionalOnExpression("!'${chorus.slack.bot-token:}'.isBlank()")
public class SlackWiring {
  @Bean(destroyMethod = "close")
  SlackPlatform slackPlatform(SlackProperties properties, Function<Chat, Chorus> chorus,
      @Value("${chorus.facilitator-role:}") String facilitatorGroup) {
    // This configuration is only made when the bot token is set (@ConditionalOnExpression above).
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
  ChatPlatform slackChatPlatform(SlackPlatform platform) {
    return new ChatPlatform(SlackIds.PREFIX, platform.chat(), platform.channelMembers());
  }
}
