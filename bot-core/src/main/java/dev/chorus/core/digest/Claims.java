package dev.chorus.core.digest;

import dev.chorus.core.community.CommunityId;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * Who does a scheduled job. A replica claims the job for a lease before doing it and marks it done
 * after; a claim of a replica that died runs out with its lease, and another replica does the job.
 * May throw {@link dev.chorus.core.question.StoreUnavailableException}.
 */
public interface Claims {

  /** What a claim found. */
  enum Taken {
    /** This replica now holds the job. */
    CLAIMED,
    /** Another replica holds it for its lease: if that replica dies, the job comes back after it. */
    HELD,
    /** Done already. */
    DONE
  }

  /** Claims the job for the lease, if nobody holds it and it is not done. */
  Taken take(CommunityId community, String job, Duration lease);

  /** True when this replica now holds the job; false when another holds it or it is done. */
  default boolean claim(CommunityId community, String job, Duration lease) {
    return take(community, job, lease) == Taken.CLAIMED;
  }

  /**
   * Which of these jobs are done, in one look: a pass skips them without a claim each (members
   * already reminded, in the day before a deadline).
   */
  Set<String> doneAmong(CommunityId community, Collection<String> jobs);

  /** The job is done and stays done for {@code keep}. */
  void done(CommunityId community, String job, Duration keep);

  /** The job was not done after all (its post was refused): anyone may claim it again at once. */
  void release(CommunityId community, String job);
}
