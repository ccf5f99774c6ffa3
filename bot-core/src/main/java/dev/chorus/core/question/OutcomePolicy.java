package dev.chorus.core.question;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The level of support, from the members' own votes on one draft (one member, one
 * vote), and the record of dissent.
 */
public final class OutcomePolicy {
  private final Outcome.Thresholds thresholds;

  public OutcomePolicy(Outcome.Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /** Half of the members who shared a view, rounded up. */
  public static int quorum(int membersWithView) {
    return (membersWithView + 1) / 2;
  }

  public SupportLevel level(Draft.DraftTally tally, int membersWithView) {
    var quorumMet = tally.voters() >= quorum(membersWithView) && tally.voters() > 0;
    var nonAbstaining = tally.nonAbstaining();
    if (!quorumMet || nonAbstaining == 0 || tally.agree() == 0) {
      return SupportLevel.NO_CONSENSUS;
    }
    if (tally.block() == 0 && tally.disagree() == 0) {
      return SupportLevel.CONSENSUS;
    }
    if (tally.block() == 0 && compare(tally.agree(), thresholds.broadSupport(), nonAbstaining) >= 0) {
      return SupportLevel.BROAD_SUPPORT;
    }
    if (compare(tally.agree(), thresholds.majority(), nonAbstaining) > 0) {
      return SupportLevel.MAJORITY;
    }
    return SupportLevel.NO_CONSENSUS;
  }

  /**
   * The rule that gave {@link #level} its answer, with the numbers that met it or fell short, in the
   * same order of tests, so a reader can check the outcome by hand.
   */
  public String explain(Draft.DraftTally tally, int membersWithView) {
    int quorum = quorum(membersWithView);
    var nonAbstaining = tally.nonAbstaining();
    var level = level(tally, membersWithView);
    var quorumPart = tally.voters() + " members voted; the quorum is " + quorum + ", half of the " + membersWithView
        + " members who shared a view, rounded up";
    if (tally.voters() < quorum || tally.voters() == 0) {
      return "No consensus: too few votes. " + quorumPart + ".";
    }
    if (nonAbstaining == 0) {
      return "No consensus: every vote was an abstention. " + quorumPart + ".";
    }
    if (tally.agree() == 0) {
      return "No consensus: no member agreed. " + quorumPart + ".";
    }
    var agreeShare = tally.agree() + " of the " + nonAbstaining + " members who did not abstain agreed";
    return switch (level) {
      case CONSENSUS -> "Consensus: " + tally.agree() + " agreed, and no one disagreed or blocked. " + quorumPart + ".";
      case BROAD_SUPPORT -> "Broad support: no one blocked, and " + agreeShare + ", at least "
          + percent(thresholds.broadSupport()) + " of them. " + quorumPart + ".";
      case MAJORITY -> "Majority: " + agreeShare + ", more than " + percent(thresholds.majority()) + " of them"
          + (tally.block() > 0 ? "; " + tally.block() + " blocked, which rules out broad support"
              : ", but fewer than " + percent(thresholds.broadSupport()) + " needed for broad support")
          + ". " + quorumPart + ".";
      case NO_CONSENSUS -> "No consensus: " + agreeShare + ", not more than " + percent(thresholds.majority())
          + " of them. " + quorumPart + ".";
    };
  }

  private static String percent(double share) {
    return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** Compares votes with a share of a total exactly: 0.7 × 90 is 63, not 62.999…. */
  private static int compare(int votes, double share, int total) {
    return BigDecimal.valueOf(votes).compareTo(BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(total)));
  }

  /** The outcome of closing the question on the draft (or with none). */
  public Outcome evaluate(Question question, Optional<Draft> draft, Instant closedAt, @Nullable String closedBy) {
    var members = question.membersWithView().size();
    if (draft.isEmpty()) {
      return new Outcome(null, "", SupportLevel.NO_CONSENSUS, new Draft.DraftTally(0, 0, 0, 0), members,
          quorum(members), thresholds, java.util.List.of(), closedAt, closedBy, null);
    }
    var chosen = draft.get();
    var tally = chosen.tally();
    var dissent = new ArrayList<Outcome.Dissent>();
    chosen.ballots().forEach((member, ballot) -> {
      if (ballot.choice() == DraftChoice.BLOCK) {
        dissent.add(new Outcome.Dissent(Outcome.Dissent.Kind.BLOCK, ballot.voterName(),
            ballot.reason() == null ? "" : ballot.reason()));
      }
    });
    chosen.ballots().forEach((member, ballot) -> {
      // In an anonymous question a disagreement is only counted: quoting the disagreeing member's own
      // view would tie that view to a vote.
      if (ballot.choice() == DraftChoice.DISAGREE && !question.anonymous()) {
        var view = question.viewOf(member).map(Statement::text).orElse("");
        dissent.add(new Outcome.Dissent(Outcome.Dissent.Kind.DISAGREE, ballot.voterName(), view));
      }
    });
    return new Outcome(chosen.version(), chosen.text(), level(tally, members), tally, members, quorum(members),
        thresholds, dissent, closedAt, closedBy, null);
  }
}
