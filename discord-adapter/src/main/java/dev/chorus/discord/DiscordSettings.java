package dev.chorus.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * How Chorus reaches Discord: the bot token, where the REST API and the gateway are
 * (Discord's unless a test or a proxy says otherwise), the guilds to register the command in
 * instantly (globally when none), and the shards this replica runs out of how many.
 *
 * @param gatewayUrl when set, used instead of the address {@code GET gateway/bot} answers
 * @param shardIds the shards this replica runs; empty for all of them
 * @param facilitatorRole the role whose holders are facilitators: its id (all digits), or its name, which
 *     is pinned to the role it first meant in each server; null for none
 */
public record DiscordSettings(
    String token,
    String apiUrl,
    @Nullable String gatewayUrl,
    List<Long> guildIds,
    int shardsTotal,
    List<Integer> shardIds,
    @Nullable String facilitatorRole) {
  public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";

  public DiscordSettings {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("DISCORD_TOKEN is empty");
    }
    guildIds = List.copyOf(guildIds);
    shardIds = List.copyOf(shardIds);
    if (shardsTotal < 1) {
      throw new IllegalArgumentException("DISCORD_SHARDS_TOTAL must be at least 1, not " + shardsTotal);
    }
    for (var shard : shardIds) {
      if (shard < 0 || shard >= shardsTotal) {
        throw new IllegalArgumentException("DISCORD_SHARD_IDS names shard " + shard + ", but DISCORD_SHARDS_TOTAL is "
            + shardsTotal + " (shards are numbered from 0)");
      }
    }
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
  }

  /** One shard, Discord's addresses. */
  public static DiscordSettings of(String token) {
    return new DiscordSettings(token, DEFAULT_API_URL, null, List.of(), 1, List.of(), null);
  }

  /** The shards this replica runs: all of them when none are named. */
  public List<Integer> shards() {
    if (!shardIds.isEmpty()) {
      return shardIds;
    }
    var all = new ArrayList<Integer>();
    for (int shard = 0; shard < shardsTotal; shard++) {
      all.add(shard);
    }
    return all;
  }

  /**
   * Server ids as written in {@code DISCORD_GUILD_IDS}, separated by commas.
   *
   * @throws IllegalArgumentException naming what cannot be read
   */
  public static List<Long> parseGuildIds(@Nullable String written) {
    var guilds = new ArrayList<Long>();
    if (written == null || written.isBlank()) {
      return guilds;
    }
    for (var guild : written.split(",")) {
      try {
        guilds.add(Long.parseUnsignedLong(guild.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("DISCORD_GUILD_IDS cannot read \"" + guild.strip()
            + "\": write server ids separated by commas");
      }
    }
    return guilds;
  }

  /**
   * Shard ids as written in {@code DISCORD_SHARD_IDS}: {@code 0,1}, {@code 0-3}, or both ({@code 0-2,5}).
   *
   * @throws IllegalArgumentException naming what cannot be read
   */
  public static List<Integer> parseShardIds(@Nullable String written) {
    var shards = new TreeSet<Integer>();
    if (written == null || written.isBlank()) {
      return List.of();
    }
    for (var part : written.split(",")) {
      var range = part.strip();
      try {
        int dash = range.indexOf('-', 1);
        if (dash > 0) {
          int from = Integer.parseInt(range.substring(0, dash).strip());
          int to = Integer.parseInt(range.substring(dash + 1).strip());
          if (from > to || from < 0) {
            throw new IllegalArgumentException("DISCORD_SHARD_IDS has the range " + range + ", which runs backwards");
          }
          for (int shard = from; shard <= to; shard++) {
            shards.add(shard);
          }
        } else {
          shards.add(Integer.parseInt(range));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("DISCORD_SHARD_IDS cannot read \"" + range
            + "\": write shard numbers like 0,1 or a range like 0-3");
      }
    }
    return List.copyOf(shards);
  }

  @Override
  public String toString() {
    return "DiscordSettings[token=hidden, apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl + ", guildIds=" + guildIds
        + ", shardsTotal=" + shardsTotal + ", shardIds=" + shardIds + ", facilitatorRole=" + facilitatorRole + "]";
  }
}
