package dev.chorus.app.store;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.export.Json;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftBallot;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.StatementKind;
import dev.chorus.core.question.StatementStatus;
import dev.chorus.core.question.SupportLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A question as stored: explicit JSON, field by field, so what is in Redis stays readable and a
 * change to a record cannot silently change the stored form. The revision is stored beside it.
 */
final class QuestionCodec {
  static final int FORMAT = 1;

  private QuestionCodec() {}

  static String write(Question q) {
    var map = new LinkedHashMap<String, Object>();
    map.put("format", FORMAT);
    map.put("community", q.community().value());
    map.put("id", q.id().number());
    map.put("channel", q.channel().value());
    map.put("title", q.title());
    map.put("context", q.context());
    map.put("for", q.forBody());
    map.put("deadline", time(q.deadline()));
    map.put("anonymous", q.anonymous());
    map.put("opener", q.opener().value());
    map.put("openerName", q.openerName());
    map.put("salt", q.pseudonymSalt());
    map.put("openedAt", time(q.openedAt()));
    map.put("status", q.status().name());
    var statements = new ArrayList<Object>();
    for (var s : q.statements()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("id", s.id().number());
      m.put("kind", s.kind().name());
      m.put("author", s.author().value());
      m.put("authorName", s.authorName());
      m.put("text", s.text());
      m.put("postedAt", time(s.postedAt()));
      m.put("status", s.status().name());
      m.put("replaces", s.replaces() == null ? null : s.replaces().number());
      m.put("replacedBy", s.replacedBy() == null ? null : s.replacedBy().number());
      m.put("hiddenReason", s.hiddenReason());
      m.put("amends", s.amends() == null ? null : s.amends().number());
      var votes = new LinkedHashMap<String, Object>();
      s.votes().forEach((member, choice) -> votes.put(member.value(), choice.name()));
      m.put("votes", votes);
      statements.add(m);
    }
    map.put("statements", statements);
    var drafts = new ArrayList<Object>();
    for (var d : q.drafts()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("version", d.version().number());
      m.put("text", d.text());
      m.put("writtenBy", d.writtenBy());
      m.put("byChorus", d.byChorus());
      m.put("postedAt", time(d.postedAt()));
      var ballots = new LinkedHashMap<String, Object>();
      d.ballots().forEach((member, b) -> {
        var ballot = new LinkedHashMap<String, Object>();
        ballot.put("choice", b.choice().name());
        ballot.put("castAt", time(b.castAt()));
        ballot.put("voterName", b.voterName());
        ballot.put("reason", b.reason());
        ballots.put(member.value(), ballot);
      });
      m.put("ballots", ballots);
      drafts.add(m);
    }
    map.put("drafts", drafts);
    var outcomes = new ArrayList<Object>();
    for (var o : q.outcomes()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("draft", o.draft() == null ? null : o.draft().number());
      m.put("draftText", o.draftText());
      m.put("level", o.level().name());
      m.put("tally", List.of(o.tally().agree(), o.tally().abstain(), o.tally().disagree(), o.tally().block()));
      m.put("membersWithView", o.membersWithView());
      m.put("quorum", o.quorum());
      m.put("thresholds", List.of(o.thresholds().broadSupport(), o.thresholds().majority()));
      var dissent = new ArrayList<Object>();
      for (var d : o.dissent()) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("kind", d.kind().name());
        entry.put("who", d.who());
        entry.put("words", d.words());
        dissent.add(entry);
      }
      m.put("dissent", dissent);
      m.put("closedAt", time(o.closedAt()));
      m.put("closedBy", o.closedBy());
      if (o.estimate() != null) {
        var estimate = new LinkedHashMap<String, Object>();
        estimate.put("whole", o.estimate().whole());
        estimate.put("perGroup", o.estimate().perGroup().stream().map(v -> v.isNaN() ? null : (Object) v).toList());
        m.put("estimate", estimate);
      }
      outcomes.add(m);
    }
    map.put("outcomes", outcomes);
    return Json.compact(map);
  }

  @SuppressWarnings("unchecked")
  static Question read(String json, long revision) {
    var map = (Map<String, Object>) JsonReader.read(json);
    if (map == null || ((Number) map.get("format")).intValue() != FORMAT) {
      throw new IllegalStateException("a stored question has a format this version cannot read");
    }
    var statements = new ArrayList<Statement>();
    for (var item : (List<Object>) map.get("statements")) {
      var m = (Map<String, Object>) item;
      var votes = new LinkedHashMap<MemberKey, StatementChoice>();
      ((Map<String, Object>) m.get("votes")).forEach((member, choice) ->
          votes.put(new MemberKey(member), StatementChoice.valueOf((String) choice)));
      statements.add(new Statement(
          new StatementId(integer(m, "id")), StatementKind.valueOf((String) m.get("kind")),
          new MemberKey((String) m.get("author")), (String) m.get("authorName"), (String) m.get("text"),
          instant(m.get("postedAt")), StatementStatus.valueOf((String) m.get("status")),
          m.get("replaces") == null ? null : new StatementId(integer(m, "replaces")),
          m.get("replacedBy") == null ? null : new StatementId(integer(m, "replacedBy")),
          (String) m.get("hiddenReason"),
          m.get("amends") == null ? null : new DraftVersion(integer(m, "amends")), votes));
    }
    var drafts = new ArrayList<Draft>();
    for (var item : (List<Object>) map.get("drafts")) {
      var m = (Map<String, Object>) item;
      var ballots = new LinkedHashMap<MemberKey, DraftBallot>();
      ((Map<String, Object>) m.get("ballots")).forEach((member, value) -> {
        var b = (Map<String, Object>) value;
        ballots.put(new MemberKey(member), new DraftBallot(DraftChoice.valueOf((String) b.get("choice")),
            instant(b.get("castAt")), (String) b.get("voterName"), (String) b.get("reason")));
      });
      drafts.add(new Draft(new DraftVersion(integer(m, "version")), (String) m.get("text"), (String) m.get("writtenBy"),
          (Boolean) m.get("byChorus"), instant(m.get("postedAt")), ballots));
    }
    var outcomes = new ArrayList<Outcome>();
    for (var item : (List<Object>) map.get("outcomes")) {
      var m = (Map<String, Object>) item;
      var tally = (List<Object>) m.get("tally");
      var thresholds = (List<Object>) m.get("thresholds");
      var dissent = new ArrayList<Outcome.Dissent>();
      for (var entry : (List<Object>) m.get("dissent")) {
        var d = (Map<String, Object>) entry;
        dissent.add(new Outcome.Dissent(Outcome.Dissent.Kind.valueOf((String) d.get("kind")), (String) d.get("who"),
            (String) d.get("words")));
      }
      Outcome.SupportEstimate estimate = null;
      if (m.get("estimate") != null) {
        var e = (Map<String, Object>) m.get("estimate");
        var perGroup = ((List<Object>) e.get("perGroup")).stream()
            .map(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toList();
        estimate = new Outcome.SupportEstimate(perGroup, ((Number) e.get("whole")).doubleValue());
      }
      outcomes.add(new Outcome(m.get("draft") == null ? null : new DraftVersion(integer(m, "draft")),
          (String) m.get("draftText"), SupportLevel.valueOf((String) m.get("level")),
          new Draft.DraftTally(number(tally, 0), number(tally, 1), number(tally, 2), number(tally, 3)),
          integer(m, "membersWithView"), integer(m, "quorum"),
          new Outcome.Thresholds(((Number) thresholds.get(0)).doubleValue(), ((Number) thresholds.get(1)).doubleValue()),
          dissent, instant(m.get("closedAt")), (String) m.get("closedBy"), estimate));
    }
    return new Question(new CommunityId((String) map.get("community")), new QuestionId(integer(map, "id")),
        new ChannelId((String) map.get("channel")), revision, (String) map.get("title"), (String) map.get("context"),
        (String) map.get("for"), map.get("deadline") == null ? null : instant(map.get("deadline")),
        (Boolean) map.get("anonymous"), new MemberKey((String) map.get("opener")), (String) map.get("openerName"),
        (String) map.get("salt"), instant(map.get("openedAt")), QuestionStatus.valueOf((String) map.get("status")),
        statements, drafts, outcomes);
  }

  private static @Nullable String time(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(@Nullable Object value) {
    return Instant.parse((String) value);
  }

  private static int integer(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).intValue();
  }

  private static int number(List<Object> list, int index) {
    return ((Number) list.get(index)).intValue();
  }
}
