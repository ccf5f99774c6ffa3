package dev.chorus.core.digest;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import java.util.Optional;
import java.util.Set;

/**
 * The people in a channel, for reminders, as the platform lists them (bots left out). Empty when
 * the platform cannot list them (Discord without the members intent): reminders then go to members
 * who took part in the question without sharing a view.
 */
public interface ChannelMembers {
  ChannelMembers UNKNOWN = (community, channel) -> Optional.empty();

  Optional<Set<MemberId>> in(CommunityId community, ChannelId channel);
}
