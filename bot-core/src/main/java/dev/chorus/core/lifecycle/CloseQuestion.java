package dev.chorus.core.lifecycle;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.draft.DraftSupport;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.OutcomePolicy;
import dev.chorus.core.question.Question;
import dev.chorus.core.report.MapPictures;
import dev.chorus.core.report.Reports;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A facilitator closes the question: Chorus publishes the outcome with its level of support and the dissent. */
public final class CloseQuestion {
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final OutcomePolicy policy;
  private final Observer observer;
  private final MapPictures maps;

  public CloseQuestion(Pseudonyms pseudonyms, Clock clock, Settings settings, Observer observer) {
    this(pseudonyms, clock, settings, observer, Reports.UNAVAILABLE);
  }

  /** @param reports draws the opinion map posted with the outcome */
  public CloseQuestion(Pseudonyms pseudonyms, Clock clock, Settings settings, Observer observer, Reports reports) {
    this.maps = new MapPictures(reports, clock);
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.policy = new OutcomePolicy(settings.thresholds());
    this.observer = observer;
  }

  public Decision decide(Request request, Question question, @Nullable DraftVersion named) {
    if (!Facilitators.facilitates(question, request.actor(), pseudonyms)) {
      return Facilitators.onlyFacilitators("close it", question);
    }
    if (!question.open()) {
      return Decision.Rejected.because(question.id() + " is already closed.",
          StandardCommands.REOPEN.on(question.id()) + " to open it again");
    }
    Optional<Draft> draft = named == null ? question.latestDraft() : question.draft(named);
    if (named != null && draft.isEmpty()) {
      return Decision.Rejected.because(question.id() + " has no draft " + named + ".",
          StandardCommands.CLOSE.on(question.id()) + " to close on the latest draft");
    }
    return close(question, draft, question.anonymous() ? null : request.actor().displayName());
  }

  /** Who closed a question that its deadline closed, as the outcome names it. */
  public static final String DEADLINE = "its deadline";

  /**
   * The deadline passed: the question closes on its latest draft, as a facilitator's close would.
   * Its private answer is for nobody and is left out.
   */
  public Decision.Accepted atDeadline(Question question) {
    var closing = close(question, question.latestDraft(), DEADLINE);
    return new Decision.Accepted(closing.writes(),
        closing.effects().stream().filter(e -> !(e instanceof Effect.Private)).toList());
  }

  private Decision.Accepted close(Question question, Optional<Draft> draft, @Nullable String closedBy) {
    var evaluated = policy.evaluate(question, draft, clock.instant(), closedBy);
    long started = System.nanoTime();
    var estimate = draft.flatMap(d -> DraftSupport.estimate(question, d));
    observer.analysed(System.nanoTime() - started);
    var outcome = estimate.map(evaluated::withEstimate).orElse(evaluated);
    var closed = question.closedWith(outcome);
    var effects = new ArrayList<Effect>();
    effects.add(new Effect.Post(new Place.Channel(question.channel()), Cards.outcome(closed, outcome),
        new Target.OutcomeMessage(question.id())));
    effects.add(new Effect.Edit(new Target.QuestionCard(question.id()), Cards.question(closed)));
    for (var each : closed.drafts()) {
      effects.add(new Effect.Edit(new Target.DraftMessage(question.id(), each.version()), Cards.draft(closed, each, false)));
      effects.add(new Effect.Edit(new Target.DraftAnnouncement(question.id(), each.version()), Cards.draft(closed, each, true)));
    }
    effects.add(Effect.Reply.of(question.id() + " is closed: " + outcome.level().label()
        + (outcome.draft() == null ? "" : " on draft " + outcome.draft()) + ". The outcome is posted in the channel; "
        + StandardCommands.EXPORT.on(question.id()) + " gives the full record."));
    return maps.after(new Decision.Accepted(List.of(closed), effects), "The outcome is published");
  }
}
