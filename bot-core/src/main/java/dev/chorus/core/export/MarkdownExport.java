package dev.chorus.core.export;

import dev.chorus.core.question.Draft;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementKind;
import dev.chorus.core.question.StatementStatus;
import dev.chorus.core.question.SupportLevel;
import java.util.Locale;

/** The record as a Markdown document; with an outside body, the outcome also as an informed opinion to it. */
final class MarkdownExport {
  private MarkdownExport() {}

  static String of(Question q) {
    var md = new StringBuilder();
    md.append("# ").append(q.id()).append(" · ").append(line(q.title())).append("\n\n");
    md.append("- Status: ").append(q.open() ? "open" : "closed").append('\n');
    md.append("- Opened: ").append(q.openedAt());
    if (q.openerName() != null) {
      md.append(" by ").append(line(q.openerName()));
    }
    md.append('\n');
    if (q.deadline() != null) {
      md.append("- Deadline: ").append(q.deadline()).append('\n');
    }
    if (!q.forBody().isEmpty()) {
      md.append("- For: ").append(line(q.forBody())).append('\n');
    }
    md.append("- Anonymous: ").append(q.anonymous() ? "yes (no names, counts only)" : "no").append('\n');
    md.append("- Members who shared a view: ").append(q.membersWithView().size()).append('\n');
    if (!q.context().isEmpty()) {
      md.append("\n## Context\n\n").append(quote(q.context()));
    }
    section(md, q, StatementKind.VIEW, "Views");
    section(md, q, StatementKind.AMENDMENT, "Amendments");
    if (!q.drafts().isEmpty()) {
      md.append("\n## Drafts\n");
      for (var d : q.drafts()) {
        draft(md, q, d);
      }
    }
    if (!q.outcomes().isEmpty()) {
      md.append("\n## Outcomes\n");
      for (var o : q.outcomes()) {
        outcome(md, o);
      }
    }
    if (!q.forBody().isEmpty() && q.latestOutcome().isPresent()) {
      informedOpinion(md, q, q.latestOutcome().get());
    }
    return md.toString();
  }

  private static void section(StringBuilder md, Question q, StatementKind kind, String heading) {
    var any = q.statements().stream().anyMatch(s -> s.kind() == kind);
    if (!any) {
      return;
    }
    md.append("\n## ").append(heading).append('\n');
    for (var s : q.statements()) {
      if (s.kind() == kind) {
        statement(md, q, s);
      }
    }
  }

  private static void statement(StringBuilder md, Question q, Statement s) {
    md.append("\n### ").append(s.id());
    if (s.amends() != null) {
      md.append(" (to ").append(s.amends()).append(')');
    }
    if (s.authorName() != null) {
      md.append(" · ").append(line(s.authorName()));
    }
    switch (s.status()) {
      case REPLACED -> md.append(" · replaced by ").append(s.replacedBy());
      case WITHDRAWN -> md.append(" · withdrawn by its author");
      case HIDDEN -> md.append(" · hidden by a facilitator: ").append(line(String.valueOf(s.hiddenReason())));
      case ACTIVE -> { }
    }
    md.append("\n\n");
    if (s.status() != StatementStatus.WITHDRAWN) {
      md.append(quote(s.text()));
      var t = q.shownTally(s);
      md.append("\nAgree ").append(t.agree()).append(" · disagree ").append(t.disagree()).append(" · pass ")
          .append(t.pass()).append('\n');
    }
  }

  private static void draft(StringBuilder md, Question q, Draft d) {
    md.append("\n### Draft ").append(d.version());
    if (d.byChorus()) {
      md.append(" · written by Chorus");
    } else if (d.writtenBy() != null) {
      md.append(" · written by ").append(line(d.writtenBy()));
    }
    md.append(" · ").append(d.postedAt()).append("\n\n").append(quote(d.text()));
    md.append('\n').append(tally(q.shownTally(d))).append('\n');
    if (!q.anonymous()) {
      d.ballots().forEach((member, ballot) -> md.append("- ")
          .append(ballot.voterName() == null ? member.value() : line(ballot.voterName())).append(": ")
          .append(ballot.choice().word()).append(ballot.reason() == null ? "" : " — " + line(ballot.reason()))
          .append('\n'));
    }
  }

