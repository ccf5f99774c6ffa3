package dev.chorus.core.export;

import dev.chorus.core.question.Draft;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The question as plain data, the one place that decides what an export may contain: in anonymous
 * questions no author, voter, member id or pseudonym, only counts and words.
 */
final class Record {
  private Record() {}

  static Map<String, Object> of(Question q) {
    var out = new LinkedHashMap<String, Object>();
    var question = new LinkedHashMap<String, Object>();
    question.put("id", q.id().toString());
    question.put("title", q.title());
    question.put("context", q.context());
    question.put("for", q.forBody());
    question.put("channel", q.channel().value());
    question.put("anonymous", q.anonymous());
    question.put("status", q.open() ? "open" : "closed");
    question.put("openedAt", time(q.openedAt()));
    question.put("openedBy", q.openerName());
    question.put("deadline", q.deadline() == null ? null : time(q.deadline()));
    question.put("membersWithView", q.membersWithView().size());
    question.put("participants", q.participants().size());
    out.put("question", question);
    var statements = new ArrayList<Object>();
    for (var s : q.statements()) {
      statements.add(statement(q, s));
    }
    out.put("statements", statements);
    var drafts = new ArrayList<Object>();
    for (var d : q.drafts()) {
      drafts.add(draft(q, d));
    }
    out.put("drafts", drafts);
    var outcomes = new ArrayList<Object>();
    for (var o : q.outcomes()) {
      outcomes.add(outcome(o));
    }
    out.put("outcomes", outcomes);
    return out;
  }

  static Map<String, Object> statement(Question q, Statement s) {
    var map = new LinkedHashMap<String, Object>();
    map.put("id", s.id().toString());
    map.put("kind", s.kind().label());
    map.put("author", s.authorName());
    map.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
    map.put("text", s.text());
    map.put("postedAt", time(s.postedAt()));
    map.put("replaces", s.replaces() == null ? null : s.replaces().toString());
    map.put("replacedBy", s.replacedBy() == null ? null : s.replacedBy().toString());
    map.put("hiddenReason", s.hiddenReason());
    map.put("amends", s.amends() == null ? null : s.amends().toString());
    var tally = q.shownTally(s);
    map.put("agree", tally.agree());
    map.put("disagree", tally.disagree());
    map.put("pass", tally.pass());
    if (!q.anonymous()) {
      var votes = new ArrayList<Object>();
      s.votes().forEach((member, choice) -> votes.add(Map.of("member", member.value(), "choice", choice.word())));
      map.put("votes", votes);
    }
    return map;
  }

  static Map<String, Object> draft(Question q, Draft d) {
    var map = new LinkedHashMap<String, Object>();
    map.put("version", d.version().toString());
    map.put("text", d.text());
    map.put("writtenBy", d.byChorus() ? "Chorus" : d.writtenBy());
    map.put("postedAt", time(d.postedAt()));
    map.put("tally", tally(q.shownTally(d)));
    var ballots = new ArrayList<Object>();
    d.ballots().forEach((member, ballot) -> {
      var entry = new LinkedHashMap<String, Object>();
      if (!q.anonymous()) {
        entry.put("member", member.value());
        entry.put("name", ballot.voterName());
        entry.put("choice", ballot.choice().word());
      }
      if (ballot.reason() != null) {
        entry.put("blockReason", ballot.reason());
      }
      if (!entry.isEmpty()) {
        ballots.add(entry);
      }
    });
    map.put(q.anonymous() ? "blockReasons" : "ballots", ballots);
    return map;
  }

  static Map<String, Object> outcome(Outcome o) {
    var map = new LinkedHashMap<String, Object>();
    map.put("draft", o.draft() == null ? null : o.draft().toString());
    map.put("level", o.level().label());
    map.put("tally", tally(o.tally()));
    map.put("membersWithView", o.membersWithView());
    map.put("quorum", o.quorum());
    map.put("quorumMet", o.quorumMet());
    map.put("broadSupportThreshold", o.thresholds().broadSupport());
    map.put("majorityThreshold", o.thresholds().majority());
    map.put("closedAt", time(o.closedAt()));
    map.put("closedBy", o.closedBy());
    if (o.estimate() != null) {
      var estimate = new LinkedHashMap<String, Object>();
      estimate.put("whole", o.estimate().whole());
      estimate.put("perGroup", o.estimate().perGroup().stream().map(v -> v.isNaN() ? null : v).toList());
      map.put("groupWeightedSupport", estimate);
    }
    var dissent = new ArrayList<Object>();
    for (var d : o.dissent()) {
      var entry = new LinkedHashMap<String, Object>();
      entry.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
      entry.put("who", d.who());
      entry.put("words", d.words());
      dissent.add(entry);
    }
    map.put("dissent", dissent);
    return map;
  }

  static Map<String, Object> tally(Draft.DraftTally t) {
    var map = new LinkedHashMap<String, Object>();
    map.put("agree", t.agree());
    map.put("abstain", t.abstain());
    map.put("disagree", t.disagree());
    map.put("block", t.block());
    return map;
  }

  static String time(Instant at) {
    return at.toString();
  }
}
