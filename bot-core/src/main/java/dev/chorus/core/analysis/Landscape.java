package dev.chorus.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The opinion landscape of one question: groups, common ground,
 * representative, divisive and uncertain statements, minority views and support estimates.
 *
 * @param commonGround statements every group agrees with, best first (at most 5)
 * @param representative per group, what sets it apart, best first (at most 3 each)
 * @param divisive statements the groups split on, widest spread first (at most 3)
 * @param uncertain statements many members passed on
 * @param minority statements a small group holds, or views most members did not share
 */
public record Landscape(
    OpinionGroups.Result groups,
    StatementFigures figures,
    List<Integer> commonGround,
    List<List<Representative>> representative,
    List<Integer> divisive,
    List<Integer> uncertain,
    List<Integer> minority) {

  static final double COMMON_GROUND = 0.6;
  static final double DIVISIVE_SPREAD = 0.4;
  static final double UNCERTAIN_PASS_SHARE = 0.3;

  /** A statement that sets a group apart, by agreeing or by disagreeing. */
  public record Representative(int statement, boolean agreeing, double score) {}

  /**
   * Analyses the votes.
   *
   * @param authorOf for each statement the member who wrote it, or −1 (Polis exports, amendments)
   */
  public static Landscape of(VoteMatrix votes, int[] authorOf) {
    var groups = new OpinionGroups().find(votes);
    var figures = StatementFigures.of(votes, groups.groupOf(), groups.groups());
    int m = votes.statements();
    int g = groups.groups();

    var candidates = new ArrayList<Integer>();
    var consensus = new double[m];
    for (int j = 0; j < m; j++) {
      consensus[j] = consensus(figures, j);
      if (g > 0 && figures.seen(figures.everyone(), j) > 0 && consensus[j] >= COMMON_GROUND && everyGroupAgrees(figures, j)) {
        candidates.add(j);
      }
    }
    candidates.sort(Comparator.comparingDouble((Integer j) -> -consensus[j]).thenComparing(j -> j));
    var commonGround = List.copyOf(candidates.subList(0, Math.min(5, candidates.size())));

    var representative = new ArrayList<List<Representative>>();
    for (int group = 0; group < g; group++) {
      representative.add(g < 2 ? List.of() : representativeOf(figures, group));
    }

    var divisive = new ArrayList<Integer>();
    var spread = new double[m];
    if (g >= 2) {
      for (int j = 0; j < m; j++) {
        double max = 0;
        double min = 1;
        for (int group = 0; group < g; group++) {
          max = Math.max(max, figures.pa(group, j));
          min = Math.min(min, figures.pa(group, j));
        }
        spread[j] = max - min;
        if (spread[j] >= DIVISIVE_SPREAD) {
          divisive.add(j);
        }
      }
      divisive.sort(Comparator.comparingDouble((Integer j) -> -spread[j]).thenComparing(j -> j));
    }

    var uncertain = new ArrayList<Integer>();
    for (int j = 0; j < m; j++) {
      int seen = figures.seen(figures.everyone(), j);
      if (seen > 0 && (double) figures.pass(figures.everyone(), j) / seen > UNCERTAIN_PASS_SHARE) {
        uncertain.add(j);
      }
    }

    var minority = minority(votes, groups, figures, commonGround, authorOf);
    return new Landscape(groups, figures, commonGround, List.copyOf(representative), takeInTurns(divisive, figures, 3),
        List.copyOf(uncertain), minority);
  }

  /**
   * The widest splits, taken in turns from the group that agrees most with each, so every side of a
   * split is heard in its own words rather than one side's statements filling the list.
   */
  static List<Integer> takeInTurns(List<Integer> bySpread, StatementFigures figures, int limit) {
    var byGroup = new ArrayList<List<Integer>>();
    for (int group = 0; group < figures.groups(); group++) {
      byGroup.add(new ArrayList<>());
    }
    for (int j : bySpread) {
      int owner = 0;
      for (int group = 1; group < figures.groups(); group++) {
        if (figures.pa(group, j) > figures.pa(owner, j)) {
          owner = group;
        }
      }
      byGroup.get(owner).add(j);
    }
    var chosen = new ArrayList<Integer>();
    for (int round = 0; chosen.size() < Math.min(limit, bySpread.size()); round++) {
      for (var list : byGroup) {
        if (round < list.size() && chosen.size() < limit) {
          chosen.add(list.get(round));
        }
      }
    }
    return List.copyOf(chosen);
  }

  /** The geometric mean of the groups' agree rates. */
  static double consensus(StatementFigures figures, int statement) {
    int g = figures.groups();
    if (g == 0) {
      return 0;
    }
    double logSum = 0;
    for (int group = 0; group < g; group++) {
      logSum += Math.log(figures.pa(group, statement));
    }
    return Math.exp(logSum / g);
  }

  private static boolean everyGroupAgrees(StatementFigures figures, int statement) {
    for (int group = 0; group < figures.groups(); group++) {
      if (figures.pa(group, statement) < 0.5) {
        return false;
      }
    }
    return true;
  }

  private static List<Representative> representativeOf(StatementFigures figures, int group) {
    var found = new ArrayList<Representative>();
    for (int j = 0; j < figures.statements(); j++) {
      double pat = figures.pat(group, j);
      double rat = figures.rat(group, j);
      double pdt = figures.pdt(group, j);
      double rdt = figures.rdt(group, j);
      boolean agreeing = pat > StatementFigures.Z_90 && rat > StatementFigures.Z_90;
      boolean disagreeing = pdt > StatementFigures.Z_90 && rdt > StatementFigures.Z_90;
      if (agreeing || disagreeing) {
        double agreeScore = figures.ra(group, j) * rat * figures.pa(group, j) * pat;
        double disagreeScore = figures.rd(group, j) * rdt * figures.pd(group, j) * pdt;
        boolean byAgreeing = agreeing && (!disagreeing || agreeScore >= disagreeScore);
        found.add(new Representative(j, byAgreeing, byAgreeing ? agreeScore : disagreeScore));
      }
    }
    found.sort(Comparator.comparingDouble((Representative r) -> -r.score()).thenComparingInt(Representative::statement));
    return List.copyOf(found.subList(0, Math.min(3, found.size())));
  }

  private static List<Integer> minority(
      VoteMatrix votes, OpinionGroups.Result groups, StatementFigures figures, List<Integer> commonGround, int[] authorOf) {
    int inAnalysis = 0;
    for (int group : groups.groupOf()) {
      if (group >= 0) {
        inAnalysis++;
      }
    }
    var found = new ArrayList<Integer>();
    var small = new boolean[groups.groups()];
    for (int group = 0; group < groups.groups(); group++) {
      small[group] = groups.groups() > 1 && groups.size(group) * 4 < inAnalysis;
    }
    for (int j = 0; j < votes.statements(); j++) {
      if (commonGround.contains(j)) {
        continue;
      }
      boolean heldBySmallGroup = false;
      for (int group = 0; group < groups.groups(); group++) {
        if (small[group] && figures.pat(group, j) > StatementFigures.Z_90 && figures.rat(group, j) > StatementFigures.Z_90) {
          heldBySmallGroup = true;
        }
      }
      // A member's own view that most members did not agree with: a position few share.
      boolean unsharedView = j < authorOf.length && authorOf[j] >= 0
          && figures.seen(figures.everyone(), j) > 1
          && figures.agree(figures.everyone(), j) * 2 < figures.seen(figures.everyone(), j);
      if (heldBySmallGroup || unsharedView) {
        found.add(j);
      }
    }
    return List.copyOf(found);
  }

  /**
   * Support for a statement: each group's agree rate, and the whole as the mean of the
   * groups' rates weighted by group size, so a group that votes more does not weigh more.
   */
  public Support support(int statement) {
    int g = groups.groups();
    var perGroup = new double[g];
    double weighted = 0;
    double total = 0;
    for (int group = 0; group < g; group++) {
      perGroup[group] = figures.pa(group, statement);
      int size = groups.size(group);
      weighted += size * perGroup[group];
      total += size;
    }
    double whole = total == 0 ? figures.pa(figures.everyone(), statement) : weighted / total;
    return new Support(perGroup, whole);
  }

  /** A statement's support: per group and as a whole. */
  public record Support(double[] perGroup, double whole) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Support s && Arrays.equals(perGroup, s.perGroup) && whole == s.whole;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(perGroup) * 31 + Double.hashCode(whole);
    }

    @Override
    public String toString() {
      return "Support[perGroup=" + Arrays.toString(perGroup) + ", whole=" + whole + "]";
    }
  }
}
