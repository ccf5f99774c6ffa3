package dev.chorus.core.question;

import dev.chorus.core.community.MemberId;
import java.util.Objects;

/**
 * How a question stores a member: the member id itself, or in anonymous questions a pseudonym that
 * only the server secret can recompute.
 */
public record MemberKey(String value) {
  public MemberKey {
    Objects.requireNonNull(value, "value");
  }

  /** Stands for a member who asked to be forgotten, on what is left of their withdrawn words. */
  public static final MemberKey FORGOTTEN = new MemberKey("forgotten");

  public static MemberKey of(MemberId id) {
    return new MemberKey(id.value());
  }

  @Override
  public String toString() {
    return value;
  }
}
