package dev.chorus.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.request.conversations.ConversationsInfoRequest;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.message.ChannelAccess;
import dev.chorus.core.message.ChatException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a member can see a Slack channel. They can when Slack lists them in it (the member lists the
 * schedule reads too, kept a few minutes). A private channel they are not in is closed to them. A public
 * one they have not joined stays unknown: a workspace guest may not see it, and Chorus does not know who
 * is a guest. Whatever Slack will not say (a channel Chorus cannot list, a failure) is unknown, and a
 * failure is not kept.
 */
final class SlackChannelAccess {
  /** A channel made private (or public) in Slack counts within this long. */
  static final Duration KEEP = Duration.ofMinutes(10);
  /** Channels kept at most, across workspaces; the least used go first. */
  static final long MOST_KEPT = 10_000;

  private enum Kind { PUBLIC, PRIVATE }

  private final Function<CommunityId, AsyncMethodsClient> clients;
  private final SlackChannelMembers members;
  private final Cache<String, Kind> kinds;

  SlackChannelAccess(Function<CommunityId, AsyncMethodsClient> clients, SlackChannelMembers members, Clock clock) {
    this.clients = clients;
    this.members = members;
    this.kinds = Caffeine.newBuilder().maximumSize(MOST_KEPT).expireAfterWrite(KEEP).ticker(SlackMembers.ticker(clock))
        .build();
  }

  /** Never throws: anything Slack does not answer is {@link ChannelAccess#UNKNOWN}. */
  ChannelAccess of(CommunityId community, MemberId member, ChannelId channel) {
    try {
      var listed = members.in(community, channel);
      if (listed.isEmpty()) {
        return ChannelAccess.UNKNOWN;
      }
      if (listed.get().contains(member)) {
        return ChannelAccess.SEES;
      }
      return kind(community, channel).map(kind -> switch (kind) {
        case PRIVATE -> ChannelAccess.CLOSED;
        case PUBLIC -> ChannelAccess.UNKNOWN;
      }).orElse(ChannelAccess.UNKNOWN);
    } catch (RuntimeException e) {
      return ChannelAccess.UNKNOWN;
    }
  }

  /** Whether the channel is private, asked of {@code conversations.info} unless kept; empty when Slack did not say. */
  private Optional<Kind> kind(CommunityId community, ChannelId channel) {
    var key = community.value() + "/" + channel.value();
    var known = kinds.getIfPresent(key);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      // Asked outside the cache, so a slow answer holds up no other channel.
      var client = clients.apply(community);
      var info = SlackChat.call(() -> client.conversationsInfo(ConversationsInfoRequest.builder()
          .channel(channel.value()).build()), "Slack did not describe the channel");
      if (info.getChannel() == null) {
        return Optional.empty();
      }
      var kind = info.getChannel().isPrivate() ? Kind.PRIVATE : Kind.PUBLIC;
      kinds.put(key, kind);
      return Optional.of(kind);
    } catch (ChatException e) {
      return Optional.empty();
    }
  }
}
