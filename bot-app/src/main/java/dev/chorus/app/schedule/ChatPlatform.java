package dev.chorus.app.schedule;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.message.Chat;
import java.util.function.Predicate;

/**
 * A chat platform this replica runs, for work no member triggered: the communities it serves (by
 * the prefix of their ids, {@code slack:} or {@code discord:}), how to post there, and who is in a
 * channel.
 */
public record ChatPlatform(String communityPrefix, Chat chat, ChannelMembers members, Predicate<CommunityId> owns) {
  /** A platform that serves every community of its kind (one Slack workspace, every Discord shard). */
  public ChatPlatform(String communityPrefix, Chat chat, ChannelMembers members) {
    this(communityPrefix, chat, members, community -> true);
  }

  /** Its kind of community, and one this replica owns (on Discord: a server on one of its shards). */
  public boolean serves(CommunityId community) {
    return community.value().startsWith(communityPrefix) && owns.test(community);
  }
}
