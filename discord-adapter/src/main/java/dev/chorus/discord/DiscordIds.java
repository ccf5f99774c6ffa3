package dev.chorus.discord;

import dev.chorus.core.community.CommunityId;

/**
 * Discord's ids in Chorus's terms: a guild is a community ({@code discord:123}); a message is known by
 * its channel and its own id ({@code 456:789}), the pair reaction events name and edits need (in a
 * thread, the thread is the channel).
 */
public final class DiscordIds {
  /** What every Discord community's id begins with; written nowhere else, so no two platforms share one. */
  public static final String PREFIX = "discord:";

  private DiscordIds() {}

  public static CommunityId community(long guild) {
    return new CommunityId(PREFIX + Long.toUnsignedString(guild));
  }

  /** Whether the community is a Discord guild. */
  public static boolean owns(CommunityId community) {
    return community.value().startsWith(PREFIX);
  }

  /** The guild of a community, or empty when it is not a Discord community. */
  public static java.util.OptionalLong guildOf(CommunityId community) {
    if (!owns(community)) {
      return java.util.OptionalLong.empty();
    }
    try {
      return java.util.OptionalLong.of(Long.parseUnsignedLong(community.value().substring(PREFIX.length())));
    } catch (NumberFormatException e) {
      return java.util.OptionalLong.empty();
    }
  }

  public static String message(long channel, long message) {
    return Long.toUnsignedString(channel) + ":" + Long.toUnsignedString(message);
  }

  public static String channelOf(String messageId) {
    int colon = messageId.indexOf(':');
    return colon < 0 ? "" : messageId.substring(0, colon);
  }

  public static String messageOf(String messageId) {
    return messageId.substring(messageId.indexOf(':') + 1);
  }
}
