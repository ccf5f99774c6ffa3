package dev.chorus.slack;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;

/**
 * Slack's ids in Chorus's terms: a workspace is the community {@code slack:T123}; a message is its
 * channel and timestamp, {@code C123:1700000000.000100}.
 */
final class SlackIds {
  private SlackIds() {}

  static CommunityId community(String teamId) {
    return new CommunityId("slack:" + teamId);
  }

  static String teamOf(CommunityId community) {
    var value = community.value();
    if (!value.startsWith("slack:")) {
      throw new IllegalArgumentException("not a Slack community");
    }
    return value.substring("slack:".length());
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
