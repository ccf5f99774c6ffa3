package dev.chorus.app.schedule;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.message.Chat;

/**
 * A chat platform this replica runs, for work no member triggered: the communities it serves (by
 * the prefix of their ids, {@code slack:} or {@code discord:}), how to post there, and who is in a
 * channel.
 */
public record ChatPlatform(String communityPrefix, Chat chat, ChannelMembers members) {
  public boolean serves(CommunityId community) {
    return community.value().startsWith(communityPrefix);
  }
}
