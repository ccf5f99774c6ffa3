package dev.chorus.core.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a draft from the landscape, in the members' own words: what every group
 * agrees on, where the groups differ and how, adopted amendments, minority views, what is still
 * open. Each statement appears once; near-duplicates are merged into the one shown. Statements are
 * then added until every member who shared a view finds their own words or words they agreed with
 * (coverage 100 %), or until the length limit, in which case the draft says what did not fit.
 * With too few votes for groups, the statements are gathered into themes by text similarity alone.
 */
public final class DraftComposer {
  /** Statements at least this alike are one statement in a draft. */
  public static final double NEAR_DUPLICATE = 0.75;
  /** Statements at least this alike share a theme when there are no groups. */
  public static final double SAME_THEME = 0.25;
  private static final int FOOTER_RESERVE = 300;
  private static final int QUOTE_IN_GROUP_LINE = 120;
  private static final int SHORTEST_USEFUL_LINE = 24;

  /**
   * The statements as the draft may quote them.
   *
   * @param labels how members refer to each statement (V3, or a Polis comment id)
   * @param authorOf the member who wrote each statement, or −1
   * @param amendment whether each statement is an amendment
   * @param counted the members coverage is about: those who shared a view
   * @param countedAre who they are, in the draft's coverage sentence
   */
  public record Statements(
      List<String> texts, List<String> labels, int[] authorOf, boolean[] amendment, BitSet counted, String countedAre) {

    /** Statements of a chat question: coverage is about the members who shared a view. */
    public Statements(List<String> texts, List<String> labels, int[] authorOf, boolean[] amendment, BitSet counted) {
      this(texts, labels, authorOf, amendment, counted, "the members who shared a view");
    }
  }

  /**
   * A composed draft.
   *
   * @param included statements quoted, in order
   * @param leftOut statements a section had to leave out, or that would have raised coverage, but did not fit
   */
  public record Composed(String text, int covered, int members, List<Integer> included, List<Integer> leftOut) {
    /** Share of counted members who find their words or words they agreed with; 1 when nobody counts. */
    public double coverage() {
      return members == 0 ? 1 : (double) covered / members;
    }
  }

  public Composed compose(VoteMatrix votes, Landscape landscape, Statements statements, String header, int limit) {
    var draft = new Builder(votes, landscape, statements, limit - FOOTER_RESERVE);
    draft.line(header);
    var figures = landscape.figures();
    if (landscape.groups().groups() == 0) {
      draft.themes();
    } else {
      draft.section("Where we agree", landscape.commonGround(), j -> "");
      if (landscape.groups().groups() >= 2) {
        draft.section("Where we differ", landscape.divisive(), j -> " — " + groupShares(figures, j));
        draft.describeGroups();
      }
      var adopted = new ArrayList<Integer>();
      for (int j = 0; j < votes.statements(); j++) {
        int all = figures.everyone();
        if (statements.amendment()[j] && figures.pa(all, j) > 0.5 && figures.pat(all, j) > StatementFigures.Z_90) {
          adopted.add(j);
        }
      }
      draft.section("Amendments adopted", adopted, j -> "");
      draft.section("Also raised", landscape.minority(), j -> " (a minority view)");
      // Before "Still open": what is quoted so everyone is heard goes under "Also raised", not under a later heading.
      draft.coverUntilEveryoneIsHeard();
      draft.section("Still open", mostPassed(figures, landscape.uncertain()), j -> " (many passed)");
    }
    return draft.finish(limit);
  }

  /** The uncertain statements most passed on, at most three: a draft names what is open, it does not list it all. */
  static List<Integer> mostPassed(StatementFigures figures, List<Integer> uncertain) {
    var sorted = new ArrayList<>(uncertain);
    int all = figures.everyone();
    sorted.sort((a, b) -> Double.compare(
        (double) figures.pass(all, b) / Math.max(1, figures.seen(all, b)),
        (double) figures.pass(all, a) / Math.max(1, figures.seen(all, a))));
    return sorted.subList(0, Math.min(3, sorted.size()));
  }

  static String groupShares(StatementFigures figures, int statement) {
    var parts = new ArrayList<String>();
    for (int g = 0; g < figures.groups(); g++) {
      int seen = figures.seen(g, statement);
      int share = seen == 0 ? 0 : (int) Math.round(100.0 * figures.agree(g, statement) / seen);
      parts.add(groupName(g) + " " + share + "% agree");
    }
    return String.join(", ", parts);
  }

