package dev.chorus.core.message;

import java.util.Objects;

/**
 * A message as the platform knows it.
 *
 * @param id the platform's message id, unique within the community
 * @param destination where it was posted
 */
public record PostedMessage(String id, Destination destination) {
  public PostedMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(destination, "destination");
  }
}
