package dev.chorus.app.slack;

import static dev.chorus.app.SettingValues.present;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Slack's settings: {@code SLACK_BOT_TOKEN}, {@code SLACK_APP_TOKEN},
 * {@code SLACK_SIGNING_SECRET}, {@code CHORUS_SLACK_API_URL}. Empty means unset; secrets never show
 * in {@link #toString()}.
 */
@ConfigurationProperties(prefix = "chorus.slack")
public record SlackProperties(
    @Nullable String botToken, @Nullable String appToken, @Nullable String signingSecret, @Nullable String apiUrl) {

  @Override
  public String toString() {
    return "SlackProperties[botToken=" + (present(botToken) == null ? "unset" : "hidden") + ", appToken="
        + (present(appToken) == null ? "unset" : "hidden") + ", signingSecret="
        + (present(signingSecret) == null ? "unset" : "hidden") + ", apiUrl=" + apiUrl + "]";
  }
}
