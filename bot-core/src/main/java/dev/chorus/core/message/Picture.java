package dev.chorus.core.message;

/**
 * A picture posted with a message, such as the opinion map, and its text alternative: what a screen
 * reader says in its place, and what a platform that cannot show it shows instead.
 */
public record Picture(String fileName, FileContent png, String altText) {
  /** Discord's limit for an attachment's description, the tightest of the platforms. */
  public static final int LONGEST_ALT_TEXT = 1024;

  /** The alt text cut to fit every platform, ending in an ellipsis where it was cut. */
  public String altTextWithin(int limit) {
    return altText.length() <= limit ? altText : altText.substring(0, limit - 1) + "…";
  }
}
