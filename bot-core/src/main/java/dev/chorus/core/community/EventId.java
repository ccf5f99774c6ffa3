package dev.chorus.core.community;

import java.util.Objects;

/**
 * The platform's id of one delivery (Slack {@code event_id}, Discord interaction id), used to apply a
 * redelivered event only once.
 */
public record EventId(String value) {
  public EventId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
