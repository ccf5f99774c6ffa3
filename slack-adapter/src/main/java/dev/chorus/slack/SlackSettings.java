package dev.chorus.slack;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach Slack: one workspace by its bot token ({@code SLACK_BOT_TOKEN}), or any number of
 * workspaces installed through Slack's OAuth flow ({@code SLACK_CLIENT_ID} and
 * {@code SLACK_CLIENT_SECRET}, see {@link SlackOAuth}); {@code SLACK_APP_TOKEN} (Socket Mode),
 * {@code SLACK_SIGNING_SECRET} (HTTP mode), {@code CHORUS_SLACK_API_URL}; and who facilitates by user
 * group ({@code CHORUS_FACILITATOR_ROLE}). Secrets never show in {@link #toString()}.
 *
 * @param botToken the one workspace's bot token; null when workspaces install through {@code oauth}
 * @param facilitatorGroup the handle of the user group whose members facilitate; null for none
 * @param oauth the app's OAuth credentials when it installs to many workspaces; null for one by its token
 */
public record SlackSettings(@Nullable String botToken, @Nullable String appToken, @Nullable String signingSecret,
    String apiUrl, @Nullable String facilitatorGroup, @Nullable SlackOAuth oauth) {
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  public SlackSettings {
    Objects.requireNonNull(apiUrl, "apiUrl");
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
    if ((botToken == null) == (oauth == null)) {
      throw new IllegalArgumentException("Slack needs either one workspace's bot token or the app's OAuth credentials");
    }
    if (oauth != null && (signingSecret == null || appToken != null)) {
      throw new IllegalArgumentException("installing through OAuth needs HTTP mode: a signing secret and no app token");
    }
  }

  /** One workspace, by its bot token. */
  public SlackSettings(String botToken, @Nullable String appToken, @Nullable String signingSecret, String apiUrl,
      @Nullable String facilitatorGroup) {
    this(Objects.requireNonNull(botToken, "botToken"), appToken, signingSecret, apiUrl, facilitatorGroup, null);
  }

  @Override
  public String toString() {
    return "SlackSettings[botToken=" + (botToken == null ? "unset" : "hidden") + ", appToken="
        + (appToken == null ? "unset" : "hidden") + ", signingSecret=" + (signingSecret == null ? "unset" : "hidden")
        + ", apiUrl=" + apiUrl + ", facilitatorGroup=" + facilitatorGroup + ", oauth=" + oauth + "]";
  }
}
