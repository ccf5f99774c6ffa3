package dev.chorus.core.conversation;

import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.ExportFormat;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Button;
import dev.chorus.core.message.ButtonAction;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Text;
import dev.chorus.core.message.TextCuts;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementKind;
import dev.chorus.core.question.StatementStatus;
import dev.chorus.core.question.SupportLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chorus's words for the shared messages: the question card, each statement, each draft and the
 * outcome. Built from the question as it now stands, so an edit always shows the current state.
 */
public final class Cards {
  private Cards() {}

  static final List<String> STATEMENT_REACTIONS =
      Arrays.stream(StatementChoice.values()).map(StatementChoice::emoji).toList();
  static final List<String> DRAFT_REACTIONS = Arrays.stream(DraftChoice.values()).map(DraftChoice::emoji).toList();

  public static Card question(Question q) {
    var blocks = new ArrayList<Block>();
    blocks.add(new Block.Heading(Text.builder().plain(q.id() + " · ").quoted(q.title()).build()));
    if (!q.context().isEmpty()) {
      blocks.add(new Block.Quote(q.context()));
    }
    var fields = new ArrayList<Block.Field>();
    if (!q.forBody().isEmpty()) {
      fields.add(new Block.Field("For", Text.quoted(q.forBody())));
    }
    if (q.deadline() != null) {
      fields.add(new Block.Field("Deadline", Text.builder().moment(q.deadline()).build()));
    }
    fields.add(new Block.Field("Status", Text.of(q.open() ? "open" : closedLine(q))));
    fields.add(new Block.Field("Taking part", Text.of(participation(q))));
    blocks.add(new Block.Fields(fields));
    if (q.open()) {
      blocks.add(new Block.Paragraph(Text.of(
          "Share your view: " + CommandCatalog.on(q.id(), "<your view>") + ", or " + CommandCatalog.SLASH_COMMAND
              + " for a form. "
              + "Views, amendments and drafts appear in this thread; vote "
              + (q.anonymous() ? "with the buttons under each one (privately)." : "with reactions (👍 agree, 👎 disagree, 🤷 pass)."))));
    }
    if (q.anonymous()) {
      blocks.add(new Block.Paragraph(Text.of(
          "Anonymous: nobody in the community, facilitators included, can see who wrote a view or how "
              + "anyone voted. This protects members from each other, not from whoever operates Chorus.")));
    }
    return new Card(blocks, List.of(), List.of()).summarised(Text.builder().plain(q.id() + " · ").quoted(title(q))
        .plain(" · " + (q.open() ? "open" : closedLine(q)) + " · " + participation(q)).build());
  }

  /** The longest a title is in a one-line summary: the start says which question it is. */
  static final int SUMMARY_TITLE = 80;

  private static String title(Question q) {
    return TextCuts.clip(q.title(), SUMMARY_TITLE);
  }

  static String participation(Question q) {
    var views = q.membersWithView().size();
    return views == 1 ? "1 member has shared a view" : views + " members have shared a view";
  }

  private static String closedLine(Question q) {
    return q.latestOutcome()
        .map(o -> "closed: " + o.level().label() + (o.draft() == null ? "" : " on " + o.draft()))
        .orElse("closed");
  }

  public static Card statement(Question q, Statement s) {
    return statement(q, s, q.shownTally(s));
  }

  /** @param tally the statement's tally, as the store counted it when the question may not hold every vote */
  public static Card statement(Question q, Statement s, Statement.StatementTally tally) {
    var card = statementCard(q, s, tally);
    var line = Text.builder().plain(q.id() + " · ").quoted(title(q)).plain(" · " + s.id() + " ");
    line.plain(switch (s.status()) {
      case REPLACED -> "replaced";
      case WITHDRAWN -> "withdrawn";
      case HIDDEN -> "hidden";
      case ACTIVE -> s.kind().label() + ": " + tally.inWords();
    });
    return card.summarised(line.build());
  }

