package dev.chorus.core.digest;

import dev.chorus.core.command.Command.Cadence;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What each member chose: a personal digest, and whether to be reminded. A member who chose
 * nothing gets no personal digest and does get reminders. May throw
 * {@link dev.chorus.core.question.StoreUnavailableException}.
 */
public interface MemberPreferences {

  Preferences of(CommunityId community, MemberId member);

  void save(CommunityId community, MemberId member, Preferences preferences);

  /** Every member of the community who chose something. */
  Map<MemberId, Preferences> chosenIn(CommunityId community);

  /**
   * @param personalSince when the personal digest was turned on: none is due for a time before it
   */
  record Preferences(Cadence personalDigest, Instant personalSince, boolean reminders) {
    public static final Preferences DEFAULTS = new Preferences(Cadence.OFF, Instant.EPOCH, true);

    public Preferences {
      Objects.requireNonNull(personalDigest, "personalDigest");
      Objects.requireNonNull(personalSince, "personalSince");
    }
  }
}
