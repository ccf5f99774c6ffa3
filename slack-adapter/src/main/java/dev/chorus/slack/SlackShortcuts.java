package dev.chorus.slack;

import dev.chorus.core.conversation.Inbound;

/**
 * Chorus's message shortcuts as the Slack app declares them ({@code deploy/slack/manifest.yaml}):
 * each shortcut's callback id and name. A test reads both.
 */
public final class SlackShortcuts {
  private SlackShortcuts() {}

  public static String callbackId(Inbound.Shortcut shortcut) {
    return switch (shortcut) {
      case SHARE_AS_VIEW -> "share_as_view";
      case PROPOSE_AS_AMENDMENT -> "propose_as_amendment";
    };
  }

  /** The name members see in the message's menu. */
  public static String name(Inbound.Shortcut shortcut) {
    return switch (shortcut) {
      case SHARE_AS_VIEW -> "Share as my view";
      case PROPOSE_AS_AMENDMENT -> "Propose as amendment";
    };
  }
}
