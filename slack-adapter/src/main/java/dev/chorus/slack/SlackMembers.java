package dev.chorus.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.request.users.UsersInfoRequest;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.message.ChatException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Members as Slack describes them (display name, admin rights, whether a bot), asked of
 * {@code users.info} and kept {@link #KEEP}, for commands, events and reactions read back alike;
 * and whether they are in the facilitator user group. Kept a while, not for ever: an admin made or
 * unmade in Slack counts soon. A lookup that failed is not kept, so the next event asks again rather
 * than leave an admin a plain member.
 */
final class SlackMembers {
  /** Long enough that an active workspace stays within {@code users.info}'s limit of about 100 a minute. */
  static final Duration KEEP = Duration.ofMinutes(10);
  /** Members kept at most, across workspaces; the least used go first. */
  static final long MOST_KEPT = 20_000;

  private final Function<CommunityId, AsyncMethodsClient> clients;
  private final Cache<String, Actor> members;
  private final SlackUserGroups facilitators;

  /** @param facilitators the facilitator user group's members */
  SlackMembers(Function<CommunityId, AsyncMethodsClient> clients, Clock clock, SlackUserGroups facilitators) {
    this.clients = clients;
    this.facilitators = facilitators;
    this.members = Caffeine.newBuilder().maximumSize(MOST_KEPT).expireAfterWrite(KEEP).ticker(ticker(clock)).build();
  }

  /** Caffeine's time from a clock, so tests can move it. */
  static Ticker ticker(Clock clock) {
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  /** The member, asked of Slack unless kept — outside the cache, so a slow answer holds up nobody else. */
  Actor actor(CommunityId community, String user) {
    return actor(community, user, user);
  }

  /**
   * The member, asked of Slack unless kept.
   *
   * @param fallbackName the name to show when Slack does not answer (a command carries one)
   */
  Actor actor(CommunityId community, String user, String fallbackName) {
    var described = described(community, user, fallbackName);
    return facilitators.holds(community, user) ? described.asFacilitator() : described;
  }

  private Actor described(CommunityId community, String user, String fallbackName) {
    var key = community.value() + "/" + user;
    var known = members.getIfPresent(key);
    if (known != null) {
      return known;
    }
    try {
      var client = clients.apply(community);
      var info = SlackChat.call(() -> client.usersInfo(UsersInfoRequest.builder().user(user).build()),
          "Slack did not describe the member");
      var u = info.getUser();
      if (u == null) {
        return Actor.member(user, fallbackName);
      }
      var profile = u.getProfile();
      var name = profile != null && profile.getDisplayName() != null && !profile.getDisplayName().isBlank()
          ? profile.getDisplayName() : profile != null && profile.getRealName() != null ? profile.getRealName() : u.getName();
      var described = new Actor(new MemberId(user), name == null ? user : name, u.isAdmin() || u.isOwner(), false,
          u.isBot());
      members.put(key, described);
      return described;
    } catch (ChatException e) {
      // Known by id only this time, with no rights: not kept, so the next event asks again.
      return Actor.member(user, fallbackName);
    }
  }
}
