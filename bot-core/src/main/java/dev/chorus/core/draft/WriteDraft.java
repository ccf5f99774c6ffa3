package dev.chorus.core.draft;

import dev.chorus.core.analysis.DraftComposer;
import dev.chorus.core.analysis.Landscape;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.question.Question;
import java.util.Locale;

/**
 * {@code /respond draft} without text: Chorus analyses the views and votes and posts a draft in the
 * members' own words, with its coverage. It names no one, in any question.
 */
public final class WriteDraft {
  private final Pseudonyms pseudonyms;
  private final Settings settings;
  private final PostDraft posting;
  private final Observer observer;

  public WriteDraft(Pseudonyms pseudonyms, Settings settings, PostDraft posting, Observer observer) {
    this.pseudonyms = pseudonyms;
    this.settings = settings;
    this.posting = posting;
    this.observer = observer;
  }

  public Decision decide(Request request, Question question) {
    if (!Facilitators.facilitates(question, request.actor(), pseudonyms)) {
      return Facilitators.onlyFacilitators("ask Chorus for a draft", question);
    }
    var statements = question.activeStatements();
    if (statements.isEmpty()) {
      return Decision.Rejected.because(question.id() + " has no views yet, so there is nothing to write a draft from.",
          "wait for views, or write one yourself: " + StandardCommands.DRAFT_COMMAND.usageWithWordsOn(question.id()));
    }
    long started = System.nanoTime();
    var input = QuestionVotes.of(question);
    var landscape = Landscape.of(input.votes(), input.statements().authorOf());
    var header = String.format(Locale.ROOT, "Draft written by Chorus: %d of %d members shared a view; %d votes cast.",
        question.membersWithView().size(), input.votes().members(), input.recordedVotes());
    var composed = new DraftComposer().compose(input.votes(), landscape, input.statements(), header,
        settings.limits().draft());
    observer.analysed(System.nanoTime() - started);
    var note = String.format(Locale.ROOT, " Coverage: %d%%.", (int) Math.floor(composed.coverage() * 100));
    return posting.posted(question, composed.text(), null, true, note);
  }
}
