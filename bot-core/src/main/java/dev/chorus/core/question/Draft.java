package dev.chorus.core.question;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A numbered version of the joint response.
 *
 * @param writtenBy the facilitator who wrote it (null when anonymous or written by Chorus)
 * @param byChorus composed by Chorus from the analysis rather than written by hand
 */
public record Draft(
    DraftVersion version,
    String text,
    @Nullable String writtenBy,
    boolean byChorus,
    Instant postedAt,
    Map<MemberKey, DraftBallot> ballots) {

  public Draft {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(text, "text");
    ballots = FrozenVotes.of(ballots);
  }

  public DraftTally tally() {
    int agree = 0;
    int abstain = 0;
    int disagree = 0;
    int block = 0;
    for (var ballot : ballots.values()) {
      switch (ballot.choice()) {
        case AGREE -> agree++;
        case ABSTAIN -> abstain++;
        case DISAGREE -> disagree++;
        case BLOCK -> block++;
      }
    }
    return new DraftTally(agree, abstain, disagree, block);
  }

  public Draft withBallot(MemberKey member, @Nullable DraftBallot ballot) {
    return new Draft(version, text, writtenBy, byChorus, postedAt, FrozenVotes.with(ballots, member, ballot));
  }

  /** The same draft with exactly these ballots, in this order. */
  public Draft withBallots(Map<MemberKey, DraftBallot> recorded) {
    return new Draft(version, text, writtenBy, byChorus, postedAt, recorded);
  }

  /** Votes on a draft, one per member. */
  public record DraftTally(int agree, int abstain, int disagree, int block) implements Tally {
    public int voters() {
      return agree + abstain + disagree + block;
    }

    /** The tally in words, the same wherever it is shown. */
    public String inWords() {
      return agree + " agree, " + abstain + " abstain, " + disagree + " disagree, " + block + " block";
    }

    public int nonAbstaining() {
      return agree + disagree + block;
    }
  }
}
