package dev.chorus.slack;

import dev.chorus.core.command.CommandCatalog;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bot scopes Chorus asks for, each for a Web API method it calls or an event it takes, and no
 * other (least privilege). {@code deploy/slack/manifest.yaml} must ask for exactly these; a test
 * reads both.
 */
public final class SlackScopes {
  private SlackScopes() {}

  /** Each Web API method the adapter calls, with the scopes it needs, space-separated (none for {@code auth.test}). */
  public static final Map<String, String> BY_METHOD = Map.ofEntries(
      Map.entry("files.getUploadURLExternal", "files:write"),
      Map.entry("files.completeUploadExternal", "files:write"),
      Map.entry("chat.postMessage", "chat:write"),
      Map.entry("chat.update", "chat:write"),
      Map.entry("chat.postEphemeral", "chat:write"),
      Map.entry("conversations.open", "im:write"),
      Map.entry("conversations.members", "channels:read groups:read"),
      Map.entry("conversations.info", "channels:read groups:read"),
      Map.entry("reactions.add", "reactions:write"),
      Map.entry("reactions.get", "reactions:read"),
      Map.entry("users.info", "users:read"),
      Map.entry("usergroups.list", "usergroups:read"),
      Map.entry("usergroups.users.list", "usergroups:read"),
      Map.entry("views.open", ""),
      Map.entry("views.publish", ""),
      Map.entry("chat.getPermalink", ""),
      Map.entry("auth.test", ""),
      Map.entry("oauth.v2.access", ""));

  /**
   * Scopes needed to receive what Chorus listens to: the slash command, reactions, a member opening
   * the Home tab and a workspace removing Chorus (these two need none).
   */
  public static final Map<String, String> BY_EVENT = Map.of(
      CommandCatalog.SLASH_COMMAND, "commands",
      "reaction_added", "reactions:read",
      "reaction_removed", "reactions:read",
      "app_uninstalled", "",
      "tokens_revoked", "",
      "app_home_opened", "");

  /** Every scope, sorted. */
  public static Set<String> all() {
    var scopes = new TreeSet<String>();
    BY_METHOD.values().stream().filter(s -> !s.isEmpty()).forEach(s -> scopes.addAll(java.util.List.of(s.split(" "))));
    BY_EVENT.values().stream().filter(s -> !s.isEmpty()).forEach(scopes::add);
    return scopes;
  }
}