  public static String groupName(int group) {
    return "Group " + (char) ('A' + Math.min(group, 25));
  }

  /** Assembles the draft within its budget and keeps track of who is covered. */
  private static final class Builder {
    private final VoteMatrix votes;
    private final Landscape landscape;
    private final Statements statements;
    private final int budget;
    private final TextSimilarity similarity;
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> included = new ArrayList<>();
    private final List<Integer> leftOut = new ArrayList<>();
    private final BitSet shown = new BitSet();
    private final BitSet covered = new BitSet();
    private final BitSet tooLong = new BitSet();
    private final BitSet cutFromSection = new BitSet();
    private final BitSet[] agreedBy;
    private String alsoRaisedHeading = "Also raised";
    private boolean alsoRaisedOpen;

    Builder(VoteMatrix votes, Landscape landscape, Statements statements, int budget) {
      this.votes = votes;
      this.landscape = landscape;
      this.statements = statements;
      this.budget = budget;
      this.similarity = TextSimilarity.of(statements.texts());
      agreedBy = new BitSet[votes.statements()];
      for (int j = 0; j < votes.statements(); j++) {
        agreedBy[j] = new BitSet();
        for (int c = votes.columnFrom(j); c < votes.columnTo(j); c++) {
          if (votes.columnValueAt(c) > 0) {
            agreedBy[j].set(votes.memberAt(c));
          }
        }
        if (statements.authorOf()[j] >= 0) {
          agreedBy[j].set(statements.authorOf()[j]);
        }
      }
    }

    void line(String line) {
      text.append(line).append('\n');
    }

    interface Suffix {
      String of(int statement);
    }

    void section(String heading, List<Integer> candidates, Suffix suffix) {
      boolean opened = false;
      for (int j : candidates) {
        if (shown.get(j)) {
          continue;
        }
        var item = "• " + statements.texts().get(j).replace('\n', ' ') + suffix.of(j) + "\n";
        var head = opened ? "" : "\n" + heading + "\n";
        opened |= fitIn(head, item, j);
      }
      if (heading.equals(alsoRaisedHeading) && opened) {
        alsoRaisedOpen = true;
      }
    }

    /** Appends a section's item (with the heading, if it is the first) when it fits; else records it as cut. */
    private boolean fitIn(String head, String item, int j) {
      if (text.length() + head.length() + item.length() > budget) {
        tooLong.set(j);
        cutFromSection.set(j);
        return false;
      }
      text.append(head).append(item);
      show(j);
      return true;
    }

    /** Quotes a statement and merges its near-duplicates into it: they count as shown. */
    private void show(int j) {
      included.add(j);
      shown.set(j);
      covered.or(agreedBy[j]);
      for (int other = 0; other < votes.statements(); other++) {
        if (!shown.get(other) && similarity.cosine(j, other) >= NEAR_DUPLICATE) {
          shown.set(other);
          covered.or(agreedBy[other]);
        }
      }
    }

    void describeGroups() {
      var lines = new ArrayList<String>();
      for (int g = 0; g < landscape.groups().groups(); g++) {
        var representative = landscape.representative().get(g);
        var line = new StringBuilder(groupName(g) + " (" + landscape.groups().size(g) + " members)");
        if (!representative.isEmpty()) {
          // Each statement is quoted once: describe the group by words not yet quoted, preferably what
          // it agrees with; when all are quoted already, name the statement instead of repeating it.
          var r = representative.stream().filter(each -> each.agreeing() && !shown.get(each.statement())).findFirst()
              .or(() -> representative.stream().filter(each -> !shown.get(each.statement())).findFirst())
              .or(() -> representative.stream().filter(Landscape.Representative::agreeing).findFirst())
              .orElse(representative.get(0));
          line.append(r.agreeing() ? " stands out for agreeing with " : " stands out for disagreeing with ");
          if (shown.get(r.statement())) {
            line.append(statements.labels().get(r.statement()));
          } else {
            line.append('"').append(shorten(statements.texts().get(r.statement()))).append('"');
          }
        }
        lines.add(line.toString());
      }
      var block = String.join("\n", lines) + "\n";
      if (text.length() + block.length() <= budget) {
        text.append(block);
      }
    }

