package dev.chorus.core.draft;

import dev.chorus.core.analysis.DraftComposer;
import dev.chorus.core.analysis.Landscape;
import dev.chorus.core.analysis.VoteMatrix;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /respond draft} without text: Chorus analyses the views and votes and posts a draft in the
 * members' own words (DESIGN §5.6), with its coverage. It names no one, in any question.
 */
public final class WriteDraft {
  private final Pseudonyms pseudonyms;
  private final Settings settings;
  private final PostDraft posting;

  public WriteDraft(Pseudonyms pseudonyms, Settings settings, PostDraft posting) {
    this.pseudonyms = pseudonyms;
    this.settings = settings;
    this.posting = posting;
  }

  public Decision decide(Request request, Question question) {
    if (!Facilitators.facilitates(question, request.actor(), pseudonyms.keyOf(question, request.actor().id()))) {
      return Facilitators.onlyFacilitators("ask Chorus for a draft", question);
    }
    var statements = question.activeStatements();
    if (statements.isEmpty()) {
      return Decision.Rejected.because(question.id() + " has no views yet, so there is nothing to write a draft from.",
          "wait for views, or write one yourself: /respond #" + question.id() + " draft <text>");
    }
    var input = Input.of(question, statements);
    var landscape = Landscape.of(input.votes(), input.statements().authorOf());
    var header = String.format(Locale.ROOT, "Draft written by Chorus: %d of %d members shared a view; %d votes cast.",
        question.membersWithView().size(), input.votes().members(), input.recordedVotes());
    var composed = new DraftComposer().compose(input.votes(), landscape, input.statements(), header,
        settings.limits().draft());
    var note = String.format(Locale.ROOT, " Coverage: %d%%.", (int) Math.floor(composed.coverage() * 100));
    return posting.posted(question, composed.text(), null, true, note);
  }

  /** The question as the analysis sees it: members, the statements that count, and the votes on them. */
  record Input(VoteMatrix votes, DraftComposer.Statements statements, int recordedVotes) {

    static Input of(Question question, List<Statement> statements) {
      var members = new HashMap<MemberKey, Integer>();
      for (var member : question.participants()) {
        members.put(member, members.size());
      }
      var builder = VoteMatrix.builder(members.size(), statements.size());
      var authorOf = new int[statements.size()];
      var amendment = new boolean[statements.size()];
      var texts = new ArrayList<String>();
      var labels = new ArrayList<String>();
      var counted = new BitSet();
      int recorded = 0;
      for (int j = 0; j < statements.size(); j++) {
        var statement = statements.get(j);
        texts.add(statement.text());
        labels.add(statement.id().toString());
        amendment[j] = statement.kind() == StatementKind.AMENDMENT;
        int author = index(members, statement.author());
        authorOf[j] = author;
        if (statement.kind() == StatementKind.VIEW) {
          counted.set(author);
        }
        // An author who did not vote on their own words agrees with them (DESIGN §5.1).
        if (!statement.votes().containsKey(statement.author())) {
          builder.add(author, j, 1);
        }
        for (Map.Entry<MemberKey, dev.chorus.core.question.StatementChoice> vote : statement.votes().entrySet()) {
          builder.add(index(members, vote.getKey()), j, vote.getValue().value());
          recorded++;
        }
      }
      var votes = builder.build();
      return new Input(votes, new DraftComposer.Statements(texts, labels, authorOf, amendment, counted), recorded);
    }

    private static int index(Map<MemberKey, Integer> members, MemberKey member) {
      var index = members.get(member);
      if (index == null) {
        throw new IllegalStateException("every author and voter is a participant");
      }
      return index;
    }
  }
}
