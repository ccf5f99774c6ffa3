package dev.chorus.core.overview;

import dev.chorus.core.command.Command;
import dev.chorus.core.conversation.Decision;

/**
 * {@code digest} and {@code remind}. Scheduled digests and reminders are not part of this build;
 * the commands are understood and answered plainly rather than pretending to take effect.
 */
public final class NotificationPreferences {

  public Decision decide(Command command) {
    var what = command instanceof Command.Remind ? "Reminders" : "Digests";
    return Decision.Rejected.because(what + " are not scheduled by this version of Chorus yet, so nothing was "
        + "changed.", "follow the question with /respond status or /respond list meanwhile");
  }
}
