package dev.chorus.slack;

import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.request.users.UsersInfoRequest;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.message.ChatException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Members as Slack describes them (display name, admin rights, whether a bot), asked of
 * {@code users.info} once per member and kept, for events and for reactions read back alike.
 */
final class SlackMembers {
  private final Function<CommunityId, AsyncMethodsClient> clients;
  private final Map<String, Actor> members = new ConcurrentHashMap<>();

  SlackMembers(Function<CommunityId, AsyncMethodsClient> clients) {
    this.clients = clients;
  }

  /** The member as last described, or as the command named them when Slack was never asked. */
  Actor known(CommunityId community, Actor fromCommand) {
    var cached = members.get(key(community, fromCommand.id().value()));
    return cached != null ? cached : fromCommand;
  }

  /** The member, asked of Slack the first time — outside the map, so a slow answer holds up nobody else. */
  Actor actor(CommunityId community, String user) {
    var key = key(community, user);
    var known = members.get(key);
    if (known != null) {
      return known;
    }
    var described = Actor.member(user, user);
    try {
      var client = clients.apply(community);
      var info = SlackChat.call(() -> client.usersInfo(UsersInfoRequest.builder().user(user).build()),
          "Slack did not describe the member");
      if (info.getUser() != null) {
        var u = info.getUser();
        var profile = u.getProfile();
        var name = profile != null && profile.getDisplayName() != null && !profile.getDisplayName().isBlank()
            ? profile.getDisplayName() : profile != null && profile.getRealName() != null ? profile.getRealName() : u.getName();
        described = new Actor(new MemberId(user), name == null ? user : name, u.isAdmin() || u.isOwner(), false, u.isBot());
      }
    } catch (ChatException e) {
      // Known by id only.
    }
    var earlier = members.putIfAbsent(key, described);
    return earlier != null ? earlier : described;
  }

  private static String key(CommunityId community, String user) {
    return community.value() + "/" + user;
  }
}
