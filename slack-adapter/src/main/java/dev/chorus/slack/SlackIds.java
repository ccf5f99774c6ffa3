package dev.chorus.slack;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;

/**
 * Slack's ids in Chorus's terms: a workspace is the community {@code slack:T123}; a message is its
 * channel and timestamp, {@code C123:1700000000.000100}.
 */
public final class SlackIds {
  /** What every Slack community's id begins with; written nowhere else, so no two platforms share one. */
  public static final String PREFIX = "slack:";

  private SlackIds() {}

  public static CommunityId community(String teamId) {
    return new CommunityId(PREFIX + teamId);
  }

  /** Whether the community is a Slack workspace. */
  public static boolean owns(CommunityId community) {
    return community.value().startsWith(PREFIX);
  }

  /** The workspace id of a Slack community. */
  public static String teamOf(CommunityId community) {
    if (!owns(community)) {
      throw new IllegalArgumentException("not a Slack community");
    }
    return community.value().substring(PREFIX.length());
  }

  static String message(ChannelId channel, String timestamp) {
    return channel.value() + ":" + timestamp;
  }

  static ChannelId channel(String messageId) {
    return new ChannelId(messageId.substring(0, messageId.indexOf(':')));
  }

  static String timestamp(String messageId) {
    int colon = messageId.indexOf(':');
    return colon < 0 ? messageId : messageId.substring(colon + 1);
  }
}
