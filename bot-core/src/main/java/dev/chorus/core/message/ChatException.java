package dev.chorus.core.message;

/**
 * The platform would not take a message.
 *
 * @param memberMessage what to tell the member, in plain language (for example that Chorus is not
 *     in the channel), never with a token or an internal detail
 */
public class ChatException extends RuntimeException {
  private final String memberMessage;

  public ChatException(String memberMessage, Throwable cause) {
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
