package dev.chorus.core.digest;

import dev.chorus.core.community.CommunityId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When each community next needs the schedule. A pass looks only at the communities due by now, so
 * what it costs follows the work that is due, not how many communities and questions are held. Each
 * store that changes what may come due (a deadline, a digest, a member's choice) says so with
 * {@link #lookSoon}; after a pass, {@link #looked} sets the community's next look, unless something
 * changed meanwhile. May throw {@link dev.chorus.core.question.StoreUnavailableException}.
 */
public interface Agenda {

  /**
   * A community due for a look, with a mark of what the agenda knew when it was read.
   *
   * @param mark changes to the community counted so far; {@link #looked} compares it
   */
  record Due(CommunityId community, long mark) {}

  /** The communities whose next look is at or before {@code now}. */
  List<Due> dueBy(Instant now);

  /**
   * A pass looked at the community: its next look is at {@code next}, or only after a change when
   * null. When the community changed since {@code due} was read, it stays due, so a pass looks again.
   */
  void looked(Due due, @Nullable Instant next);

  /** Something in the community changed that may bring work forward: the next pass looks at it. */
  void lookSoon(CommunityId community);

  /** Every one of these communities is looked at by the next pass: the repair at start-up. */
  default void lookAtAll(Collection<CommunityId> communities) {
    communities.forEach(this::lookSoon);
  }

  /**
   * No agenda kept: every community with a question is looked at by every pass, as the store lists
   * them. For stores that keep none; correct, and as costly as the history is long.
   */
  static Agenda everyCommunity(dev.chorus.core.question.Questions questions) {
    return new Agenda() {
      @Override
      public List<Due> dueBy(Instant now) {
        return questions.communities().stream().map(c -> new Due(c, 0)).toList();
      }

      @Override
      public void looked(Due due, @Nullable Instant next) {}

      @Override
      public void lookSoon(CommunityId community) {}
    };
  }
}
