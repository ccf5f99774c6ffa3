package dev.chorus.slack;

import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.request.auth.AuthTestRequest;
import com.slack.api.methods.request.conversations.ConversationsMembersRequest;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.message.ChatException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A channel's members as Slack lists them ({@code conversations.members}, page by page), without
 * Chorus itself, for reminders and the digest's count of members without a view. Kept a few
 * minutes, since the schedule asks every minute. When Slack will not list them (a scope missing, a
 * channel Chorus is not in) the core falls back to the members who took part.
 */
public final class SlackChannelMembers implements ChannelMembers {
  static final Duration KEEP = Duration.ofMinutes(5);
  private static final int PAGE = 500;

  private final Function<CommunityId, AsyncMethodsClient> clients;
  private final Clock clock;
  private final Map<String, Listed> listed = new ConcurrentHashMap<>();
  private final Map<CommunityId, String> botUsers = new ConcurrentHashMap<>();

  private record Listed(Set<MemberId> members, Instant until) {}

  public SlackChannelMembers(Function<CommunityId, AsyncMethodsClient> clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public Optional<Set<MemberId>> in(CommunityId community, ChannelId channel) {
    var key = community.value() + "/" + channel.value();
    var kept = listed.get(key);
    var now = clock.instant();
    if (kept != null && kept.until().isAfter(now)) {
      return Optional.of(kept.members());
    }
    try {
      var client = clients.apply(community);
      var bot = botUsers.computeIfAbsent(community, c -> SlackChat.call(() -> client.authTest(AuthTestRequest.builder()
          .build()), "Slack did not say who Chorus is").getUserId());
      var members = new LinkedHashSet<MemberId>();
      String cursor = null;
      do {
        var from = cursor;
        var page = SlackChat.call(() -> client.conversationsMembers(ConversationsMembersRequest.builder()
            .channel(channel.value()).limit(PAGE).cursor(from).build()), "Slack did not list the channel");
        for (var member : page.getMembers()) {
          if (!member.equals(bot)) {
            members.add(new MemberId(member));
          }
        }
        cursor = page.getResponseMetadata() == null ? null : page.getResponseMetadata().getNextCursor();
      } while (cursor != null && !cursor.isEmpty());
      var result = Set.copyOf(members);
      listed.put(key, new Listed(result, now.plus(KEEP)));
      return Optional.of(result);
    } catch (ChatException e) {
      return Optional.empty();
    }
  }
}
