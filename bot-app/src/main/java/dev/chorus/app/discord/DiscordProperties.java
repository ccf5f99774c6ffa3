package dev.chorus.app.discord;

import static dev.chorus.app.SettingValues.present;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Discord's settings: {@code DISCORD_TOKEN}, {@code DISCORD_GUILD_IDS},
 * {@code DISCORD_SHARDS_TOTAL}, {@code DISCORD_SHARD_IDS}, {@code CHORUS_DISCORD_API_URL},
 * {@code CHORUS_DISCORD_GATEWAY_URL}. Empty means unset; the token never shows in {@link #toString()}.
 */
@ConfigurationProperties(prefix = "chorus.discord")
public record DiscordProperties(
    @Nullable String token,
    @Nullable String guildIds,
    @Nullable Integer shardsTotal,
    @Nullable String shardIds,
    @Nullable String apiUrl,
    @Nullable String gatewayUrl) {

  @Override
  public String toString() {
    return "DiscordProperties[token=" + (present(token) == null ? "unset" : "hidden") + ", guildIds=" + guildIds
        + ", shardsTotal=" + shardsTotal + ", shardIds=" + shardIds + ", apiUrl=" + apiUrl + ", gatewayUrl="
        + gatewayUrl + "]";
  }
}
