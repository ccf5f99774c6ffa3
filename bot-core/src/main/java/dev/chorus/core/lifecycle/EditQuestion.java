package dev.chorus.core.lifecycle;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.Command;
import dev.chorus.core.command.DeadlineSpec;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.conversation.MemberWords;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A facilitator changes the question's title, context, outside body or deadline; members are told. */
public final class EditQuestion {
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;

  public EditQuestion(Pseudonyms pseudonyms, Clock clock, Settings settings) {
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
  }

  public Decision decide(Request request, Question question, Command.Edit edit) {
    if (!Facilitators.facilitates(question, request.actor(), pseudonyms)) {
      return Facilitators.onlyFacilitators("change the question", question);
    }
    var usage = StandardCommands.EDIT.usageOn(question.id());
    var limits = settings.limits();
    var title = question.title();
    var context = question.context();
    var forBody = question.forBody();
    Instant deadline = question.deadline();
    if (edit.title().isPresent()) {
      var checked = MemberWords.check(edit.title().get(), limits.title(), "The title", usage);
      if (!(checked instanceof MemberWords.Checked.Words words)) {
        return MemberWords.refusal(checked);
      }
      title = words.text();
    }
    if (edit.context().isPresent()) {
      var checked = MemberWords.check(edit.context().get(), limits.context(), "The context", usage);
      if (!(checked instanceof MemberWords.Checked.Words words)) {
        return MemberWords.refusal(checked);
      }
      context = words.text();
    }
    if (edit.forBody().isPresent()) {
      var checked = MemberWords.check(edit.forBody().get(), limits.forBody(), "The outside body's name", usage);
      if (!(checked instanceof MemberWords.Checked.Words words)) {
        return MemberWords.refusal(checked);
      }
      forBody = words.text();
    }
    if (edit.deadline().isPresent()) {
      if (!question.open() && !(edit.deadline().get() instanceof DeadlineSpec.None)) {
        return Decision.Rejected.because(question.id() + " is closed; a deadline would mean nothing.",
            "reopen it first: " + StandardCommands.REOPEN.on(question.id()));
      }
      var resolved = Deadlines.resolve(edit.deadline().get(), clock, settings, usage);
      if (resolved instanceof Deadlines.Resolved.Refused refused) {
        return refused.rejection();
      }
      deadline = ((Deadlines.Resolved.At) resolved).instant();
    }
    var changes = new ArrayList<Text>();
    if (!title.equals(question.title())) {
      changes.add(Text.builder().plain("title: ").quoted(title).build());
    }
    if (!context.equals(question.context())) {
      changes.add(Text.of("context updated (see the card)"));
    }
    if (!forBody.equals(question.forBody())) {
      changes.add(Text.builder().plain("for: ").quoted(forBody).build());
    }
    if (!Objects.equals(deadline, question.deadline())) {
      changes.add(deadline == null ? Text.of("no deadline any more")
          : Text.builder().plain("deadline: ").moment(deadline).build());
    }
    if (changes.isEmpty()) {
      return Decision.Accepted.saying(Effect.Reply.of("That is what " + question.id() + " already says; nothing changed."));
    }
    var changed = question.withDetails(title, context, forBody, deadline);
    var notice = Card.of(
        new Block.Paragraph(Text.of(question.id() + " was changed by a facilitator:")),
        new Block.Bullets(changes));
    return new Decision.Accepted(List.of(changed), List.of(
        new Effect.Edit(new Target.QuestionCard(question.id()), Cards.question(changed)),
        new Effect.Post(new Place.QuestionThread(question.channel(), question.id()), notice, null),
        Effect.Reply.of(question.id() + " is changed; its card is updated and members are told in the thread.")));
  }
}