    void coverUntilEveryoneIsHeard() {
      var minority = new BitSet();
      landscape.minority().forEach(minority::set);
      while (true) {
        var uncovered = (BitSet) statements.counted().clone();
        uncovered.andNot(covered);
        if (uncovered.isEmpty()) {
          return;
        }
        if (budget - text.length() < SHORTEST_USEFUL_LINE) {
          // Full: whatever would still reach someone is what did not fit.
          for (int j = 0; j < votes.statements(); j++) {
            if (!shown.get(j) && agreedBy[j].intersects(uncovered)) {
              tooLong.set(j);
            }
          }
          return;
        }
        int best = -1;
        int bestGain = 0;
        for (int j = 0; j < votes.statements(); j++) {
          if (shown.get(j) || tooLong.get(j)) {
            continue;
          }
          var gain = (BitSet) agreedBy[j].clone();
          gain.and(uncovered);
          int g = gain.cardinality();
          if (g > bestGain || g == bestGain && g > 0 && minority.get(j) && !minority.get(best)) {
            best = j;
            bestGain = g;
          }
        }
        if (best < 0) {
          return;
        }
        var item = "• " + statements.texts().get(best).replace('\n', ' ') + "\n";
        var head = alsoRaisedOpen ? "" : "\n" + alsoRaisedHeading + "\n";
        if (text.length() + head.length() + item.length() > budget) {
          tooLong.set(best);
          continue;
        }
        text.append(head).append(item);
        alsoRaisedOpen = true;
        show(best);
      }
    }

    void themes() {
      var themes = new LinkedHashMap<Integer, List<Integer>>();
      for (int j = 0; j < votes.statements(); j++) {
        List<Integer> home = null;
        for (var theme : themes.entrySet()) {
          if (similarity.cosine(theme.getKey(), j) >= SAME_THEME) {
            home = theme.getValue();
            break;
          }
        }
        if (home == null) {
          themes.put(j, new ArrayList<>(List.of(j)));
        } else {
          home.add(j);
        }
      }
      boolean opened = false;
      for (Map.Entry<Integer, List<Integer>> theme : themes.entrySet()) {
        for (int j : theme.getValue()) {
          // The theme's first statement leads it; the others that read alike follow, indented.
          var mark = j == theme.getKey() ? "• " : "   – ";
          var item = mark + statements.texts().get(j).replace('\n', ' ') + "\n";
          var head = opened ? "" : "\nThemes raised so far (too few votes yet to find groups)\n";
          if (shown.get(j)) {
            continue;
          }
          opened |= fitIn(head, item, j);
        }
      }
    }

    Composed finish(int limit) {
      // What did not fit and would have reached someone not yet covered.
      var uncovered = (BitSet) statements.counted().clone();
      uncovered.andNot(covered);
      // What did not fit: the section items that were cut, and what would have reached someone not yet covered.
      for (int j = tooLong.nextSetBit(0); j >= 0; j = tooLong.nextSetBit(j + 1)) {
        if (!shown.get(j) && (cutFromSection.get(j) || agreedBy[j].intersects(uncovered))) {
          leftOut.add(j);
        }
      }
      int members = statements.counted().cardinality();
      var countedCovered = (BitSet) covered.clone();
      countedCovered.and(statements.counted());
      int coveredCount = countedCovered.cardinality();
      text.append('\n').append(String.format(Locale.ROOT,
          "Coverage: %d%% of %s find their own words, or words they agreed with, in this draft.",
          members == 0 ? 100 : (int) Math.floor(100.0 * coveredCount / members), statements.countedAre()));
      if (!leftOut.isEmpty()) {
        var names = new ArrayList<String>();
        for (int j : leftOut) {
          names.add(statements.labels().get(j));
        }
        var note = "\nNot included for length: " + String.join(", ", names) + ".";
        if (text.length() + note.length() > limit) {
          note = "\nNot included for length: " + leftOut.size() + " statements (see the export).";
        }
        text.append(note);
      }
      return new Composed(text.toString(), coveredCount, members, List.copyOf(included), List.copyOf(leftOut));
    }

    private static String shorten(String words) {
      var flat = words.replace('\n', ' ');
      return flat.codePointCount(0, flat.length()) <= QUOTE_IN_GROUP_LINE ? flat
          : flat.substring(0, flat.offsetByCodePoints(0, QUOTE_IN_GROUP_LINE - 1)) + "…";
    }
  }
}
