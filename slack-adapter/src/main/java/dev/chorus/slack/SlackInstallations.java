package dev.chorus.slack;

import com.slack.api.bolt.service.InstallationService;
import org.jspecify.annotations.Nullable;

/**
 * The workspaces Chorus is installed in through Slack's OAuth flow, kept by the application (Bolt's
 * {@link InstallationService}, which the OAuth flow saves to and every request is authorized from),
 * with what the adapter itself needs: a workspace's token for its Web API calls, and what to do when
 * a workspace removes Chorus.
 */
public interface SlackInstallations extends InstallationService {

  /** The workspace's bot token; null when Chorus is not installed there (or no longer). */
  @Nullable String botToken(String team);

  /**
   * The workspace removed Chorus ({@code app_uninstalled}, or its bot token revoked): its token is
   * forgotten now, its data after the grace period unless it installs Chorus again before. A removal
   * Slack told of before the workspace's latest install (a retried event, delivered late) is ignored.
   * Throws when this could not be recorded, so Slack sends the event again.
   *
   * @param toldAt when Slack says it happened (the event's time)
   */
  void removed(String team, java.time.Instant toldAt);
}
