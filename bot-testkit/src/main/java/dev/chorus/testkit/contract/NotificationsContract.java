package dev.chorus.testkit.contract;

import org.jspecify.annotations.Nullable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.command.Command.Cadence;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.digest.ChannelDigests;
import dev.chorus.core.digest.Claims;
import dev.chorus.core.digest.DigestSchedule;
import dev.chorus.core.digest.MemberPreferences;
import dev.chorus.core.question.QuestionId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every store of digest schedules, members' choices and job claims must do. Each test uses
 * communities of its own.
 */
public abstract class NotificationsContract {
  private static int communities;

  protected abstract ChannelDigests channelDigests();

  protected abstract MemberPreferences memberPreferences();

  protected abstract Claims claims();

  /** Lets a lease of the given length run out (moves a test clock, or waits). */
  protected abstract void passTime(Duration duration) throws InterruptedException;

  private static CommunityId freshCommunity() {
    return new CommunityId("notifications:" + System.nanoTime() + ":" + (++communities) + ":{odd}%");
  }

  private static final ChannelId CHANNEL = new ChannelId("C{1}%");

  private static ChannelDigests.ChannelDigest digest(@Nullable Instant lastSent) {
    return new ChannelDigests.ChannelDigest(CHANNEL,
        new DigestSchedule(Cadence.WEEKLY, DayOfWeek.FRIDAY, LocalTime.of(17, 30), ZoneId.of("America/New_York")),
        Instant.parse("2027-03-20T00:00:00Z"), lastSent,
        Map.of(new QuestionId(3), new ChannelDigests.Activity(4, 17, 2), new QuestionId(12), ChannelDigests.Activity.NONE));
  }

  @Test
  void aChannelDigestReadsBackWholeAndIsRemoved() {
    var community = freshCommunity();
    assertThat(channelDigests().find(community, CHANNEL)).isEmpty();
    var saved = digest(null);
    channelDigests().save(community, saved);
    assertThat(channelDigests().find(community, CHANNEL)).contains(saved);
    var later = digest(Instant.parse("2027-03-26T21:30:00Z"));
    channelDigests().save(community, later);
    assertThat(channelDigests().scheduled(community)).containsExactly(later);
    channelDigests().remove(community, CHANNEL);
    assertThat(channelDigests().scheduled(community)).isEmpty();
    assertThat(channelDigests().find(freshCommunity(), CHANNEL)).isEmpty();
  }

  @Test
  void aMembersChoicesReadBackAndDefaultWhenNoneWasMade() {
    var community = freshCommunity();
    var member = new MemberId("U{9}%");
    assertThat(memberPreferences().of(community, member)).isEqualTo(MemberPreferences.Preferences.DEFAULTS);
    assertThat(memberPreferences().chosenIn(community)).isEmpty();
    var chosen = new MemberPreferences.Preferences(Cadence.DAILY, Instant.parse("2027-03-20T08:15:30Z"), false);
    memberPreferences().save(community, member, chosen);
    assertThat(memberPreferences().of(community, member)).isEqualTo(chosen);
    assertThat(memberPreferences().chosenIn(community)).isEqualTo(Map.of(member, chosen));
    assertThat(memberPreferences().chosenIn(freshCommunity())).isEmpty();
  }

  @Test
  void aJobIsClaimedByOneAndStaysDoneOnceDone() {
    var community = freshCommunity();
    var job = "digest:C{1}%:1774000000";
    assertThat(claims().claim(community, job, Duration.ofMinutes(5))).isTrue();
    assertThat(claims().claim(community, job, Duration.ofMinutes(5))).isFalse();
    claims().done(community, job, Duration.ofDays(40));
    assertThat(claims().claim(community, job, Duration.ofMinutes(5))).isFalse();
    // The same job name in another community is another job.
    assertThat(claims().claim(freshCommunity(), job, Duration.ofMinutes(5))).isTrue();
  }

  @Test
  void theSchedulesBookkeepingNeverUndoesAFacilitatorsChange() {
    var community = freshCommunity();
    var channel = new ChannelId("general");
    var schedule = new DigestSchedule(Cadence.DAILY, DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("UTC"));
    var set = new ChannelDigests.ChannelDigest(channel, schedule, Instant.parse("2026-11-02T09:00:00Z"), null, Map.of());
    channelDigests().save(community, set);
    var sent = new ChannelDigests.ChannelDigest(channel, schedule, set.since(), Instant.parse("2026-11-03T09:00:00Z"),
        Map.of());
    assertThat(channelDigests().saveIfStillScheduled(community, sent)).isTrue();
    assertThat(channelDigests().find(community, channel)).contains(sent);
    // Set anew by a facilitator: the pass that read the old one saves nothing.
    var reset = new ChannelDigests.ChannelDigest(channel, schedule, Instant.parse("2026-11-03T10:00:00Z"), null, Map.of());
    channelDigests().save(community, reset);
    assertThat(channelDigests().saveIfStillScheduled(community, sent)).isFalse();
    assertThat(channelDigests().find(community, channel)).contains(reset);
    // Turned off: it stays off.
    channelDigests().remove(community, channel);
    assertThat(channelDigests().saveIfStillScheduled(community, sent)).isFalse();
    assertThat(channelDigests().find(community, channel)).isEmpty();
  }

  @Test
  void aReleasedClaimCanBeClaimedAgainAtOnceButADoneJobStaysDone() {
    var community = freshCommunity();
    assertThat(claims().claim(community, "sent:digest:1", Duration.ofMinutes(5))).isTrue();
    claims().release(community, "sent:digest:1");
    assertThat(claims().claim(community, "sent:digest:1", Duration.ofMinutes(5))).isTrue();
    claims().done(community, "sent:digest:1", Duration.ofDays(40));
    claims().release(community, "sent:digest:1");
    assertThat(claims().claim(community, "sent:digest:1", Duration.ofMinutes(5))).as("done stays done").isFalse();
  }

  @Test
  void aClaimWhoseHolderNeverFinishedRunsOutWithItsLease() throws InterruptedException {
    var community = freshCommunity();
    var job = "close:Q1:1774000000";
    assertThat(claims().claim(community, job, Duration.ofSeconds(1))).isTrue();
    passTime(Duration.ofMillis(1_300));
    assertThat(claims().claim(community, job, Duration.ofSeconds(1))).isTrue();
  }
}
