package dev.chorus.slack;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach Slack: {@code SLACK_BOT_TOKEN}, {@code SLACK_APP_TOKEN} (Socket Mode),
 * {@code SLACK_SIGNING_SECRET} (HTTP mode), {@code CHORUS_SLACK_API_URL}; and who facilitates by
 * user group ({@code CHORUS_FACILITATOR_ROLE}). Secrets never show in {@link #toString()}.
 *
 * @param facilitatorGroup the handle of the user group whose members facilitate; null for none
 */
public record SlackSettings(String botToken, @Nullable String appToken, @Nullable String signingSecret, String apiUrl,
    @Nullable String facilitatorGroup) {
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  public SlackSettings {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(apiUrl, "apiUrl");
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
  }

  @Override
  public String toString() {
    return "SlackSettings[botToken=hidden, appToken=" + (appToken == null ? "unset" : "hidden") + ", signingSecret="
        + (signingSecret == null ? "unset" : "hidden") + ", apiUrl=" + apiUrl + ", facilitatorGroup=" + facilitatorGroup
        + "]";
  }
}
