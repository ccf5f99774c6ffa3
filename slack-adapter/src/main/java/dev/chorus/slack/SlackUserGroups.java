package dev.chorus.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.request.usergroups.UsergroupsListRequest;
import com.slack.api.methods.request.usergroups.users.UsergroupsUsersListRequest;
import com.slack.api.model.Usergroup;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.ChatException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Who facilitates by user group in Slack: the members of the group whose handle
 * {@code CHORUS_FACILITATOR_ROLE} names ({@code facilitators}, or {@code @facilitators}). The group is
 * found by its handle with {@code usergroups.list} and its members read with
 * {@code usergroups.users.list}, kept {@link #KEEP} per workspace, so a member added to the group or
 * taken off it counts soon. When Slack does not answer, nobody facilitates by group, and Slack is
 * asked again after {@link #RETRY} rather than at every event: those methods allow about 20 calls a
 * minute.
 */
final class SlackUserGroups {
  private static final System.Logger LOG = System.getLogger(SlackUserGroups.class.getName());
  static final Duration KEEP = Duration.ofMinutes(5);
  static final Duration RETRY = Duration.ofSeconds(30);
  /** Workspaces kept at most. */
  static final long MOST_KEPT = 10_000;

  /** A workspace's facilitator group: its members, and whether Slack answered. */
  private record Group(Set<String> members, boolean answered) {}

  private final @Nullable String handle;
  private final Function<CommunityId, AsyncMethodsClient> clients;
  private final Cache<CommunityId, Group> groups;

  /** @param handle the user group's handle; null for none */
  SlackUserGroups(@Nullable String handle, Function<CommunityId, AsyncMethodsClient> clients, Clock clock) {
    var written = handle == null ? "" : handle.strip();
    written = written.startsWith("@") ? written.substring(1) : written;
    this.handle = written.isEmpty() ? null : written;
    this.clients = clients;
    this.groups = Caffeine.newBuilder().maximumSize(MOST_KEPT)
        .expireAfter(Expiry.creating((CommunityId community, Group group) -> group.answered() ? KEEP : RETRY))
        .ticker(SlackMembers.ticker(clock)).build();
  }

  /** Whether the member is in the workspace's facilitator group, asked of Slack unless kept. */
  boolean holds(CommunityId community, String user) {
    if (handle == null) {
      return false;
    }
    var group = groups.getIfPresent(community);
    if (group == null) {
      // Outside the cache, as for members: a slow answer holds up no other workspace.
      group = list(community, handle);
      groups.put(community, group);
    }
    return group.members().contains(user);
  }

  private Group list(CommunityId community, String handle) {
    var client = clients.apply(community);
    try {
      var listed = SlackChat.call(() -> client.usergroupsList(UsergroupsListRequest.builder().build()),
          "Slack did not list the user groups");
      var group = (listed.getUsergroups() == null ? List.<Usergroup>of() : listed.getUsergroups()).stream()
          .filter(g -> handle.equalsIgnoreCase(g.getHandle()) && (g.getDateDelete() == null || g.getDateDelete() == 0))
          .findFirst();
      if (group.isEmpty()) {
        LOG.log(Level.WARNING, "workspace {0} has no user group with the handle CHORUS_FACILITATOR_ROLE names, "
            + "so nobody facilitates by user group there", community);
        return new Group(Set.of(), true);
      }
      var id = group.get().getId();
      var members = SlackChat.call(() -> client.usergroupsUsersList(UsergroupsUsersListRequest.builder().usergroup(id)
          .build()), "Slack did not list the user group's members");
      return new Group(Set.copyOf(members.getUsers() == null ? List.of() : members.getUsers()), true);
    } catch (ChatException e) {
      Failures.log(LOG, Level.WARNING, "the facilitator user group of workspace " + community.value()
          + " could not be read", e);
      return new Group(Set.of(), false);
    }
  }
}
