package dev.chorus.core.draft;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.conversation.MemberWords;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.Question;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A facilitator posts a hand-written draft: in the thread and announced in the channel, both taking
 * votes. Earlier drafts keep their votes and say that a newer one exists.
 */
public final class PostDraft {
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;

  public PostDraft(Pseudonyms pseudonyms, Clock clock, Settings settings) {
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
  }

  public Decision decide(Request request, Question question, String rawText) {
    if (!Facilitators.facilitates(question, request.actor(), pseudonyms)) {
      return Facilitators.onlyFacilitators("post a draft", question);
    }
    var usage = StandardCommands.DRAFT_COMMAND.on(question.id(), "<the text of the joint response>");
    var checked = MemberWords.check(rawText, settings.limits().draft(), "The draft", usage);
    var text = MemberWords.words(checked);
    if (text == null) {
      return MemberWords.refusal(checked);
    }
    return posted(question, text, question.anonymous() ? null : request.actor().displayName(), false, "");
  }

  /** A new draft version in the thread and announced in the channel; earlier drafts say a newer one exists. */
  Decision posted(Question question, String text, @Nullable String writtenBy, boolean byChorus, String note) {
    var capped = settings.caps().anotherDraft(question, text.length());
    if (capped.isPresent()) {
      return capped.get();
    }
    var version = question.nextDraftVersion();
    var draft = new Draft(version, text, writtenBy, byChorus, clock.instant(), Map.of());
    var changed = question.withDraft(draft);
    var effects = new ArrayList<Effect>();
    effects.add(new Effect.Post(new Place.QuestionThread(question.channel(), question.id()),
        Cards.draft(changed, draft, false), new Target.DraftMessage(question.id(), version)));
    effects.add(new Effect.Post(new Place.Channel(question.channel()), Cards.draft(changed, draft, true),
        new Target.DraftAnnouncement(question.id(), version)));
    // Only the draft that was the latest changes ("a newer draft is the one to vote on"); older ones said so already.
    question.latestDraft().ifPresent(earlier -> {
      effects.add(new Effect.Edit(new Target.DraftMessage(question.id(), earlier.version()), Cards.draft(changed, earlier, false)));
      effects.add(new Effect.Edit(new Target.DraftAnnouncement(question.id(), earlier.version()), Cards.draft(changed, earlier, true)));
    });
    effects.add(Effect.Reply.of("Draft " + version + " is posted in " + question.id() + "'s thread and announced in "
        + "the channel; members vote on it with reactions or "
        + StandardCommands.VOTE.on(question.id(), version, DraftChoice.AGREE.word()) + "."
        + note));
    return new Decision.Accepted(List.of(changed), effects);
  }
}
