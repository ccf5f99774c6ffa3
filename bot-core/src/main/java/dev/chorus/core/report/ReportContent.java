package dev.chorus.core.report;

import dev.chorus.core.analysis.DraftComposer;
import dev.chorus.core.analysis.Landscape;
import dev.chorus.core.analysis.StatementFigures;
import dev.chorus.core.community.MemberText;
import dev.chorus.core.draft.QuestionVotes;
import dev.chorus.core.polis.PolisExport;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.OutcomePolicy;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementKind;
import dev.chorus.core.question.StatementStatus;
import dev.chorus.core.question.SupportLevel;
import dev.chorus.core.report.Report.AmendmentEntry;
import dev.chorus.core.report.Report.DraftEntry;
import dev.chorus.core.report.Report.Moment;
import dev.chorus.core.report.Report.Objection;
import dev.chorus.core.report.Report.Quoted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Report}: from a question, as members or the public may see it, or from a Polis
 * conversation. Every name passes through one place ({@link #name}), which the audience decides.
 */
public final class ReportContent {
  /** Groups with fewer members are counted but not drawn: a dot in a group of one or two could point to a person. */
  public static final int MINIMUM_GROUP_SIZE = 3;

  private static final String LANGUAGE = "en";
  private static final String A_MEMBER = "a member";

  private ReportContent() {}

  /** Who will read the report. */
  public enum Audience {
    /** A member's export: names as in every export of the question (none in an anonymous one). */
    MEMBERS,
    /** A shared page anyone with the link can read: no member is named, in any question. */
    PUBLIC
  }

  /**
   * The report of one question as it stands.
   *
   * @param question as stored; an anonymous one is read without names whatever it holds
   * @param draftLimit the longest draft Chorus writes, for the coverage it would reach now
   */
  public static Report of(Question question, Audience audience, int draftLimit, Instant now) {
    return of(question, audience, draftLimit, now, true);
  }

  /**
   * The report as the opinion map needs it: no member named, and without the coverage of a draft
   * Chorus would write, which the map never shows and which costs a whole composition.
   */
  public static Report forMap(Question question, Instant now) {
    return of(question, Audience.PUBLIC, 0, now, false);
  }

  /** How many members voted on a view, an amendment or a draft. */
  public static int voters(Question question) {
    var voted = new HashSet<MemberKey>();
    for (var statement : question.statements()) {
      voted.addAll(statement.votes().keySet());
    }
    for (var draft : question.drafts()) {
      voted.addAll(draft.ballots().keySet());
    }
    return voted.size();
  }

  private static Report of(Question question, Audience audience, int draftLimit, Instant now, boolean coverage) {
    var names = audience == Audience.MEMBERS && !question.anonymous();
    var input = QuestionVotes.of(question);
    var landscape = Landscape.of(input.votes(), input.statements().authorOf());
    var active = question.activeStatements();
    IntFunction<Quoted> quote = j -> quoted(question, active.get(j), names);

    var outcome = question.open() ? Optional.<Outcome>empty() : question.latestOutcome();
    // The rule is explained with the thresholds the outcome was decided with, whatever they are now.
    var result = outcome.map(o -> new Report.Result(o.level().label(),
        o.draft() == null ? "No consensus: the question closed without a draft to decide on."
            : new OutcomePolicy(o.thresholds()).explain(o.tally(), o.membersWithView()),
        tally(o.tally()), o.draft() == null ? "" : o.draft().toString(), o.draftText(), o.membersWithView(), o.quorum(),
        o.closedAt(), names ? o.closedBy() : null));

    var blocks = new ArrayList<Objection>();
    var disagreements = new ArrayList<Objection>();
    outcome.ifPresent(o -> o.dissent().forEach(d -> {
      var who = name(d.who(), names);
      switch (d.kind()) {
        case BLOCK -> blocks.add(new Objection(who, d.words().isEmpty() ? "(no reason given)" : d.words()));
        case DISAGREE, MINORITY_VIEW -> disagreements.add(new Objection(who, d.words()));
      }
    }));
    // An anonymous question records disagreements as counts only: they are told, not quoted.
    int unquoted = outcome.map(o -> Math.max(0, o.tally().disagree() - disagreements.size())).orElse(0);
    var dissent = new Report.Dissent(blocks, disagreements, unquoted,
        landscape.minority().stream().map(quote::apply).toList());

    var composed = active.isEmpty() || !coverage ? null
        : new DraftComposer().compose(input.votes(), landscape, input.statements(), "", draftLimit);
    var subject = new Report.Subject(question.title(), question.context(), question.forBody(),
        "Question " + question.id(), question.open() ? "open" : "closed", question.anonymous());
    return new Report(LANGUAGE, subject, timeline(question, names), result, dissent, drafts(question, names),
        amendments(question, names, audience), participation(question),
        landscape(landscape, input.votes().members(), quote, composed, "the members who shared a view"), now);
  }

  /** The report of a Polis conversation: its opinion landscape, with no outcome, drafts or names. */
  public static Report of(PolisExport export, String name, int draftLimit, Instant now) {
    name = MemberText.name(name);
    var votes = export.votes();
    // Polis's words come as they were typed; they are cleaned as a member's would be in Chorus.
    var statements = export.draftStatements(export.texts().stream().map(MemberText::clean).toList());
    var texts = statements.texts();
    var landscape = Landscape.of(votes, statements.authorOf());
    var figures = landscape.figures();
    IntFunction<Quoted> quote = j -> new Quoted("#" + export.statementIds().get(j), texts.get(j),
        figures.agree(figures.everyone(), j), figures.disagree(figures.everyone(), j),
        figures.pass(figures.everyone(), j), null);
    var composed = votes.statements() == 0 ? null
        : new DraftComposer().compose(votes, landscape, statements, "", draftLimit);
    var voted = 0;
    for (int i = 0; i < votes.members(); i++) {
      if (votes.votesOf(i) > 0) {
        voted++;
      }
    }
    var subject = new Report.Subject(name, "", "", "Polis conversation " + name, "", false);
    return new Report(LANGUAGE, subject, List.of(), Optional.empty(),
        new Report.Dissent(List.of(), List.of(), 0, landscape.minority().stream().map(quote::apply).toList()), List.of(),
        List.of(), new Report.Participation("the participants of the Polis conversation", votes.members(), 0, voted),
        landscape(landscape, votes.members(), quote, composed, statements.countedAre()), now);
  }

  private static String name(@Nullable String name, boolean names) {
    return names && name != null && !name.isBlank() ? name : A_MEMBER;
  }

  private static Quoted quoted(Question question, Statement statement, boolean names) {
    var tally = question.shownTally(statement);
    return new Quoted(statement.id().toString(), statement.text(), tally.agree(), tally.disagree(), tally.pass(),
        names ? statement.authorName() : null);
  }

  private static Report.Tally tally(Draft.DraftTally tally) {
    return new Report.Tally(tally.agree(), tally.abstain(), tally.disagree(), tally.block());
  }

  private static List<Moment> timeline(Question question, boolean names) {
    var moments = new ArrayList<Moment>();
    var opener = names ? question.openerName() : null;
    moments.add(new Moment(question.openedAt(), question.id() + " opened" + (opener == null ? "" : " by " + opener)));
    for (var statement : question.statements()) {
      if (statement.kind() == StatementKind.AMENDMENT && statement.status() != StatementStatus.WITHDRAWN) {
        moments.add(new Moment(statement.postedAt(), "Amendment " + statement.id() + " proposed to "
            + statement.amends()));
      }
    }
    for (var draft : question.drafts()) {
      moments.add(new Moment(draft.postedAt(), "Draft " + draft.version() + " posted by " + writer(draft, names)));
    }
    for (var outcome : question.outcomes()) {
      moments.add(new Moment(outcome.closedAt(), "Closed"
          + (outcome.draft() == null ? " without a draft" : " on " + outcome.draft()) + ": " + outcome.level().label()));
    }
    if (question.deadline() != null && question.open()) {
      moments.add(new Moment(question.deadline(), "Deadline"));
    }
    moments.sort(Comparator.comparing(Moment::at));
    return moments;
  }

  private static String writer(Draft draft, boolean names) {
    if (draft.byChorus()) {
      return "Chorus";
    }
    return names && draft.writtenBy() != null ? draft.writtenBy() : "a facilitator";
  }

  private static List<DraftEntry> drafts(Question question, boolean names) {
    var closedOn = question.open() ? null : question.latestOutcome().orElse(null);
    var drafts = question.drafts();
    var entries = new ArrayList<DraftEntry>();
    for (int i = 0; i < drafts.size(); i++) {
      var draft = drafts.get(i);
      String fate;
      if (closedOn != null && draft.version().equals(closedOn.draft())) {
        // Closing on a draft without consensus adopts nothing: the fate says what the votes gave it.
        fate = closedOn.level() == SupportLevel.NO_CONSENSUS ? "closed on it, with no consensus"
            : "adopted (" + closedOn.level().label() + ")";
      } else if (i + 1 < drafts.size()) {
        fate = "replaced by " + drafts.get(i + 1).version();
      } else {
        fate = question.open() ? "the latest draft, open for votes" : "not adopted";
      }
      var blocks = new ArrayList<Objection>();
      draft.ballots().values().forEach(ballot -> {
        if (ballot.choice() == DraftChoice.BLOCK) {
          blocks.add(new Objection(name(ballot.voterName(), names),
              ballot.reason() == null ? "(no reason given)" : ballot.reason()));
        }
      });
      entries.add(new DraftEntry(draft.version().toString(), draft.text(), writer(draft, names), draft.postedAt(),
          tally(question.shownTally(draft)), fate, blocks));
    }
    return entries;
  }

  private static List<AmendmentEntry> amendments(Question question, boolean names, Audience audience) {
    var entries = new ArrayList<AmendmentEntry>();
    for (var statement : question.statements()) {
      if (statement.kind() != StatementKind.AMENDMENT || statement.status() == StatementStatus.WITHDRAWN
          || statement.amends() == null) {
        continue;
      }
      var amends = statement.amends();
      var later = question.drafts().stream().filter(d -> d.version().compareTo(amends) > 0).findFirst();
      String fate;
      if (statement.status() == StatementStatus.HIDDEN) {
        // The reason was written for the channel; a public page says only that it was hidden.
        var reason = statement.hiddenReason();
        fate = audience == Audience.PUBLIC || reason == null || reason.isBlank() ? "hidden by a facilitator"
            : "hidden by a facilitator: " + reason;
      } else if (later.isPresent()) {
        fate = "a later draft, " + later.get().version() + ", followed";
      } else {
        fate = question.open() ? "open: no later draft yet" : "no later draft followed";
      }
      var quoted = statement.status() == StatementStatus.HIDDEN
          ? new Quoted(statement.id().toString(), "(hidden)", 0, 0, 0, null) : quoted(question, statement, names);
      entries.add(new AmendmentEntry(quoted, amends.toString(), fate));
    }
    return entries;
  }

  private static Report.Participation participation(Question question) {
    return new Report.Participation("the members of the channel where it was asked", question.participants().size(),
        question.membersWithView().size(), voters(question));
  }

  private static Report.Landscape landscape(Landscape landscape, int members, IntFunction<Quoted> quote,
      DraftComposer.@Nullable Composed composed, String coverageOf) {
    var groups = landscape.groups();
    var figures = landscape.figures();
    var described = new ArrayList<Report.Group>();
    for (int g = 0; g < groups.groups(); g++) {
      described.add(new Report.Group(g, DraftComposer.groupName(g), groups.size(g),
          groups.size(g) >= MINIMUM_GROUP_SIZE));
    }
    Optional<Report.OpinionMap> map = Optional.empty();
    if (groups.groups() > 0) {
      // Centred on the members placed and scaled alike on both axes, so distances keep their meaning.
      double minX = Double.MAX_VALUE;
      double maxX = -Double.MAX_VALUE;
      double minY = Double.MAX_VALUE;
      double maxY = -Double.MAX_VALUE;
      for (int i = 0; i < members; i++) {
        if (groups.groupOf()[i] >= 0) {
          var p = groups.projection()[i];
          minX = Math.min(minX, p[0]);
          maxX = Math.max(maxX, p[0]);
          minY = Math.min(minY, p[1]);
          maxY = Math.max(maxY, p[1]);
        }
      }
      double centreX = (minX + maxX) / 2;
      double centreY = (minY + maxY) / 2;
      double scale = Math.max(maxX - minX, maxY - minY) / 2;
      var points = new ArrayList<Report.Point>();
      int notDrawn = 0;
      int notPlaced = 0;
      for (int i = 0; i < members; i++) {
        int g = groups.groupOf()[i];
        if (g < 0) {
          notPlaced++;
        } else if (!described.get(g).drawn()) {
          notDrawn++;
        } else {
          var p = groups.projection()[i];
          points.add(new Report.Point(scale == 0 ? 0 : (p[0] - centreX) / scale, scale == 0 ? 0 : (p[1] - centreY) / scale, g));
        }
      }
      map = Optional.of(new Report.OpinionMap(described, points, MINIMUM_GROUP_SIZE, notDrawn, notPlaced));
    }
    var coverage = composed == null ? Optional.<Double>empty() : Optional.of(composed.coverage());
    return new Report.Landscape(map, bars(landscape.commonGround(), described, figures, quote),
        bars(landscape.divisive(), described, figures, quote), coverage, coverageOf);
  }

  private static List<Report.StatementBars> bars(List<Integer> statements, List<Report.Group> groups,
      StatementFigures figures, IntFunction<Quoted> quote) {
    var bars = new ArrayList<Report.StatementBars>();
    for (int j : statements) {
      var shares = new ArrayList<Report.GroupShares>();
      for (var group : groups) {
        int seen = figures.seen(group.index(), j);
        if (!group.drawn() || seen == 0) {
          continue;
        }
        shares.add(new Report.GroupShares(group.index(), group.label(), (double) figures.agree(group.index(), j) / seen,
            (double) figures.disagree(group.index(), j) / seen, (double) figures.pass(group.index(), j) / seen, seen));
      }
      bars.add(new Report.StatementBars(quote.apply(j), shares));
    }
    return bars;
  }

}
