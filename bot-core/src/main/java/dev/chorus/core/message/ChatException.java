package dev.chorus.core.message;

import org.jspecify.annotations.Nullable;

/**
 * The platform would not take a message.
 *
 * @param memberMessage what to tell the member, in plain language (for example that Chorus is not
 *     in the channel), never with a token or an internal detail
 */
public class ChatException extends RuntimeException {
  private final String memberMessage;

  /** @param cause may be null, as for any exception: a failed future need not say why */
  public ChatException(String memberMessage, @Nullable Throwable cause) {
    super(memberMessage, cause);
    this.memberMessage = memberMessage;
  }

  public ChatException(String memberMessage) {
    super(memberMessage);
    this.memberMessage = memberMessage;
  }

  public String memberMessage() {
    return memberMessage;
  }
}
