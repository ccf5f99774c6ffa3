package dev.chorus.core.message;

import dev.chorus.core.community.Actor;
import java.util.Objects;

/**
 * A member's reaction on a message as the platform shows it now.
 *
 * @param emoji the platform's name or character for it, as its reaction events give it
 */
public record MemberReaction(String emoji, Actor member) {
  public MemberReaction {
    Objects.requireNonNull(emoji, "emoji");
    Objects.requireNonNull(member, "member");
  }
}
