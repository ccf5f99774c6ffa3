package dev.chorus.core.export;

import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftBallot;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Statement;
import java.util.LinkedHashMap;

/**
 * A second line of defence for anonymous questions: whatever a use case stored, the export of an
 * anonymous question carries no name. (Pseudonymous keys are left out by each format.)
 */
final class Redaction {
  private Redaction() {}

  static Question forExport(Question q) {
    if (!q.anonymous()) {
      return q;
    }
    var statements = q.statements().stream()
        .map(s -> new Statement(s.id(), s.kind(), s.author(), null, s.text(), s.postedAt(), s.status(), s.replaces(),
            s.replacedBy(), s.hiddenReason(), s.amends(), s.votes()))
        .toList();
    var drafts = q.drafts().stream().map(Redaction::draft).toList();
    var outcomes = q.outcomes().stream()
        .map(o -> new Outcome(o.draft(), o.draftText(), o.level(), o.tally(), o.membersWithView(), o.quorum(),
            o.thresholds(), o.dissent().stream().map(d -> new Outcome.Dissent(d.kind(), null, d.words())).toList(),
            o.closedAt(), null, o.estimate()))
        .toList();
    return new Question(q.community(), q.id(), q.channel(), q.revision(), q.title(), q.context(), q.forBody(),
        q.deadline(), true, q.opener(), null, q.pseudonymSalt(), q.openedAt(), q.status(), statements, drafts, outcomes,
        q.held());
  }

  private static Draft draft(Draft d) {
    var ballots = new LinkedHashMap<MemberKey, DraftBallot>();
    d.ballots().forEach((key, b) -> ballots.put(key, new DraftBallot(b.choice(), b.castAt(), null, b.reason())));
    return new Draft(d.version(), d.text(), null, d.byChorus(), d.postedAt(), ballots);
  }
}
