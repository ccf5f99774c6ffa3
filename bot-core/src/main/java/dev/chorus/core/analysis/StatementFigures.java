package dev.chorus.core.analysis;

/**
 * The per-statement figures for each group and for everyone: agree, disagree and
 * pass counts, Laplace-smoothed rates, the one-proportion tests, and each group against the rest.
 */
public final class StatementFigures {
  /** One-sided 90 % significance. */
  public static final double Z_90 = 1.2816;

  private final int groups;
  private final int statements;
  // [group][statement]; the last row (index groups) is everyone, counting members in no group too.
  private final int[][] agree;
  private final int[][] disagree;
  private final int[][] pass;

  private StatementFigures(int groups, int statements) {
    this.groups = groups;
    this.statements = statements;
    agree = new int[groups + 1][statements];
    disagree = new int[groups + 1][statements];
    pass = new int[groups + 1][statements];
  }

  public static StatementFigures of(VoteMatrix votes, int[] groupOf, int groups) {
    var figures = new StatementFigures(groups, votes.statements());
    for (int i = 0; i < votes.members(); i++) {
      int g = groupOf[i];
      for (int r = votes.rowFrom(i); r < votes.rowTo(i); r++) {
        int j = votes.statementAt(r);
        int v = votes.valueAt(r);
        figures.count(groups, j, v);
        if (g >= 0) {
          figures.count(g, j, v);
        }
      }
    }
    return figures;
  }

  private void count(int row, int statement, int vote) {
    if (vote > 0) {
      agree[row][statement]++;
    } else if (vote < 0) {
      disagree[row][statement]++;
    } else {
      pass[row][statement]++;
    }
  }

  public int groups() {
    return groups;
  }

  public int statements() {
    return statements;
  }

  /** The row index of "everyone". */
  public int everyone() {
    return groups;
  }

  public int agree(int group, int statement) {
    return agree[group][statement];
  }

  public int disagree(int group, int statement) {
    return disagree[group][statement];
  }

  public int pass(int group, int statement) {
    return pass[group][statement];
  }

  public int seen(int group, int statement) {
    return agree[group][statement] + disagree[group][statement] + pass[group][statement];
  }

  /** Agree rate {@code (A + 1)/(S + 2)}. */
  public double pa(int group, int statement) {
    return (agree[group][statement] + 1.0) / (seen(group, statement) + 2.0);
  }

  public double pd(int group, int statement) {
    return (disagree[group][statement] + 1.0) / (seen(group, statement) + 2.0);
  }

  /** One-proportion test of agreement against one half. */
  public double pat(int group, int statement) {
    return proportionTest(agree[group][statement], seen(group, statement));
  }

  public double pdt(int group, int statement) {
    return proportionTest(disagree[group][statement], seen(group, statement));
  }

  /** Group's agree rate over the rest's (the rest: members of the other groups). */
  public double ra(int group, int statement) {
    return pa(group, statement) / restRate(agreeRest(group, statement), seenRest(group, statement));
  }

  public double rd(int group, int statement) {
    return pd(group, statement) / restRate(disagreeRest(group, statement), seenRest(group, statement));
  }

  /** Two-proportion z-test of the group's agreement against the rest's, +1 added to all four counts. */
  public double rat(int group, int statement) {
    return twoProportionTest(agree[group][statement], seen(group, statement), agreeRest(group, statement),
        seenRest(group, statement));
  }

  public double rdt(int group, int statement) {
    return twoProportionTest(disagree[group][statement], seen(group, statement), disagreeRest(group, statement),
        seenRest(group, statement));
  }

  private int agreeRest(int group, int statement) {
    int sum = 0;
    for (int g = 0; g < groups; g++) {
      if (g != group) {
        sum += agree[g][statement];
      }
    }
    return sum;
  }

  private int disagreeRest(int group, int statement) {
    int sum = 0;
    for (int g = 0; g < groups; g++) {
      if (g != group) {
        sum += disagree[g][statement];
      }
    }
    return sum;
  }

  private int seenRest(int group, int statement) {
    int sum = 0;
    for (int g = 0; g < groups; g++) {
      if (g != group) {
        sum += seen(g, statement);
      }
    }
    return sum;
  }

  private static double restRate(int successes, int seen) {
    return (successes + 1.0) / (seen + 2.0);
  }

  static double proportionTest(int successes, int seen) {
    return 2 * Math.sqrt(seen + 1.0) * ((successes + 1.0) / (seen + 1.0) - 0.5);
  }

  static double twoProportionTest(int successesIn, int seenIn, int successesOut, int seenOut) {
    double s1 = successesIn + 1.0;
    double n1 = seenIn + 1.0;
    double s2 = successesOut + 1.0;
    double n2 = seenOut + 1.0;
    double p1 = s1 / n1;
    double p2 = s2 / n2;
    double p = (s1 + s2) / (n1 + n2);
    double spread = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
    return spread == 0 ? 0 : (p1 - p2) / spread;
  }
}
