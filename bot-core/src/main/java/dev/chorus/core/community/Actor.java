package dev.chorus.core.community;

import java.util.Objects;

/**
 * The member behind an inbound event, with what the platform says about their rights.
 *
 * @param admin platform administrator rights (Discord "Manage Server", Slack workspace admin)
 * @param facilitatorRole holds the configured facilitator role or user group
 * @param bot bots are never members: their events are ignored
 */
public record Actor(MemberId id, String displayName, boolean admin, boolean facilitatorRole, boolean bot) {
  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    displayName = MemberText.name(displayName);
  }

  public static Actor member(String id, String displayName) {
    return new Actor(new MemberId(id), displayName, false, false, false);
  }

  public Actor asFacilitator() {
    return new Actor(id, displayName, admin, true, bot);
  }
}
