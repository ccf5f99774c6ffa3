package dev.chorus.app.slack;

import static dev.chorus.app.SettingValues.present;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack's settings: {@code SLACK_BOT_TOKEN}, {@code SLACK_APP_TOKEN}, {@code SLACK_SIGNING_SECRET},
 * {@code CHORUS_SLACK_API_URL}; for installing into many workspaces, {@code SLACK_CLIENT_ID},
 * {@code SLACK_CLIENT_SECRET} and {@code CHORUS_UNINSTALL_GRACE}. Empty means unset; secrets never
 * show in {@link #toString()}.
 *
 * @param uninstallGrace how long a workspace's data is kept after it removes Chorus
 */
@ConfigurationProperties(prefix = "chorus.slack")
public record SlackProperties(
    @Nullable String botToken, @Nullable String appToken, @Nullable String signingSecret, @Nullable String apiUrl,
    @Nullable String clientId, @Nullable String clientSecret, @DefaultValue("30d") Duration uninstallGrace) {

  public SlackProperties {
    if (uninstallGrace.isNegative()) {
      throw new IllegalArgumentException("CHORUS_UNINSTALL_GRACE must not be negative");
    }
  }

  @Override
  public String toString() {
    return "SlackProperties[botToken=" + (present(botToken) == null ? "unset" : "hidden") + ", appToken="
        + (present(appToken) == null ? "unset" : "hidden") + ", signingSecret="
        + (present(signingSecret) == null ? "unset" : "hidden") + ", apiUrl=" + apiUrl + ", clientId="
        + (present(clientId) == null ? "unset" : clientId) + ", clientSecret="
        + (present(clientSecret) == null ? "unset" : "hidden") + ", uninstallGrace=" + uninstallGrace + "]";
  }
}
