package dev.chorus.core.lifecycle;

import dev.chorus.core.command.StandardCommands;
import java.time.Duration;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.Command;
import dev.chorus.core.community.Actor;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.MemberWords;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.Questions;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Opens a question: Chorus posts its card in the channel and its thread hangs off the card. */
public final class OpenQuestion {
  /**
   * An open command repeated this soon, by the same member, in the same channel, with the same title,
   * is the same intention tried again (after an answer that could not say whether it was saved).
   */
  static final Duration SAME_INTENTION = Duration.ofMinutes(10);

  private final Questions questions;
  private final MessageLinks links;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;
  private final RandomGenerator random;

  public OpenQuestion(Questions questions, MessageLinks links, Pseudonyms pseudonyms, Clock clock, Settings settings,
      RandomGenerator random) {
    this.questions = questions;
    this.links = links;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
    this.random = random;
  }

  /** Why the actor may not open a question here, if they may not: where only facilitators open them. */
  public static Optional<Decision.Rejected> refusedOpener(Settings settings, Actor actor) {
    if (settings.openedBy() == Settings.OpenedBy.FACILITATORS && !actor.admin() && !actor.facilitatorRole()) {
      return Optional.of(Decision.Rejected.because("In this community only facilitators open questions.",
          "ask a facilitator to open it"));
    }
    return Optional.empty();
  }

  public Decision decide(Request request, Command.Open open) {
    var actor = request.actor();
    var notAllowed = refusedOpener(settings, actor);
    if (notAllowed.isPresent()) {
      return notAllowed.get();
    }
    var usage = StandardCommands.OPEN.usage();
    var limits = settings.limits();
    var title = MemberWords.check(open.title(), limits.title(), "The title", usage);
    var context = MemberWords.checkOptional(open.context(), limits.context(), "The context", usage);
    var forBody = MemberWords.checkOptional(open.forBody(), limits.forBody(), "The outside body's name", usage);
    if (!(title instanceof MemberWords.Checked.Words titleWords)) {
      return MemberWords.refusal(title);
    }
    if (!(context instanceof MemberWords.Checked.Words contextWords)) {
      return MemberWords.refusal(context);
    }
    if (!(forBody instanceof MemberWords.Checked.Words forBodyWords)) {
      return MemberWords.refusal(forBody);
    }
    var deadline = Deadlines.resolve(open.deadline(), clock, settings, usage);
    if (deadline instanceof Deadlines.Resolved.Refused refused) {
      return refused.rejection();
    }
    var again = sameIntention(request, titleWords.text());
    if (again.isPresent()) {
      return again.get();
    }
    var id = new QuestionId(questions.lastNumber(request.community()) + 1);
    var salt = open.anonymous() ? salt() : "";
    var opener = open.anonymous() ? pseudonyms.pseudonym(salt, actor.id()) : MemberKey.of(actor.id());
    var question = new Question(
        request.community(), id, request.channel(), 0, titleWords.text(), contextWords.text(),
        forBodyWords.text(), ((Deadlines.Resolved.At) deadline).instant(), open.anonymous(), opener,
        open.anonymous() ? null : actor.displayName(), salt, clock.instant(), QuestionStatus.OPEN, List.of(), List.of(),
        List.of());
    return new Decision.Accepted(List.of(question), List.of(
        new Effect.Post(new Place.Channel(request.channel()), Cards.question(question), new Target.QuestionCard(id)),
        Effect.Reply.of(id + " is open. You facilitate it: post a draft with "
            + StandardCommands.DRAFT_COMMAND.usageWithWordsOn(id) + ", change it with " + StandardCommands.EDIT.on(id)
            + ", close it with " + StandardCommands.CLOSE.on(id) + ".")));
  }

  /**
   * The member's question with this title, opened here moments ago, when there is one: their first try
   * went through after all. Nothing new is opened; its card is posted if it never was.
   */
  private Optional<Decision> sameIntention(Request request, String title) {
    var since = clock.instant().minus(SAME_INTENTION);
    for (var q : questions.openInChannel(request.community(), request.channel())) {
      if (q.open() && q.openedAt().isAfter(since) && q.title().strip().equalsIgnoreCase(title.strip())
          && pseudonyms.keyOf(q, request.actor().id()).equals(q.opener())) {
        var effects = new java.util.ArrayList<Effect>();
        if (links.messagesOf(request.community(), new Target.QuestionCard(q.id())).isEmpty()) {
          effects.add(new Effect.Post(new Place.Channel(q.channel()), Cards.question(q), new Target.QuestionCard(q.id())));
        }
        effects.add(Effect.Reply.of(q.id() + " is open: you opened it a moment ago with this title (your earlier try "
            + "went through), so no second question was opened. " + StandardCommands.STATUS.on(q.id()) + " shows it."));
        return Optional.of(new Decision.Accepted(List.of(), effects));
      }
    }
    return Optional.empty();
  }

  private String salt() {
    var bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
