package dev.chorus.core.export;

import dev.chorus.core.question.Question;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row per statement and per draft (RFC 4180 quoting). Cells that a spreadsheet would read as a
 * formula are prefixed with an apostrophe.
 */
final class CsvExport {
  private CsvExport() {}

  private static final List<String> HEADER = List.of(
      "question", "item", "kind", "author", "status", "posted_at", "text", "agree", "disagree", "pass", "abstain",
      "block", "note");

  static String of(Question q) {
    var csv = new StringBuilder();
    row(csv, HEADER);
    for (var s : q.statements()) {
      var t = q.shownTally(s);
      var note = s.hiddenReason() != null ? "hidden: " + s.hiddenReason()
          : s.replacedBy() != null ? "replaced by " + s.replacedBy()
          : s.amends() != null ? "amends " + s.amends() : "";
      row(csv, List.of(q.id().toString(), s.id().toString(), s.kind().label(), nullToEmpty(s.authorName()),
          s.status().name().toLowerCase(java.util.Locale.ROOT), s.postedAt().toString(), s.text(),
          String.valueOf(t.agree()), String.valueOf(t.disagree()), String.valueOf(t.pass()), "", "", note));
    }
    for (var d : q.drafts()) {
      var t = q.shownTally(d);
      row(csv, List.of(q.id().toString(), d.version().toString(), "draft", d.byChorus() ? "Chorus" : nullToEmpty(d.writtenBy()),
          q.latestDraft().map(l -> l.version().equals(d.version())).orElse(false) ? "latest" : "earlier",
          d.postedAt().toString(), d.text(), String.valueOf(t.agree()), String.valueOf(t.disagree()), "",
          String.valueOf(t.abstain()), String.valueOf(t.block()), ""));
    }
    for (var o : q.outcomes()) {
      var t = o.tally();
      row(csv, List.of(q.id().toString(), o.draft() == null ? "" : o.draft().toString(), "outcome",
          nullToEmpty(o.closedBy()), o.level().label(), o.closedAt().toString(), o.draftText(),
          String.valueOf(t.agree()), String.valueOf(t.disagree()), "", String.valueOf(t.abstain()),
          String.valueOf(t.block()), "quorum " + o.quorum() + " of " + o.membersWithView() + " members with a view"));
      for (var d : o.dissent()) {
        row(csv, List.of(q.id().toString(), o.draft() == null ? "" : o.draft().toString(), "dissent", nullToEmpty(d.who()),
            d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), o.closedAt().toString(), d.words(),
            "", "", "", "", "", ""));
      }
    }
    return csv.toString();
  }

  private static void row(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(String raw) {
    var value = raw;
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+")) {
      value = "'" + value;
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static String nullToEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
