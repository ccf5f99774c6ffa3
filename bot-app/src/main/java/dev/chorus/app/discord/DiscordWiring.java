package dev.chorus.app.discord;

import dev.chorus.app.PlatformWorkers;
import dev.chorus.app.schedule.ChatPlatform;
import dev.chorus.core.Chorus;
import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.discord.DiscordPlatform;
import dev.chorus.discord.DiscordSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Starts Discord when {@code DISCORD_TOKEN} is set (not in the shell, which is its own platform): the
 * shards named by {@code DISCORD_SHARD_IDS} out of {@code DISCORD_SHARDS_TOTAL}, so a large bot
 * spreads over replicas and each guild's events reach exactly one of them. Bad settings stop
 * start-up with a message naming the variable.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!shell")
@ConditionalOnExpression("!'${chorus.discord.token:}'.isBlank()")
public class DiscordWiring {
  @Bean(destroyMethod = "close")
  DiscordPlatform discordPlatform(DiscordProperties properties, Stores stores, Pseudonyms pseudonyms, Clock clock,
      Settings settings, Observer observer, @Value("${chorus.facilitator-role:}") String facilitatorRole) {
    var api = DiscordProperties.present(properties.apiUrl());
    var guilds = new ArrayList<Long>();
    var writtenGuilds = DiscordProperties.present(properties.guildIds());
    if (writtenGuilds != null) {
      for (var guild : writtenGuilds.split(",")) {
        try {
          guilds.add(Long.parseUnsignedLong(guild.strip()));
        } catch (NumberFormatException e) {
          throw new IllegalStateException("DISCORD_GUILD_IDS cannot read \"" + guild.strip()
              + "\": write server ids separated by commas");
        }
      }
    }
    DiscordSettings discord;
    try {
      discord = new DiscordSettings(DiscordProperties.present(properties.token()),
          api == null ? DiscordSettings.DEFAULT_API_URL : api, DiscordProperties.present(properties.gatewayUrl()),
          guilds, properties.shardsTotal() == null ? 1 : properties.shardsTotal(),
          DiscordSettings.parseShardIds(properties.shardIds()), DiscordProperties.present(facilitatorRole));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    var executor = PlatformWorkers.named("chorus-discord");
    return new DiscordPlatform(discord,
        chat -> new Chorus(stores, chat, pseudonyms, clock, settings, new SecureRandom(), observer), executor);
  }

  /** Discord for scheduled work; who is in a channel is not known without the privileged members intent. */
  @Bean
  ChatPlatform discordChatPlatform(DiscordPlatform platform) {
    return new ChatPlatform("discord:", platform.chat(), ChannelMembers.UNKNOWN);
  }
}