  private static void outcome(StringBuilder md, Outcome o) {
    md.append("\n### Closed ").append(o.closedAt()).append(": ").append(o.level().label());
    if (o.draft() != null) {
      md.append(" on draft ").append(o.draft());
    }
    md.append("\n\n");
    if (o.draft() != null) {
      md.append(tally(o.tally())).append(" — of ").append(o.membersWithView()).append(" members who shared a view; quorum ")
          .append(o.quorum()).append(o.quorumMet() ? " (met)" : " (not met)").append(".\n");
    }
    if (o.estimate() != null) {
      md.append(String.format(Locale.ROOT, "Group-weighted support estimate: %.0f%%.%n", o.estimate().whole() * 100));
    }
    md.append(String.format(Locale.ROOT, "Thresholds: broad support %.0f%%, majority %.0f%% of non-abstaining votes.%n",
        o.thresholds().broadSupport() * 100, o.thresholds().majority() * 100));
    if (!o.dissent().isEmpty()) {
      md.append("\nRecord of dissent:\n\n");
      for (var d : o.dissent()) {
        md.append("- ").append(d.kind() == Outcome.Dissent.Kind.BLOCK ? "Block" : d.kind() == Outcome.Dissent.Kind.DISAGREE
            ? "Disagreed" : "Minority view");
        if (d.who() != null) {
          md.append(" (").append(line(d.who())).append(')');
        }
        md.append(": ").append(d.words().isEmpty() ? "no reason given" : line(d.words())).append('\n');
      }
    }
  }

  private static void informedOpinion(StringBuilder md, Question q, Outcome o) {
    md.append("\n## Informed opinion for ").append(line(q.forBody())).append("\n\n");
    md.append("To: ").append(line(q.forBody())).append("\n\n");
    md.append("Our community of practice discussed \"").append(line(q.title())).append("\". ")
        .append(o.membersWithView()).append(" members shared their views");
    if (o.draft() != null) {
      var t = o.tally();
      md.append(", and ").append(t.voters()).append(" voted on the joint response below");
    }
    md.append(". ");
    if (o.level() == SupportLevel.NO_CONSENSUS || o.draft() == null) {
      md.append("We did not reach a single position; these are the views members expressed, most agreed first:\n\n");
      q.activeViews().stream()
          .sorted((a, b) -> Integer.compare(q.shownTally(b).agree(), q.shownTally(a).agree()))
          .forEach(s -> md.append("- ").append(line(s.text())).append(" (agree ").append(q.shownTally(s).agree())
              .append(", disagree ").append(q.shownTally(s).disagree()).append(")\n"));
    } else {
      md.append("The response has ").append(o.level().label()).append(" (").append(tally(o.tally())).append(").\n\n");
      md.append(quote(o.draftText()));
    }
    if (!o.dissent().isEmpty()) {
      md.append("\nDissent we record alongside it:\n\n");
      for (var d : o.dissent()) {
        md.append("- ").append(d.words().isEmpty() ? "(a block without a stated reason)" : line(d.words())).append('\n');
      }
    }
  }

  static String tally(Draft.DraftTally t) {
    return "Agree " + t.agree() + " · abstain " + t.abstain() + " · disagree " + t.disagree() + " · block " + t.block();
  }

  /** Member words as a block quote, every line quoted, so nothing they wrote becomes a heading or a list. */
  static String quote(String text) {
    var out = new StringBuilder();
    for (var each : text.split("\n", -1)) {
      out.append("> ").append(escape(each)).append('\n');
    }
    return out.toString();
  }

  /** Member words inside a line: line breaks flattened. */
  static String line(String text) {
    return escape(text.replace('\n', ' '));
  }

  /**
   * Member words made inert for whoever reads the export, in a Markdown viewer or as HTML: no tag,
   * image, link, script or formatting of theirs takes effect, and the words still read as written.
   * HTML's three characters become entities; Markdown's punctuation is backslash-escaped; a line that
   * would start a list gets its marker escaped too.
   */
  static String escape(String words) {
    var out = new StringBuilder(words.length() + 16);
    for (int i = 0; i < words.length(); i++) {
      char c = words.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '(', ')', '!', '#', '|', '~', '{', '}' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    var escaped = out.toString();
    // "- item", "+ item", "1. item" open lists even inside a quote.
    if (escaped.matches("^\\s*[-+].*") || escaped.matches("^\\s*\\d+[.)].*")) {
      int at = 0;
      while (at < escaped.length() && Character.isWhitespace(escaped.charAt(at))) {
        at++;
      }
      if (escaped.charAt(at) == '-' || escaped.charAt(at) == '+') {
        return escaped.substring(0, at) + "\\" + escaped.substring(at);
      }
      int end = at;
      while (end < escaped.length() && Character.isDigit(escaped.charAt(end))) {
        end++;
      }
      return escaped.substring(0, end) + "\\" + escaped.substring(end);
    }
    return escaped;
  }
}
