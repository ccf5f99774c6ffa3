package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.anonymity.Pseudonyms;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fifteen simulated days, three channels in two time zones, across the spring daylight-saving
 * change in Berlin, with two replicas running the schedule every ten minutes on the same stores.
 */
class ScheduleTest {
  private static final Instant START = Instant.parse("2027-03-20T00:00:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** What a replica's schedule sent, and when. */
  record Sent(Instant at, Destination to, String text, String once) {
    boolean inChannel(String channel) {
      return to instanceof Destination.Channel c && c.channel().value().equals(channel);
    }
  }

  private final Conversation chat = Conversation.start();
  private final List<Sent> sent = new ArrayList<>();
  private final Map<ChannelId, Set<MemberId>> members = new HashMap<>();

  private Chat timed() {
    var platform = chat.chat();
    return new Chat() {
      @Override
      public PostedMessage post(CommunityId community, Destination destination, Card card) {
        throw new AssertionError("a scheduled message is posted with a key that makes it go out once");
      }

      @Override
      public PostedMessage postOnce(CommunityId community, Destination destination, Card card, String once) {
        synchronized (sent) {
          sent.add(new Sent(chat.clock().instant(), destination, card.plainText(), once));
        }
        return platform.post(community, destination, card);
      }

      @Override
      public void edit(CommunityId community, PostedMessage message, Card card) {
        platform.edit(community, message, card);
      }
    };
  }

  private RunSchedule replica() {
    ChannelMembers listed = (community, channel) -> Optional.ofNullable(members.get(channel));
    return new RunSchedule(chat.stores().stores(), listed, timed(), new Pseudonyms(Conversation.TEST_SECRET), chat.clock(),
        Settings.DEFAULTS, RunSchedule.Timing.DEFAULTS, Observer.NONE);
  }

  private MemberId id(String name) {
    return chat.member(name).id();
  }

  @Test
  void aPassLooksOnlyAtWhatIsDueYetADeadlineMovedEarlierOrADigestSetMeanwhileIsMet() {
    chat.clock().set(START);
    var ana = chat.facilitator("ana");
    members.put(chat.channel(), Set.of(id("ana"), id("ben")));
    chat.say(ana, "/respond open Far off --deadline 10d");
    var schedule = replica();
    schedule.run();
    assertThat(chat.stores().agenda().nextLook(chat.community())).as("the day before the deadline")
        .isEqualTo(START.plus(Duration.ofDays(9)));
    chat.clock().advance(Duration.ofHours(1));
    assertThat(chat.stores().agenda().dueBy(chat.clock().instant())).as("nothing due, nothing looked at").isEmpty();

    chat.say(ana, "/respond edit --deadline 2h");
    chat.say(ana, "/respond digest daily 03:00 UTC");
    for (int minutes = 0; minutes <= 24 * 60; minutes += 10) {
      schedule.run();
      chat.clock().advance(Duration.ofMinutes(10));
    }

    assertThat(sent).filteredOn(s -> s.text().startsWith("Q1 closed")).extracting(Sent::at)
        .containsExactly(START.plus(Duration.ofMinutes(180)));
    assertThat(sent).filteredOn(s -> s.to() instanceof Destination.Direct).as("both, who have no view, were reminded once").hasSize(2);
    assertThat(chat.stores().agenda().nextLook(chat.community())).as("the next digest, now the deadline is past")
        .isEqualTo(Instant.parse("2027-03-21T03:00:00Z"));
  }

  @Test
  void fifteenDaysOfDigestsRemindersAndDeadlines() {
    chat.clock().set(START);
    var ana = chat.facilitator("ana");
    members.put(new ChannelId("berlin"), Set.of(id("ana"), id("ben"), id("cem"), id("dora")));
    members.put(new ChannelId("newyork"), Set.of(id("ana"), id("eli"), id("fay")));
    members.put(new ChannelId("weekly"), Set.of(id("ana"), id("ben"), id("cem"), id("dora"), id("eli"), id("fay")));
    var berlin = chat.inChannel("berlin");
    berlin.say(ana, "/respond open Berlin question --deadline 5d");
    berlin.say(ana, "/respond open Berlin without a deadline");
    berlin.say(ana, "/respond #Q1 Ana's view in Berlin");
    berlin.say(ana, "/respond digest daily 02:30 Europe/Berlin");
    var newyork = chat.inChannel("newyork");
    newyork.say(ana, "/respond open New York question --deadline 9d");
    newyork.say(ana, "/respond Ana's view in New York");
    newyork.say(ana, "/respond digest daily 09:00 America/New_York");
    var weekly = chat.inChannel("weekly");
    weekly.say(ana, "/respond open Weekly question --deadline 12d");
    weekly.say(ana, "/respond Ana's view every week");
    weekly.say(ana, "/respond digest weekly friday 17:00 Europe/Berlin");
    assertThat(chat.say(chat.member("dora"), "/respond remind off").text()).contains("Reminders are off");

    // What members do along the way, by when.
    var actions = new TreeMap<Instant, Runnable>();
    actions.put(Instant.parse("2027-03-21T10:00:00Z"), () -> chat.inChannel("berlin").say(chat.member("ben"), "/respond #Q1 Ben agrees mostly"));
    actions.put(Instant.parse("2027-03-22T10:00:00Z"), () -> chat.inChannel("berlin").say(chat.member("cem"), "/respond #Q1 vote V1 agree"));
    actions.put(Instant.parse("2027-03-23T15:00:00Z"), () -> chat.inChannel("newyork").say(chat.member("eli"), "/respond Eli's view"));
    actions.put(Instant.parse("2027-03-27T12:00:00Z"), () -> chat.inChannel("berlin").say(ana, "/respond #Q2 A view without a deadline"));
    actions.put(Instant.parse("2027-03-30T10:00:00Z"), () -> chat.inChannel("weekly").say(chat.member("ben"), "/respond Ben's weekly view"));

    var one = replica();
    var two = replica();
    var end = START.plus(Duration.ofDays(15));
    for (var now = START; now.isBefore(end); now = now.plus(Duration.ofMinutes(10))) {
      chat.clock().set(now);
      for (var due : actions.headMap(now, true).values()) {
        due.run();
      }
      actions.headMap(now, true).clear();
      // Both replicas look every time, in turns, as two would every minute.
      if (now.getEpochSecond() / 600 % 2 == 0) {
        one.run();
        two.run();
      } else {
        two.run();
        one.run();
      }
    }

    // Every scheduled message had a key of its own, for platforms that can refuse a second try.
    assertThat(sent).extracting(Sent::once).doesNotHaveDuplicates();
    // Deadlines: each question closed once, at its deadline, with its outcome posted once.
    var outcomes = sent.stream().filter(s -> s.text().matches("(?s)Q\\d closed: .*")).toList();
    assertThat(outcomes).extracting(s -> s.text().substring(0, 2) + " " + s.at()).containsExactly(
        "Q1 2027-03-25T00:00:00Z", "Q3 2027-03-29T00:00:00Z", "Q4 2027-04-01T00:00:00Z");
    for (int q : new int[] {1, 3, 4}) {
      assertThat(chat.questions().find(chat.community(), new QuestionId(q)).orElseThrow().status())
          .isEqualTo(QuestionStatus.CLOSED);
    }
    assertThat(chat.questions().find(chat.community(), new QuestionId(2)).orElseThrow().open()).isTrue();

    // Reminders: once each, 24 h before the deadline, only to members of the channel without a view
    // who did not opt out (dora did; cem only voted).
    var reminders = sent.stream().filter(s -> s.text().startsWith("A gentle reminder")).collect(Collectors.toMap(
        s -> ((Destination.Direct) s.to()).member().value() + " " + s.text().substring(19, 21), Sent::at,
        (a, b) -> { throw new AssertionError("a second reminder at " + b); }, LinkedHashMap::new));
    assertThat(reminders).isEqualTo(Map.of(
        id("cem").value() + " Q1", Instant.parse("2027-03-24T00:00:00Z"),
        id("fay").value() + " Q3", Instant.parse("2027-03-28T00:00:00Z"),
        id("cem").value() + " Q4", Instant.parse("2027-03-31T00:00:00Z"),
        id("eli").value() + " Q4", Instant.parse("2027-03-31T00:00:00Z"),
        id("fay").value() + " Q4", Instant.parse("2027-03-31T00:00:00Z")));

    // Channel digests: at their local time, never twice a day, never empty, skipped when quiet.
    var digests = sent.stream().filter(s -> s.text().startsWith("Digest:")).toList();
    assertThat(digests).allSatisfy(d -> assertThat(d.text()).contains("· "));
    var berlinDays = days(digests, "berlin", BERLIN);
    assertThat(berlinDays.values()).allSatisfy(at -> {
      var local = at.atZone(BERLIN).toLocalTime();
      // 02:30 every day, except the night clocks skip 02:00–03:00: then the first instant after.
      assertThat(local.toString()).isIn("02:30", "03:00");
    });
    assertThat(berlinDays.get(LocalDate.parse("2027-03-28"))).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    assertThat(berlinDays.get(LocalDate.parse("2027-03-20"))).isEqualTo(Instant.parse("2027-03-20T01:30:00Z"));
    assertThat(berlinDays.get(LocalDate.parse("2027-03-24"))).as("a deadline before the next digest")
        .isEqualTo(Instant.parse("2027-03-24T01:30:00Z"));
    assertThat(berlinDays.keySet()).as("quiet days after Q1 closed and Q2 got its view")
        .noneMatch(day -> day.isAfter(LocalDate.parse("2027-03-28")));
    var newYorkDays = days(digests, "newyork", NEW_YORK);
    assertThat(newYorkDays.values()).allSatisfy(at -> assertThat(at.atZone(NEW_YORK).toLocalTime().toString()).isEqualTo("09:00"));
    assertThat(newYorkDays).containsKeys(LocalDate.parse("2027-03-20"), LocalDate.parse("2027-03-24"),
        LocalDate.parse("2027-03-28"));
    assertThat(newYorkDays.keySet()).noneMatch(day -> day.isAfter(LocalDate.parse("2027-03-28")));
    assertThat(days(digests, "weekly", BERLIN)).isEqualTo(Map.of(
        LocalDate.parse("2027-03-26"), Instant.parse("2027-03-26T16:00:00Z")));
    assertThat(digests).hasSize(berlinDays.size() + newYorkDays.size() + 1);
  }

  /** A channel's digests by local day; fails on a second one the same day. */
  private static Map<LocalDate, Instant> days(List<Sent> digests, String channel, ZoneId zone) {
    return digests.stream().filter(s -> s.inChannel(channel)).collect(Collectors.toMap(
        s -> s.at().atZone(zone).toLocalDate(), Sent::at,
        (a, b) -> { throw new AssertionError("two digests in #" + channel + " on one day: " + a + ", " + b); },
        TreeMap::new));
  }

  @Test
  void aQuestionReopenedAfterItsDeadlineClosedItHasNoDeadlineAndStaysOpen() {
    chat.clock().set(START);
    var ana = chat.facilitator("ana");
    chat.say(ana, "/respond open Closed by its deadline --deadline 1d");
    var schedule = replica();
    chat.clock().set(START.plus(Duration.ofDays(1)));
    assertThat(schedule.run().closed()).isEqualTo(1);

    var reopened = chat.say(ana, "/respond reopen");

    assertThat(reopened.text()).contains("Its deadline had passed, so it has none now").contains("edit --deadline 7d");
    var q = chat.questions().find(chat.community(), new QuestionId(1)).orElseThrow();
    assertThat(q.open()).isTrue();
    assertThat(q.deadline()).isNull();
    chat.clock().set(START.plus(Duration.ofDays(2)));
    assertThat(schedule.run().closed()).isZero();
    assertThat(chat.questions().find(chat.community(), new QuestionId(1)).orElseThrow().open()).isTrue();
    // A new deadline closes it again when it comes.
    chat.say(ana, "/respond edit --deadline 2d");
    chat.clock().set(START.plus(Duration.ofDays(4)));
    assertThat(schedule.run().closed()).isEqualTo(1);
  }

  @Test
  void anAnonymousQuestionsScheduledMessagesNameNobody() {
    chat.clock().set(START);
    var ana = chat.facilitator("ana");
    members.put(new ChannelId("general"), Set.of(id("ana"), id("ben"), id("cem")));
    chat.say(ana, "/respond open Secret ballot --deadline 2d --anonymous");
    chat.say(ana, "/respond digest daily 09:00");
    chat.say(chat.member("ben"), "/respond Ben's secret view");
    chat.say(chat.member("cem"), "/respond digest me daily");
    var schedule = replica();
    for (var now = START; now.isBefore(START.plus(Duration.ofDays(3))); now = now.plus(Duration.ofHours(1))) {
      chat.clock().set(now);
      schedule.run();
    }
    assertThat(sent).extracting(Sent::text).anyMatch(t -> t.startsWith("Digest:"))
        .anyMatch(t -> t.startsWith("A gentle reminder")).anyMatch(t -> t.startsWith("Your digest"))
        .anyMatch(t -> t.startsWith("Q1 closed"));
    for (var name : List.of("ana", "ben", "cem")) {
      assertThat(sent).extracting(Sent::text).noneMatch(t -> t.contains(name) || t.contains(id(name).value()));
    }
    // Reminders went to the two members without a view, by their platform ids, and to nobody else.
    assertThat(sent).filteredOn(s -> s.text().startsWith("A gentle reminder")).extracting(s -> s.to())
        .containsExactlyInAnyOrder(new Destination.Direct(id("ana")), new Destination.Direct(id("cem")));
    // What the store keeps of the reminders names nobody either: claims are kept for days.
    var claims = chat.stores().notifications().claimedJobs(chat.community());
    assertThat(claims).anyMatch(job -> job.startsWith("remind:Q1:anon:"));
    assertThat(claims).filteredOn(job -> job.startsWith("remind:"))
        .noneMatch(job -> job.contains(id("ana").value()) || job.contains(id("cem").value()));
  }
}
