package dev.chorus.app.slack;

import dev.chorus.app.ChorusProperties;
import dev.chorus.app.PlatformWorkers;
import dev.chorus.app.SettingValues;
import dev.chorus.app.platform.ChatPlatformModule;
import dev.chorus.app.redis.ResolvedSecret;
import dev.chorus.app.schedule.ChatPlatform;
import dev.chorus.app.schedule.ScheduleProperties;
import dev.chorus.app.store.RedisCommunityErasure;
import dev.chorus.core.Chorus;
import dev.chorus.core.message.Chat;
import dev.chorus.slack.SlackIds;
import dev.chorus.slack.SlackOAuth;
import dev.chorus.slack.SlackPlatform;
import dev.chorus.slack.SlackSettings;
import java.time.Clock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Slack as a chat platform (not in the shell, which is its own platform). It starts when
 * {@code SLACK_BOT_TOKEN} is set, for that one workspace: in Socket Mode with {@code SLACK_APP_TOKEN},
 * otherwise in HTTP mode, which needs {@code SLACK_SIGNING_SECRET} so that every request to
 * {@code /slack/events} is verified. Or when {@code SLACK_CLIENT_ID} is set, for every workspace that
 * installs Chorus at {@code CHORUS_PUBLIC_URL}/slack/install, in HTTP mode, with
 * {@code SLACK_CLIENT_SECRET} and {@code SLACK_SIGNING_SECRET}. A setting missing or two that
 * contradict each other stop start-up with what to set.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!shell")
@Order(1)
public class SlackWiring implements ChatPlatformModule {
  static final String CONFIGURED = "!'${chorus.slack.bot-token:}'.isBlank() or !'${chorus.slack.client-id:}'.isBlank()";
  static final String INSTALLS = "!'${chorus.slack.client-id:}'.isBlank()";
  private final SlackProperties properties;
  private final ObjectProvider<SlackPlatform> platform;

  public SlackWiring(SlackProperties properties, ObjectProvider<SlackPlatform> platform) {
    this.properties = properties;
    this.platform = platform;
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(CONFIGURED)
  SlackPlatform slackPlatform(Function<Chat, Chorus> chorus, @Value("${chorus.facilitator-role:}") String facilitatorGroup,
      ChorusProperties chorusProperties, ObjectProvider<RedisSlackInstallations> installations,
      ObjectProvider<RedisOAuthStates> states) {
    var settings = settings(properties, SettingValues.present(chorusProperties.publicUrl()),
        SettingValues.present(facilitatorGroup));
    return new SlackPlatform(settings, installations.getIfAvailable(), states.getIfAvailable(), chorus,
        PlatformWorkers.named("chorus-slack"));
  }

  /** The adapter's settings from Chorus's, or what to set when they do not make sense together. */
  static SlackSettings settings(SlackProperties properties, @Nullable String publicUrl, @Nullable String facilitatorGroup) {
    var token = SettingValues.present(properties.botToken());
    var appToken = SettingValues.present(properties.appToken());
    var secret = SettingValues.present(properties.signingSecret());
    var apiUrl = SettingValues.present(properties.apiUrl());
    var api = apiUrl == null ? SlackSettings.DEFAULT_API_URL : apiUrl;
    var clientId = SettingValues.present(properties.clientId());
    if (clientId == null) {
      if (token == null) {
        throw new IllegalStateException("Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (installs).");
      }
      if (appToken == null && secret == null) {
        throw new IllegalStateException("SLACK_BOT_TOKEN is set, but neither SLACK_APP_TOKEN (Socket Mode) nor "
            + "SLACK_SIGNING_SECRET (HTTP mode, to verify Slack's requests) is: set one of them.");
      }
      return new SlackSettings(token, appToken, secret, api, facilitatorGroup);
    }
    if (token != null) {
      throw new IllegalStateException("Both SLACK_BOT_TOKEN (one workspace) and SLACK_CLIENT_ID (any workspace that "
          + "installs Chorus) are set: keep one. Each workspace that installs gets its own token.");
    }
    if (appToken != null) {
      throw new IllegalStateException("SLACK_CLIENT_ID installs Chorus through Slack's web pages, in HTTP mode: "
          + "unset SLACK_APP_TOKEN.");
    }
    var clientSecret = SettingValues.present(properties.clientSecret());
    if (clientSecret == null || secret == null || publicUrl == null) {
      throw new IllegalStateException("SLACK_CLIENT_ID is set: installing into workspaces also needs "
          + (clientSecret == null ? "SLACK_CLIENT_SECRET " : "") + (secret == null ? "SLACK_SIGNING_SECRET " : "")
          + (publicUrl == null ? "CHORUS_PUBLIC_URL (where Slack sends installers back) " : "").strip() + ".");
    }
    return new SlackSettings(null, null, secret, api, facilitatorGroup, new SlackOAuth(clientId, clientSecret, publicUrl));
  }

  /** The workspaces installed, their tokens sealed under a key derived from the server secret. */
  @Bean
  @ConditionalOnExpression(INSTALLS)
  RedisSlackInstallations slackInstallations(StringRedisTemplate redis, ResolvedSecret secret, Clock clock) {
    return new RedisSlackInstallations(redis, secret, clock, properties.uninstallGrace());
  }

  @Bean
  @ConditionalOnExpression(INSTALLS)
  RedisOAuthStates slackOAuthStates(StringRedisTemplate redis) {
    return new RedisOAuthStates(redis);
  }

  /** Erases a removed workspace's data when its grace period is over. */
  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnExpression(INSTALLS)
  SlackWorkspaceRemovals slackWorkspaceRemovals(RedisSlackInstallations installations, StringRedisTemplate redis,
      ScheduleProperties schedule) {
    return new SlackWorkspaceRemovals(installations, new RedisCommunityErasure(redis), schedule.interval());
  }

  /**
   * Slack for scheduled work: where digests and reminders go, and who is in a channel. With installs,
   * only the workspaces that have Chorus installed: a removed one's deadlines, digests and reminders
   * wait (and happen if it installs Chorus again within the grace period) instead of failing every pass.
   */
  @Bean
  @ConditionalOnExpression(CONFIGURED)
  ChatPlatform slackChatPlatform(SlackPlatform platform, ObjectProvider<RedisSlackInstallations> installations) {
    var installed = installations.getIfAvailable();
    if (installed == null) {
      return new ChatPlatform(SlackIds.PREFIX, platform.chat(), platform.channelMembers());
    }
    return new ChatPlatform(SlackIds.PREFIX, platform.chat(), platform.channelMembers(), community -> {
      try {
        return installed.installed(SlackIds.teamOf(community));
      } catch (RuntimeException e) {
        // The store is unreachable: the pass tries, and fails as it would for any community.
        return true;
      }
    });
  }

  @Override
  public String name() {
    return "Slack";
  }

  @Override
  public boolean configured() {
    return SettingValues.present(properties.botToken()) != null || SettingValues.present(properties.clientId()) != null;
  }

  @Override
  public String howToConfigure() {
    return "SLACK_BOT_TOKEN (with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET; or, for many workspaces, SLACK_CLIENT_ID "
        + "with SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET and CHORUS_PUBLIC_URL) for Slack";
  }

  @Override
  public void start() {
    // The platform connects when it is made; Spring makes it at start-up, so this only makes sure.
    platform.getObject();
  }

  @Override
  public String running() {
    if (SettingValues.present(properties.clientId()) != null) {
      return "Slack is on: workspaces install Chorus at " + SlackOAuth.INSTALL_PATH + ", and Slack's requests are "
          + "taken at POST /slack/events (HTTP mode).";
    }
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
