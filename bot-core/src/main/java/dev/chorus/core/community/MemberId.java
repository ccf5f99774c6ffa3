package dev.chorus.core.community;

import java.util.Objects;

/** A person's platform user id. Never shown in anonymous questions. */
public record MemberId(String value) {
  public MemberId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a member id cannot be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
