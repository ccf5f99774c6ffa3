package dev.chorus.core.question;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A view or an amendment that members vote on.
 *
 * @param authorName display name at the time of writing; null in anonymous questions
 * @param replaces the view this one replaced when its author edited it
 * @param replacedBy the view that replaced this one
 * @param hiddenReason why a facilitator hid it
 * @param amends the draft an amendment proposes to change
 * @param votes recorded votes; the author's implicit agreement is not stored (see {@link #tally()})
 */
public record Statement(
    StatementId id,
    StatementKind kind,
    MemberKey author,
    @Nullable String authorName,
    String text,
    Instant postedAt,
    StatementStatus status,
    @Nullable StatementId replaces,
    @Nullable StatementId replacedBy,
    @Nullable String hiddenReason,
    @Nullable DraftVersion amends,
    Map<MemberKey, StatementChoice> votes) {

  public Statement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    votes = FrozenVotes.of(votes);
  }

  public static Statement posted(
      StatementId id,
      StatementKind kind,
      MemberKey author,
      @Nullable String authorName,
      String text,
      Instant at,
      @Nullable StatementId replaces,
      @Nullable DraftVersion amends) {
    return new Statement(
        id, kind, author, authorName, text, at, StatementStatus.ACTIVE, replaces, null, null, amends, Map.of());
  }

  public boolean active() {
    return status == StatementStatus.ACTIVE;
  }

  /** The member's vote as it counts: a recorded vote wins, otherwise an author agrees with their own words. */
  public @Nullable StatementChoice voteOf(MemberKey member) {
    var recorded = votes.get(member);
    if (recorded != null) {
      return recorded;
    }
    return member.equals(author) ? StatementChoice.AGREE : null;
  }

  public StatementTally tally() {
    int agree = 0;
    int disagree = 0;
    int pass = 0;
    for (var choice : votes.values()) {
      switch (choice) {
        case AGREE -> agree++;
        case DISAGREE -> disagree++;
        case PASS -> pass++;
      }
    }
    if (!votes.containsKey(author)) {
      agree++;
    }
    return new StatementTally(agree, disagree, pass);
  }

  public Statement withVote(MemberKey member, @Nullable StatementChoice choice) {
    return new Statement(id, kind, author, authorName, text, postedAt, status, replaces, replacedBy, hiddenReason, amends,
        FrozenVotes.with(votes, member, choice));
  }

  /** The same statement with exactly these recorded votes, in this order. */
  public Statement withVotes(Map<MemberKey, StatementChoice> recorded) {
    return new Statement(
        id, kind, author, authorName, text, postedAt, status, replaces, replacedBy, hiddenReason, amends, recorded);
  }

  public Statement replacedBy(StatementId successor) {
    return new Statement(
        id, kind, author, authorName, text, postedAt, StatementStatus.REPLACED, replaces, successor,
        hiddenReason, amends, votes);
  }

  /** Withdrawn by its author: the words and the votes on them are dropped, only the number stays. */
  public Statement withdrawn() {
    return new Statement(
        id, kind, author, authorName, "", postedAt, StatementStatus.WITHDRAWN, replaces, replacedBy, null,
        amends, Map.of());
  }

  /**
   * Its author asked to be forgotten: no words, no name, no reason and no votes are kept, only the
   * number (so the thread's numbering still reads).
   *
   * @param keptAs who it is left under: {@link MemberKey#FORGOTTEN} where the author was known by their
   *     platform id; a pseudonym may stay, since it names nobody
   */
  public Statement forgotten(MemberKey keptAs) {
    return new Statement(
        id, kind, keptAs, null, "", postedAt, StatementStatus.WITHDRAWN, replaces, replacedBy, null, amends, Map.of());
  }

  /** Whether nothing of its author's is left in it to forget. */
  public boolean alreadyForgotten() {
    return status == StatementStatus.WITHDRAWN && text.isEmpty() && authorName == null && hiddenReason == null;
  }

  public Statement hidden(String reason) {
    return new Statement(
        id, kind, author, authorName, text, postedAt, StatementStatus.HIDDEN, replaces, replacedBy, reason,
        amends, votes);
  }

  /** One line for a statement's tally. */
  public record StatementTally(int agree, int disagree, int pass) implements Tally {
    public int total() {
      return agree + disagree + pass;
    }

    public String inWords() {
      return agree + " agree, " + disagree + " disagree, " + pass + " pass";
    }
  }
}
