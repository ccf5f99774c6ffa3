package dev.chorus.core.lifecycle;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A facilitator reopens a closed question; the published outcome stays in its history. */
public final class ReopenQuestion {
  private final Pseudonyms pseudonyms;
  private final Clock clock;

  public ReopenQuestion(Pseudonyms pseudonyms, Clock clock) {
    this.pseudonyms = pseudonyms;
    this.clock = clock;
  }

  public Decision decide(Request request, Question question) {
    if (!Facilitators.facilitates(question, request.actor(), pseudonyms)) {
      return Facilitators.onlyFacilitators("reopen it", question);
    }
    if (question.open()) {
      return Decision.Rejected.because(question.id() + " is open already.", StandardCommands.STATUS.on(question.id()));
    }
    // A deadline that has passed would close it again at once: it goes, and the facilitator may set a new one.
    boolean deadlinePassed = question.deadline() != null && !question.deadline().isAfter(clock.instant());
    var reopened = deadlinePassed
        ? question.reopened().withDetails(question.title(), question.context(), question.forBody(), null)
        : question.reopened();
    var effects = new ArrayList<Effect>();
    effects.add(new Effect.Edit(new Target.QuestionCard(question.id()), Cards.question(reopened)));
    for (var each : reopened.drafts()) {
      effects.add(new Effect.Edit(new Target.DraftMessage(question.id(), each.version()), Cards.draft(reopened, each, false)));
      effects.add(new Effect.Edit(new Target.DraftAnnouncement(question.id(), each.version()), Cards.draft(reopened, each, true)));
    }
    effects.add(new Effect.Post(new Place.Channel(question.channel()), Card.text(Text.builder()
        .plain(question.id() + " is open again: ").quoted(question.title())
        .plain(". Views, votes and drafts are welcome; the earlier outcome stays in its history.").build()), null));
    effects.add(Effect.Reply.of(question.id() + " is reopened." + (deadlinePassed
        ? " Its deadline had passed, so it has none now; set one with " + StandardCommands.editExample(question.id()) + "."
        : "")));
    return new Decision.Accepted(List.of(reopened), effects);
  }
}
