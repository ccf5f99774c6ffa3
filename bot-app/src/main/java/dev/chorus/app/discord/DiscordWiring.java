package dev.chorus.app.discord;

import dev.chorus.app.PlatformWorkers;
import dev.chorus.app.SettingValues;
import dev.chorus.app.platform.ChatPlatformModule;
import dev.chorus.app.schedule.ChatPlatform;
import dev.chorus.core.Chorus;
import dev.chorus.core.community.PinnedRoles;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.message.Chat;
import dev.chorus.discord.DiscordIds;
import dev.chorus.discord.DiscordPlatform;
import dev.chorus.discord.DiscordSettings;
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
 * Discord as a chat platform (not in the shell, which is its own platform). It starts when
 * {@code DISCORD_TOKEN} is set: the shards named by {@code DISCORD_SHARD_IDS} out of
 * {@code DISCORD_SHARDS_TOTAL}, so a large bot spreads over replicas and each guild's events reach
 * exactly one of them. Bad settings stop start-up with a message naming the variable.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!shell")
@Order(2)
public class DiscordWiring implements ChatPlatformModule {
  private static final String CONFIGURED = "!'${chorus.discord.token:}'.isBlank()";
  private final DiscordProperties properties;
  private final ObjectProvider<DiscordPlatform> platform;

  public DiscordWiring(DiscordProperties properties, ObjectProvider<DiscordPlatform> platform) {
    this.properties = properties;
    this.platform = platform;
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(CONFIGURED)
  DiscordPlatform discordPlatform(Function<Chat, Chorus> chorus, @Value("${chorus.facilitator-role:}") String facilitatorRole,
      PinnedRoles pinnedRoles) {
    var api = SettingValues.present(properties.apiUrl());
    DiscordSettings discord;
    try {
      // This configuration is only made when the token is set (@ConditionalOnExpression above).
      discord = new DiscordSettings(Objects.requireNonNull(SettingValues.present(properties.token())),
          api == null ? DiscordSettings.DEFAULT_API_URL : api, SettingValues.present(properties.gatewayUrl()),
          DiscordSettings.parseGuildIds(properties.guildIds()),
          properties.shardsTotal() == null ? 1 : properties.shardsTotal(),
          DiscordSettings.parseShardIds(properties.shardIds()), SettingValues.present(facilitatorRole));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return new DiscordPlatform(discord, chorus, PlatformWorkers.named("chorus-discord"), pinnedRoles);
  }

  /** Discord for scheduled work; who is in a channel is not known without the privileged members intent. */
  @Bean
  @ConditionalOnExpression(CONFIGURED)
  ChatPlatform discordChatPlatform(DiscordPlatform platform) {
    return new ChatPlatform(DiscordIds.PREFIX, platform.chat(), ChannelMembers.UNKNOWN, platform::serves);
  }

  @Override
  public String name() {
    return "Discord";
  }

  @Override
  public boolean configured() {
    return SettingValues.present(properties.token()) != null;
  }

  @Override
  public String howToConfigure() {
    return "DISCORD_TOKEN for Discord";
  }

  @Override
  public void start() {
    // The shards connect when the platform is made; Spring makes it at start-up, so this only makes sure.
    platform.getObject();
  }

  @Override
  public String running() {
    return "Discord is on: its shards connect to the gateway.";
  }

  @Override
  public void stop() {
    var running = platform.getIfAvailable();
    if (running != null) {
      running.close();
    }
  }
}
