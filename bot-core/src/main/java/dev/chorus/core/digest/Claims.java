package dev.chorus.core.digest;

import dev.chorus.core.community.CommunityId;
import java.time.Duration;

/**
 * Who does a scheduled job. A replica claims the job for a lease before doing it and marks it done
 * after; a claim of a replica that died runs out with its lease, and another replica does the job.
 * May throw {@link dev.chorus.core.question.StoreUnavailableException}.
 */
public interface Claims {

  /** True when this replica now holds the job; false when another holds it or it is done. */
  boolean claim(CommunityId community, String job, Duration lease);

  /** The job is done and stays done for {@code keep}. */
  void done(CommunityId community, String job, Duration keep);

  /** The job was not done after all (its post was refused): anyone may claim it again at once. */
  void release(CommunityId community, String job);
}
