package dev.chorus.core.question;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What was published when the question closed. Reopening keeps it as history.
 *
 * @param draft the draft the outcome is about; null when the question closed without one
 * @param draftText that draft's text, kept with the outcome
 * @param tally the votes on that draft at close
 * @param membersWithView members who had shared a view (the quorum's base)
 * @param quorum votes needed for quorum
 * @param thresholds the rules in force, shown with the outcome
 * @param dissent blocks first, then the views of those who did not agree
 * @param closedBy facilitator's name; null in anonymous questions
 * @param estimate the group-weighted support estimate; null when there was no draft or no vote on it
 */
public record Outcome(
    @Nullable DraftVersion draft,
    String draftText,
    SupportLevel level,
    Draft.DraftTally tally,
    int membersWithView,
    int quorum,
    Thresholds thresholds,
    List<Dissent> dissent,
    Instant closedAt,
    @Nullable String closedBy,
    @Nullable SupportEstimate estimate) {

  public Outcome {
    Objects.requireNonNull(level, "level");
    dissent = List.copyOf(dissent);
  }

  public Outcome withEstimate(@Nullable SupportEstimate newEstimate) {
    return new Outcome(draft, draftText, level, tally, membersWithView, quorum, thresholds, dissent, closedAt, closedBy,
        newEstimate);
  }

  /**
   * The group-weighted estimate of a draft's support: each opinion group's share of
   * agreeing votes, and the whole as their mean weighted by group size, so a group that votes more
   * does not weigh more. Shown beside the members' own tally, never instead of it.
   *
   * @param perGroup each group's share of agree among its members' votes on the draft; NaN where none voted
   */
  public record SupportEstimate(List<Double> perGroup, double whole) {
    public SupportEstimate {
      perGroup = List.copyOf(perGroup);
    }
  }

  public boolean quorumMet() {
    return tally.voters() >= quorum;
  }

  /** The outcome thresholds, settings of the deployment. */
  public record Thresholds(double broadSupport, double majority) {
    public static final Thresholds DEFAULTS = new Thresholds(0.75, 0.5);

    public Thresholds {
      if (!(broadSupport > 0 && broadSupport <= 1) || !(majority > 0 && majority < 1) || majority > broadSupport) {
        throw new IllegalArgumentException(
            "thresholds need 0 < majority < 1, majority <= broad support <= 1; got " + majority + ", " + broadSupport);
      }
    }
  }

  /**
   * One entry of the record of dissent.
   *
   * @param who the member's name; null in anonymous questions
   * @param words their block reason or their own view
   */
  public record Dissent(Kind kind, @Nullable String who, String words) {
    public enum Kind {
      BLOCK,
      DISAGREE,
      MINORITY_VIEW
    }
  }
}