  private static Card statementCard(Question q, Statement s, Statement.StatementTally tally) {
    var blocks = new ArrayList<Block>();
    var heading = Text.builder().plain(s.id() + " · " + s.kind().label());
    if (s.kind() == StatementKind.AMENDMENT && s.amends() != null) {
      heading.plain(" to " + s.amends());
    }
    if (s.authorName() != null) {
      heading.plain(" by ").quoted(s.authorName());
    }
    if (s.status() == StatementStatus.REPLACED) {
      blocks.add(new Block.Heading(heading.plain(" · replaced").build()));
      blocks.add(new Block.Paragraph(Text.of("Its author edited this view; the new text is "
          + s.replacedBy() + ". Votes here are kept in the history but no longer count.")));
      return new Card(blocks, List.of(), List.of());
    }
    if (s.status() == StatementStatus.WITHDRAWN) {
      blocks.add(new Block.Heading(Text.of(s.id() + " · withdrawn by its author")));
      return new Card(blocks, List.of(), List.of());
    }
    if (s.status() == StatementStatus.HIDDEN) {
      blocks.add(new Block.Heading(Text.of(s.id() + " · hidden by a facilitator")));
      blocks.add(new Block.Paragraph(Text.builder().plain("Reason: ").quoted(String.valueOf(s.hiddenReason())).build()));
      return new Card(blocks, List.of(), List.of());
    }
    blocks.add(new Block.Heading(heading.build()));
    blocks.add(new Block.Quote(s.text()));
    blocks.add(new Block.Paragraph(Text.of(statementTally(tally))));
    if (!q.open()) {
      return new Card(blocks, List.of(), List.of());
    }
    // Buttons on every card, for members who use a keyboard or a screen reader; reactions as well
    // where votes are public (in an anonymous question a reaction would show who voted what).
    var buttons = new ArrayList<Button>();
    for (var choice : StatementChoice.values()) {
      buttons.add(new Button(capital(choice.word()), ButtonAction.statementVote(q.id(), s.id(), choice)));
    }
    return new Card(blocks, buttons, q.anonymous() ? List.of() : STATEMENT_REACTIONS);
  }

  static String statementTally(Question q, Statement s) {
    return statementTally(q.shownTally(s));
  }

  private static String statementTally(Statement.StatementTally t) {
    return "👍 " + t.agree() + " agree · 👎 " + t.disagree() + " disagree · 🤷 " + t.pass() + " pass";
  }

  public static Card draft(Question q, Draft d, boolean announcement) {
    return draft(q, d, announcement, q.shownTally(d));
  }

  /** @param tally the draft's tally, as the store counted it when the question may not hold every ballot */
  public static Card draft(Question q, Draft d, boolean announcement, Draft.DraftTally tally) {
    return draftCard(q, d, announcement, tally).summarised(Text.builder().plain(q.id() + " · ").quoted(title(q))
        .plain(" · draft " + d.version() + ": " + tally.inWords() + (q.open() ? "" : " · closed")).build());
  }

  private static Card draftCard(Question q, Draft d, boolean announcement, Draft.DraftTally tally) {
    var blocks = new ArrayList<Block>();
    var heading = Text.builder();
    if (announcement) {
      heading.plain("New draft " + d.version() + " for " + q.id() + " · ").quoted(q.title());
    } else {
      heading.plain("Draft " + d.version() + " of " + q.id());
    }
    blocks.add(new Block.Heading(heading.build()));
    var by = Text.builder();
    if (d.byChorus()) {
      by.plain("Written by Chorus from the members' views.");
    } else if (d.writtenBy() != null) {
      by.plain("Written by ").quoted(d.writtenBy()).plain(".");
    } else {
      by.plain("Written by a facilitator.");
    }
    blocks.add(new Block.Paragraph(by.build()));
    blocks.add(new Block.Quote(d.text()));
    blocks.add(new Block.Paragraph(Text.of(draftTally(tally))));
    var latest = q.latestDraft().map(l -> l.version().equals(d.version())).orElse(false);
    if (!latest) {
      // Not naming the newer draft: a draft is edited once, when the next one comes, and stays right after.
      blocks.add(new Block.Paragraph(Text.of("A newer draft is the one to vote on now (" + StandardCommands.STATUS.on(q.id())
          + " shows it); votes here stay recorded.")));
    }
    if (!q.open()) {
      return new Card(blocks, List.of(), List.of());
    }
    if (latest) {
      blocks.add(new Block.Paragraph(Text.of((q.anonymous() ? "Vote with a button: " : "Vote with a button or a reaction: ")
          + (q.anonymous() ? "" : "✅ ") + "agree, "
          + (q.anonymous() ? "" : "🤷 ") + "abstain, " + (q.anonymous() ? "" : "❌ ") + "disagree, or "
          + (q.anonymous() ? "" : "✋ ") + "block (a serious objection; Chorus will ask you why). "
          + "Propose a change with " + StandardCommands.AMEND.on(q.id(), "<change>") + ".")));
    }
    var buttons = new ArrayList<Button>();
    for (var choice : DraftChoice.values()) {
      buttons.add(new Button(capital(choice.word()), ButtonAction.draftVote(q.id(), d.version(), choice)));
    }
    return new Card(blocks, buttons, q.anonymous() ? List.of() : DRAFT_REACTIONS);
  }

