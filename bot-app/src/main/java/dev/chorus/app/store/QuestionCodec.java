package dev.chorus.app.store;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.export.Json;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftBallot;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.HeldVote;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A question as stored: explicit JSON, field by field, so what is in Redis stays readable and a
 * change to a record cannot silently change the stored form. The revision is stored beside it, and
 * the votes beside that, one hash per statement or draft (format 2), so a vote is recorded without
 * rewriting the question. Format 1 kept the votes inside the JSON; it is still read.
 */
final class QuestionCodec {
  static final int FORMAT = 2;
  private static final int FORMAT_WITH_VOTES_INSIDE = 1;

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
    if (!q.held().isEmpty()) {
      var held = new ArrayList<Object>();
      for (var h : q.held()) {
        var m = new LinkedHashMap<String, Object>();
        m.put("item", h.item());
        m.put("choice", h.choice());
        var others = new LinkedHashMap<String, Object>();
        h.othersAtForget().forEach((member, choice) -> others.put(member.value(), choice));
        m.put("others", others);
        held.add(m);
      }
      map.put("held", held);
    }
    return Json.compact(map);
  }

  /** The hash of votes of a statement, beside its question. */
  static String item(StatementId statement) {
    return HeldVote.item(statement);
  }

  /** The hash of ballots of a draft, beside its question. */
  static String item(DraftVersion draft) {
    return HeldVote.item(draft);
  }

  /**
   * Every vote of the question, per item, as the values stored in the items' hashes: an order
   * ({@link #order}, so reads keep the order votes were cast in), a tab, and the vote itself.
   *
   * @param revision the revision the question is stored at with these votes
   */
  static Map<String, Map<String, String>> votes(Question q, long revision) {
    var items = new LinkedHashMap<String, Map<String, String>>();
    for (var s : q.statements()) {
      var fields = new LinkedHashMap<String, String>();
      s.votes().forEach((member, choice) -> fields.put(member.value(), stored(revision, fields.size(), vote(choice))));
      items.put(item(s.id()), fields);
    }
    for (var d : q.drafts()) {
      var fields = new LinkedHashMap<String, String>();
      d.ballots().forEach((member, ballot) -> fields.put(member.value(), stored(revision, fields.size(), ballot(ballot))));
      items.put(item(d.version()), fields);
    }
    return items;
  }

  private static String stored(long revision, int position, String vote) {
    return order(revision, position) + "\t" + vote;
  }

  /**
   * Where a vote stands among the others: the revision that recorded it, then its position among
   * those written together. The vote script writes {@code revision × 10⁶} for the single vote it records.
   */
  static long order(long revision, int position) {
    return revision * 1_000_000L + position;
  }

  /** A statement vote as stored; compared as a string by the store, so one choice has one form. */
  static String vote(@Nullable StatementChoice choice) {
    return choice == null ? "" : choice.name();
  }

  /** A draft ballot as stored; compared as a string by the store, so one ballot has one form. */
  static String ballot(@Nullable DraftBallot b) {
    if (b == null) {
      return "";
    }
    var ballot = new LinkedHashMap<String, Object>();
    ballot.put("choice", b.choice().name());
    ballot.put("castAt", time(b.castAt()));
    ballot.put("voterName", b.voterName());
    ballot.put("reason", b.reason());
    return Json.compact(ballot);
  }

  @SuppressWarnings("unchecked")
  private static DraftBallot ballot(@Nullable Object value) {
    var b = JsonFields.object(value);
    return new DraftBallot(DraftChoice.valueOf(JsonFields.string(b, "choice")), instant(b.get("castAt")),
        (String) b.get("voterName"), (String) b.get("reason"));
  }

  /** The votes of one statement, in the order they were cast, from its hash's field/value pairs. */
  static Map<MemberKey, StatementChoice> statementVotes(List<?> fieldsAndValues) {
    var votes = new LinkedHashMap<MemberKey, StatementChoice>();
    for (var stored : inCastOrder(fieldsAndValues)) {
      votes.put(new MemberKey(stored.member()), statementChoice(stored.value(), stored.vote()));
    }
    return votes;
  }

  /**
   * An item's counts hash, from its field/value pairs (numbers as text, or as numbers when just
   * counted): choice name to members, and {@code author} (1 when the statement's author voted).
   */
  static Map<String, Integer> counts(List<?> fieldsAndValues) {
    var counts = new HashMap<String, Integer>();
    for (int i = 0; i + 1 < fieldsAndValues.size(); i += 2) {
      counts.put(String.valueOf(fieldsAndValues.get(i)), Integer.parseInt(String.valueOf(fieldsAndValues.get(i + 1))));
    }
    return counts;
  }

  /** A statement's tally from its counts; its author agrees with their own words unless they voted. */
  static Statement.StatementTally statementTally(Map<String, Integer> counts) {
    boolean authorVoted = counts.getOrDefault("author", 0) > 0;
    return new Statement.StatementTally(counts.getOrDefault(StatementChoice.AGREE.name(), 0) + (authorVoted ? 0 : 1),
        counts.getOrDefault(StatementChoice.DISAGREE.name(), 0), counts.getOrDefault(StatementChoice.PASS.name(), 0));
  }

  static Draft.DraftTally draftTally(Map<String, Integer> counts) {
    return new Draft.DraftTally(counts.getOrDefault(DraftChoice.AGREE.name(), 0),
        counts.getOrDefault(DraftChoice.ABSTAIN.name(), 0), counts.getOrDefault(DraftChoice.DISAGREE.name(), 0),
        counts.getOrDefault(DraftChoice.BLOCK.name(), 0));
  }

  /** The ballots of one draft, in the order they were cast, from its hash's field/value pairs. */
  static Map<MemberKey, DraftBallot> draftBallots(List<?> fieldsAndValues) {
    var ballots = new LinkedHashMap<MemberKey, DraftBallot>();
    for (var stored : inCastOrder(fieldsAndValues)) {
      ballots.put(new MemberKey(stored.member()), ballot(JsonReader.read(stored.value().substring(stored.vote()))));
    }
    return ballots;
  }

  // Read for every vote recorded, so without a substring or an enum lookup by name.
  private static StatementChoice statementChoice(String value, int at) {
    return switch (value.charAt(at)) {
      case 'A' -> StatementChoice.AGREE;
      case 'D' -> StatementChoice.DISAGREE;
      case 'P' -> StatementChoice.PASS;
      default -> throw new IllegalStateException("a stored vote is not one this version knows");
    };
  }

  /** A stored vote: who, its order, the stored value and where the vote itself starts in it. */
  private record Stored(String member, long order, String value, int vote) {}

  private static List<Stored> inCastOrder(List<?> fieldsAndValues) {
    var stored = new ArrayList<Stored>(fieldsAndValues.size() / 2);
    boolean sorted = true;
    for (int i = 0; i + 1 < fieldsAndValues.size(); i += 2) {
      var value = (String) fieldsAndValues.get(i + 1);
      int tab = value.indexOf('\t');
      var one = new Stored((String) fieldsAndValues.get(i), Long.parseLong(value, 0, tab, 10), value, tab + 1);
      sorted &= stored.isEmpty() || stored.get(stored.size() - 1).order() <= one.order();
      stored.add(one);
    }
    if (!sorted) {
      stored.sort(Comparator.comparingLong(Stored::order));
    }
    return stored;
  }

  /**
   * The question from its JSON and its items' hashes.
   *
   * @param items per item name ({@link #item}), the field/value pairs of its hash
   */
  static Question read(String json, long revision, Map<String, List<?>> items) {
    var q = read(json, revision);
    var statements = new ArrayList<Statement>();
    for (var s : q.statements()) {
      var votes = items.get(item(s.id()));
      statements.add(votes == null ? s : s.withVotes(statementVotes(votes)));
    }
    var drafts = new ArrayList<Draft>();
    for (var d : q.drafts()) {
      var ballots = items.get(item(d.version()));
      drafts.add(ballots == null ? d : d.withBallots(draftBallots(ballots)));
    }
    return q.withStatements(statements).withDrafts(drafts);
  }

  @SuppressWarnings("unchecked")
  static Question read(String json, long revision) {
    var map = (Map<String, Object>) JsonReader.read(json);
    if (map == null || !formatKnown(JsonFields.number(map, "format").intValue())) {
      throw new IllegalStateException("a stored question has a format this version cannot read");
    }
    var statements = new ArrayList<Statement>();
    for (var item : JsonFields.list(map, "statements")) {
      var m = (Map<String, Object>) item;
      var votes = new LinkedHashMap<MemberKey, StatementChoice>();
      if (m.get("votes") != null) {
        ((Map<String, Object>) m.get("votes")).forEach((member, choice) ->
            votes.put(new MemberKey(member), StatementChoice.valueOf((String) choice)));
      }
      statements.add(new Statement(
          new StatementId(integer(m, "id")), StatementKind.valueOf(JsonFields.string(m, "kind")),
          new MemberKey(JsonFields.string(m, "author")), (String) m.get("authorName"), JsonFields.string(m, "text"),
          instant(m.get("postedAt")), StatementStatus.valueOf(JsonFields.string(m, "status")),
          m.get("replaces") == null ? null : new StatementId(integer(m, "replaces")),
          m.get("replacedBy") == null ? null : new StatementId(integer(m, "replacedBy")),
          (String) m.get("hiddenReason"),
          m.get("amends") == null ? null : new DraftVersion(integer(m, "amends")), votes));
    }
    var drafts = new ArrayList<Draft>();
    for (var item : JsonFields.list(map, "drafts")) {
      var m = (Map<String, Object>) item;
      var ballots = new LinkedHashMap<MemberKey, DraftBallot>();
      if (m.get("ballots") != null) {
        ((Map<String, Object>) m.get("ballots")).forEach((member, value) -> ballots.put(new MemberKey(member), ballot(value)));
      }
      drafts.add(new Draft(new DraftVersion(integer(m, "version")), JsonFields.string(m, "text"), (String) m.get("writtenBy"),
          JsonFields.bool(m, "byChorus"), instant(m.get("postedAt")), ballots));
    }
    var outcomes = new ArrayList<Outcome>();
    for (var item : JsonFields.list(map, "outcomes")) {
      var m = (Map<String, Object>) item;
      var tally = JsonFields.list(m, "tally");
      var thresholds = JsonFields.list(m, "thresholds");
      var dissent = new ArrayList<Outcome.Dissent>();
      for (var entry : JsonFields.list(m, "dissent")) {
        var d = (Map<String, Object>) entry;
        dissent.add(new Outcome.Dissent(Outcome.Dissent.Kind.valueOf(JsonFields.string(d, "kind")), (String) d.get("who"),
            JsonFields.string(d, "words")));
      }
      Outcome.SupportEstimate estimate = null;
      if (m.get("estimate") != null) {
        var e = (Map<String, Object>) m.get("estimate");
        var perGroup = JsonFields.list(e, "perGroup").stream()
            .map(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toList();
        estimate = new Outcome.SupportEstimate(perGroup, JsonFields.number(e, "whole").doubleValue());
      }
      outcomes.add(new Outcome(m.get("draft") == null ? null : new DraftVersion(integer(m, "draft")),
          JsonFields.string(m, "draftText"), SupportLevel.valueOf(JsonFields.string(m, "level")),
          new Draft.DraftTally(number(tally, 0), number(tally, 1), number(tally, 2), number(tally, 3)),
          integer(m, "membersWithView"), integer(m, "quorum"),
          new Outcome.Thresholds(((Number) thresholds.get(0)).doubleValue(), ((Number) thresholds.get(1)).doubleValue()),
          dissent, instant(m.get("closedAt")), (String) m.get("closedBy"), estimate));
    }
    return new Question(new CommunityId(JsonFields.string(map, "community")), new QuestionId(integer(map, "id")),
        new ChannelId(JsonFields.string(map, "channel")), revision, JsonFields.string(map, "title"), JsonFields.string(map, "context"),
        JsonFields.string(map, "for"), map.get("deadline") == null ? null : instant(map.get("deadline")),
        JsonFields.bool(map, "anonymous"), new MemberKey(JsonFields.string(map, "opener")), (String) map.get("openerName"),
        JsonFields.string(map, "salt"), instant(map.get("openedAt")), QuestionStatus.valueOf(JsonFields.string(map, "status")),
        statements, drafts, outcomes, held(map.get("held")));
  }

  @SuppressWarnings("unchecked")
  private static List<HeldVote> held(@Nullable Object stored) {
    var held = new ArrayList<HeldVote>();
    if (stored != null) {
      for (var item : (List<Object>) stored) {
        var m = (Map<String, Object>) item;
        var others = new LinkedHashMap<MemberKey, String>();
        JsonFields.object(m, "others").forEach((member, choice) -> others.put(new MemberKey(member), (String) choice));
        held.add(new HeldVote(JsonFields.string(m, "item"), JsonFields.string(m, "choice"), others));
      }
    }
    return held;
  }

  private static boolean formatKnown(int format) {
    return format == FORMAT || format == FORMAT_WITH_VOTES_INSIDE;
  }

  static @Nullable String time(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }

  static Instant instant(@Nullable Object value) {
    return Instant.parse((String) value);
  }

  static @Nullable Instant instantOrNull(@Nullable Object value) {
    return value == null ? null : instant(value);
  }

  private static int integer(Map<String, Object> map, String key) {
    return JsonFields.number(map, key).intValue();
  }

  static int number(List<Object> list, int index) {
    return ((Number) list.get(index)).intValue();
  }
}
