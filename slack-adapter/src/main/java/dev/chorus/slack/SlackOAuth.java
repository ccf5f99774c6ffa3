package dev.chorus.slack;

import java.util.Objects;

/**
 * The app's credentials for Slack's OAuth install ({@code SLACK_CLIENT_ID}, {@code SLACK_CLIENT_SECRET})
 * and where Slack sends an installer back to: {@code CHORUS_PUBLIC_URL} followed by
 * {@link #REDIRECT_PATH}. The secret never shows in {@link #toString()}.
 */
public record SlackOAuth(String clientId, String clientSecret, String publicUrl) {
  /** Where an install begins: a page with the "Add to Slack" button. */
  public static final String INSTALL_PATH = "/slack/install";
  /** Where Slack sends the installer back with a code to exchange for the workspace's token. */
  public static final String REDIRECT_PATH = "/slack/oauth_redirect";

  public SlackOAuth {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(publicUrl, "publicUrl");
    while (publicUrl.endsWith("/")) {
      publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
    }
  }

  /** The redirect address, as registered with the app at Slack (the manifest's {@code redirect_urls}). */
  public String redirectUri() {
    return publicUrl + REDIRECT_PATH;
  }

  @Override
  public String toString() {
    return "SlackOAuth[clientId=" + clientId + ", clientSecret=hidden, publicUrl=" + publicUrl + "]";
  }
}
