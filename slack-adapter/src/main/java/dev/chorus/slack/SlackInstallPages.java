package dev.chorus.slack;

import com.slack.api.bolt.model.Installer;
import dev.chorus.core.command.StandardCommands;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthRedirectUriPageRenderer;
import org.jspecify.annotations.Nullable;

/**
 * The pages a browser sees while a workspace installs Chorus: the "Add to Slack" page, and what the
 * install came to. Plain HTML with no script, every value escaped.
 */
final class SlackInstallPages implements OAuthRedirectUriPageRenderer {

  /** The "Add to Slack" page, linking to Slack's authorize page for this install. */
  static String install(String authorizeUrl) {
    return page("Add Chorus to Slack", "<h1>Add Chorus to your Slack workspace</h1>"
        + "<p>Chorus helps a community develop a joint response in its own channels: everyone shares a view, "
        + "votes on the others', and agrees a draft together.</p>"
        + "<p><a class=\"button\" href=\"" + html(authorizeUrl) + "\">Add to Slack</a></p>"
        + "<p>Slack will show what Chorus may do before you agree. Start in a browser where you are signed in to "
        + "the workspace.</p>");
  }

  @Override
  public String renderSuccessPage(@Nullable Installer installer, @Nullable String completionUrl) {
    return page("Chorus is installed", "<h1>Chorus is in your workspace</h1>"
        + "<p>Invite it to a channel with <code>/invite @Chorus</code>, then open a question there with "
        + "<code>" + html(StandardCommands.OPEN.with("<your question>")) + "</code>. <code>"
        + html(StandardCommands.HELP.with()) + "</code> lists everything.</p>");
  }

  @Override
  public String renderFailurePage(@Nullable String installPath, @Nullable String reason) {
    return failure(installPath == null ? SlackOAuth.INSTALL_PATH : installPath, reason);
  }

  /** What went wrong, and the way back to the start. */
  static String failure(String installPath, @Nullable String reason) {
    var why = switch (String.valueOf(reason)) {
      case "access_denied" -> "The install was cancelled on Slack's page, so Chorus was not added.";
      case "invalid_browser", "invalid_state" -> "This install was begun in another browser, or too long ago.";
      default -> "Slack did not complete the install.";
    };
    return page("Chorus was not installed", "<h1>Chorus was not installed</h1><p>" + html(why) + "</p>"
        + "<p><a href=\"" + html(installPath) + "\">Start again</a> in the browser you are signed in to Slack with.</p>");
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
        + "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
        + "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}"
        + ".button{display:inline-block;padding:.6rem 1.2rem;background:#4a154b;color:#fff;border-radius:.3rem;"
        + "text-decoration:none}</style></head><body>" + body + "</body></html>";
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
