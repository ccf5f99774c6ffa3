package dev.chorus.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.app.store.RedisFixture;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.Command.Cadence;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelDigests;
import dev.chorus.core.digest.DigestSchedule;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.OutcomePolicy;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.MutableClock;
import dev.chorus.testkit.RecordingChat;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.protocol.ProtocolKeyword;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule pass costs what is due, not what is held: with nothing due it makes the same few Redis
 * calls whether the communities hold a few closed questions or thousands. Counted on a real Redis,
 * round trip by round trip. Reconciling votes with the platform is work of its own and not counted.
 */
class SchedulePassCostIT {
  private static final int COMMUNITIES = 20;
  private static final ChannelId CHANNEL = new ChannelId("general");
  /** A Sunday; each community's open question has its deadline on Wednesday, its digest comes on Friday. */
  private static final Instant START = Instant.parse("2027-01-10T09:00:00Z");

  @TempDir
  Path data;

  /** Round trips of one pass with nothing due, of one pass in the day before the deadlines, and the reminders sent. */
  private record Cost(long nothingDue, long reminding, int reminders) {}

  @Test
  void aPassWithNothingDueMakesTheSameFewCallsWhateverTheHistoryHolds() {
    var small = measure(data.resolve("small"), 2);
    var large = measure(data.resolve("large"), 250);

    System.out.printf("schedule pass with nothing due: %d Redis round trips with %d closed questions, %d with %d%n",
        small.nothingDue(), 2 * COMMUNITIES, large.nothingDue(), 250 * COMMUNITIES);
    assertThat(large.nothingDue()).as("the same whatever the history").isEqualTo(small.nothingDue());
    assertThat(large.nothingDue()).as("reading the agenda, and nothing else").isEqualTo(1);
    // The counter counts: a pass with work due makes calls, and does the work.
    assertThat(large.reminders()).isEqualTo(COMMUNITIES * 2);
    assertThat(large.reminding()).isGreaterThan(COMMUNITIES);
    assertThat(large.reminding()).as("the history costs nothing here either").isEqualTo(small.reminding());
  }

  private Cost measure(Path dir, int closedPerCommunity) {
    var trips = new AtomicLong();
    CommandLatencyRecorder counter = new CommandLatencyRecorder() {
      @Override
      public void recordCommandLatency(SocketAddress local, SocketAddress remote, ProtocolKeyword type,
          long firstResponse, long completion) {
        trips.incrementAndGet();
      }
    };
    try (var fixture = new RedisFixture(dir, counter)) {
      var clock = MutableClock.at(START.toString());
      var stores = RedisConfiguration.stores(fixture.redis, clock);
      for (int c = 0; c < COMMUNITIES; c++) {
        var community = new CommunityId("cost:T" + c);
        var questions = new ArrayList<Question>();
        for (int q = 1; q <= closedPerCommunity; q++) {
          questions.add(closed(community, q));
          if (questions.size() == 50) {
            stores.questions().commit(community, List.copyOf(questions), null);
            questions.clear();
          }
        }
        questions.add(open(community, closedPerCommunity + 1));
        stores.questions().commit(community, questions, null);
        stores.channelDigests().save(community, new ChannelDigests.ChannelDigest(CHANNEL,
            new DigestSchedule(Cadence.WEEKLY, DayOfWeek.FRIDAY, LocalTime.of(9, 0), ZoneOffset.UTC), START, null,
            Map.of(), new MemberId("ana")));
      }
      var chat = new RecordingChat();
      var schedule = new RunSchedule(stores, (community, channel) -> Optional.of(Set.of(new MemberId("ana"),
          new MemberId("ben"))), chat, new Pseudonyms(Conversation.TEST_SECRET), clock, Settings.DEFAULTS,
          RunSchedule.Timing.DEFAULTS, Observer.NONE);
      // The first pass of a process looks at every community once (the repair), the next settles.
      schedule.run();
      clock.advance(Duration.ofMinutes(1));
      schedule.run();

      clock.advance(Duration.ofMinutes(1));
      long before = trips.get();
      assertThat(schedule.run()).isEqualTo(RunSchedule.Report.NONE);
      long nothingDue = trips.get() - before;

      // Into the day before Wednesday's deadlines: everyone without a view is reminded.
      clock.set(START.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(1)));
      before = trips.get();
      var report = schedule.run();
      return new Cost(nothingDue, trips.get() - before, report.reminders());
    }
  }

  private static Question open(CommunityId community, int number) {
    var opener = new MemberKey("U-opener");
    return new Question(community, new QuestionId(number), CHANNEL, 0, "Open " + number, "", "",
        START.plus(Duration.ofDays(3)), false, opener, "opener", "", START, QuestionStatus.OPEN, List.of(), List.of(),
        List.of());
  }

  private static Question closed(CommunityId community, int number) {
    var opener = new MemberKey("U-opener");
    var openedAt = START.minus(Duration.ofDays(40 + number % 100));
    var question = new Question(community, new QuestionId(number), CHANNEL, 0, "Closed " + number, "", "",
        openedAt.plus(Duration.ofDays(3)), false, opener, "opener", "", openedAt, QuestionStatus.OPEN, List.of(),
        List.of(), List.of());
    Outcome outcome = new OutcomePolicy(Outcome.Thresholds.DEFAULTS).evaluate(question, Optional.empty(),
        openedAt.plus(Duration.ofDays(3)), "opener");
    return question.closedWith(outcome);
  }
}
