package dev.chorus.core.conversation;

import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.Actor;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.question.Question;

/**
 * Who facilitates a question: its opener, holders of the configured facilitator role, and platform
 * administrators.
 */
public final class Facilitators {
  private Facilitators() {}

  public static boolean facilitates(Question question, Actor actor, Pseudonyms pseudonyms) {
    return actor.admin() || actor.facilitatorRole() || question.opener().equals(pseudonyms.keyOf(question, actor.id()));
  }

  public static Decision.Rejected onlyFacilitators(String what, Question question) {
    return Decision.Rejected.because(
        "Only a facilitator of " + question.id() + " can " + what + ": the member who opened it, "
            + "holders of the facilitator role, or an administrator.",
        "ask a facilitator, or see who took part with " + StandardCommands.STATUS.on(question.id()));
  }
}
