package dev.chorus.core.analysis;

/** A way to predict how a member votes on a statement, fitted on the votes seen. */
public interface VotePredictor {

  /** Fits on the votes and returns the predictions. */
  Fitted fit(VoteMatrix votes);

  /** Predictions of a fitted model. */
  interface Fitted {
    /** +1 (agree) or −1 (disagree). */
    int predict(int member, int statement);
  }

  /** The statement's majority over everyone who voted on it (a tie predicts agree). */
  static VotePredictor statementMajority() {
    return votes -> {
      var noGroups = new int[votes.members()];
      java.util.Arrays.fill(noGroups, -1);
      var figures = StatementFigures.of(votes, noGroups, 0);
      return (member, statement) -> sign(figures.agree(figures.everyone(), statement), figures.disagree(figures.everyone(), statement));
    };
  }

  /**
   * The majority within the member's group; members in no group, and groups that never saw the
   * statement, fall back to the statement's majority.
   */
  static VotePredictor groupMajority(int[] groupOf, int groups) {
    return votes -> fittedGroups(votes, groupOf, groups);
  }

  private static Fitted fittedGroups(VoteMatrix votes, int[] groupOf, int groups) {
    var figures = StatementFigures.of(votes, groupOf, groups);
    return (member, statement) -> {
      int g = member < groupOf.length ? groupOf[member] : -1;
      if (g >= 0 && figures.agree(g, statement) != figures.disagree(g, statement)) {
        return sign(figures.agree(g, statement), figures.disagree(g, statement));
      }
      return sign(figures.agree(figures.everyone(), statement), figures.disagree(figures.everyone(), statement));
    };
  }

  private static int sign(int agree, int disagree) {
    return agree >= disagree ? 1 : -1;
  }
}
