package dev.chorus.core.community;

import java.util.Objects;

/** A channel of a community, as the platform names it. */
public record ChannelId(String value) {
  public ChannelId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a channel id cannot be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