  static String draftTally(Draft.DraftTally t) {
    return "✅ " + t.agree() + " agree · 🤷 " + t.abstain() + " abstain · ❌ " + t.disagree() + " disagree · ✋ "
        + t.block() + " block";
  }

  public static Card outcome(Question q, Outcome o) {
    return outcomeCard(q, o).summarised(Text.builder().plain(q.id() + " · ").quoted(title(q)).plain(" · closed: "
        + o.level().label() + (o.draft() == null ? "" : " for draft " + o.draft() + " (" + o.tally().inWords() + ")"))
        .build());
  }

  private static Card outcomeCard(Question q, Outcome o) {
    var blocks = new ArrayList<Block>();
    var heading = Text.builder().plain(q.id() + " closed: " + o.level().label());
    if (o.draft() != null) {
      heading.plain(" for draft " + o.draft());
    }
    heading.plain(" · ").quoted(q.title());
    blocks.add(new Block.Heading(heading.build()));
    if (o.draft() != null) {
      blocks.add(new Block.Quote(o.draftText()));
      blocks.add(new Block.Paragraph(Text.of("Votes: " + draftTally(o.tally()) + ". " + members(o.membersWithView())
          + " shared a view, so the quorum is " + votes(o.quorum()) + ": " + (o.quorumMet() ? "met." : "not met."))));
    } else {
      blocks.add(new Block.Paragraph(Text.of("No draft was put to a vote.")));
    }
    if (o.estimate() != null && o.estimate().perGroup().size() > 1) {
      blocks.add(new Block.Paragraph(Text.of(estimate(o.estimate()))));
    }
    blocks.add(new Block.Paragraph(Text.of(rules(o.thresholds()))));
    if (o.level() == SupportLevel.NO_CONSENSUS) {
      blocks.add(new Block.Paragraph(Text.of("There is no single position; this is the map of views, "
          + "most agreed first:")));
      blocks.add(new Block.Bullets(positions(q)));
    }
    if (!o.dissent().isEmpty()) {
      blocks.add(new Block.Paragraph(Text.of("Record of dissent:")));
      blocks.add(new Block.Bullets(o.dissent().stream().map(Cards::dissent).toList()));
    }
    if (!q.forBody().isEmpty()) {
      blocks.add(new Block.Paragraph(Text.builder().plain("An informed opinion for ").quoted(q.forBody())
          .plain(" is ready: " + StandardCommands.EXPORT.on(q.id(), ExportFormat.MARKDOWN.word()) + ".").build()));
    }
    return new Card(blocks, List.of(), List.of());
  }

  /** The group-weighted estimate, beside (never instead of) the members' own votes. */
  static String estimate(Outcome.SupportEstimate estimate) {
    var parts = new java.util.ArrayList<String>();
    for (int g = 0; g < estimate.perGroup().size(); g++) {
      double share = estimate.perGroup().get(g);
      parts.add("Group " + (char) ('A' + g) + " " + (Double.isNaN(share) ? "did not vote" : percent(share)));
    }
    return "Support across the opinion groups, each weighted by its size: " + percent(estimate.whole()) + " ("
        + String.join(", ", parts) + ").";
  }

  static String members(int n) {
    return n == 1 ? "1 member" : n + " members";
  }

  static String votes(int n) {
    return n == 1 ? "1 vote" : n + " votes";
  }

  static String rules(Outcome.Thresholds t) {
    return "Levels: consensus = quorum, no block, no disagree; broad support = quorum, no block, agree ≥ "
        + percent(t.broadSupport()) + " of non-abstaining votes; majority = quorum, agree > "
        + percent(t.majority()) + ". Quorum: half of the members who shared a view.";
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** The views that count, most agreed first: the outcome when there is no single position. */
  static List<Text> positions(Question q) {
    return q.activeViews().stream()
        .sorted(Comparator.comparingInt((Statement s) -> -q.shownTally(s).agree()).thenComparing(Statement::id))
        .map(s -> Text.builder().plain(s.id() + " (" + statementTally(q, s) + "): ").quoted(s.text()).build())
        .toList();
  }

  static Text dissent(Outcome.Dissent d) {
    var who = Text.builder();
    switch (d.kind()) {
      case BLOCK -> who.plain("✋ Block");
      case DISAGREE -> who.plain("❌ Disagreed");
      case MINORITY_VIEW -> who.plain("Minority view");
    }
    if (d.who() != null) {
      who.plain(" (").quoted(d.who()).plain(")");
    }
    who.plain(": ");
    return d.words().isEmpty() ? who.plain("no reason given").build() : who.quoted(d.words()).build();
  }

  static String capital(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
