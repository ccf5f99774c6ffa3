package dev.chorus.core.community;

import java.util.Objects;

/** A Discord guild or a Slack workspace, prefixed by its platform (for example {@code slack:T123}). */
public record CommunityId(String value) {
  public CommunityId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a community id cannot be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
