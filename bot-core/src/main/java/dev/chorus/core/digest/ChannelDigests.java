package dev.chorus.core.digest;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.QuestionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The channels that get a digest, each with its schedule and what the last digest showed, so the
 * next one can say what is new. May throw {@link dev.chorus.core.question.StoreUnavailableException}.
 */
public interface ChannelDigests {

  Optional<ChannelDigest> find(CommunityId community, ChannelId channel);

  /** Every channel of the community that has a digest. */
  List<ChannelDigest> scheduled(CommunityId community);

  void save(CommunityId community, ChannelDigest digest);

  /**
   * Saves what a digest that went out (or was skipped) counted, only if the channel's schedule is
   * still the one it was sent under (same {@code since}): a facilitator's change or {@code off} made
   * meanwhile is never undone by the schedule's bookkeeping.
   *
   * @return false when the schedule changed or was turned off meanwhile, and nothing was saved
   */
  boolean saveIfStillScheduled(CommunityId community, ChannelDigest digest);

  void remove(CommunityId community, ChannelId channel);

  /**
   * @param since when the schedule was set: no digest is due for a time before it
   * @param lastSent the due time of the last digest handled (posted, or found with nothing new)
   * @param shown per open question, what the last posted digest counted
   * @param setBy the member who set it, who may change it again; null when it was set before this was kept
   */
  record ChannelDigest(
      ChannelId channel, DigestSchedule schedule, Instant since, @Nullable Instant lastSent,
      Map<QuestionId, Activity> shown, @Nullable MemberId setBy) {
    public ChannelDigest {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(since, "since");
      shown = Map.copyOf(shown);
    }

    public ChannelDigest(ChannelId channel, DigestSchedule schedule, Instant since, @Nullable Instant lastSent,
        Map<QuestionId, Activity> shown) {
      this(channel, schedule, since, lastSent, shown, null);
    }
  }

  /** How much a question had: views that count, votes on its statements, drafts. */
  record Activity(int views, int votes, int drafts) {
    public static final Activity NONE = new Activity(0, 0, 0);
  }
}
