package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.command.Command.Cadence;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.digest.DigestSchedule;
import dev.chorus.core.digest.MemberPreferences;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** {@code /respond digest …} and {@code /respond remind …}. */
class NotificationCommandsTest {
  private final Conversation chat = Conversation.start();
  private final ChannelId general = new ChannelId("general");

  @Test
  void onlyAFacilitatorSetsTheChannelDigest() {
    chat.say(chat.member("ana"), "/respond open A question");
    var ben = chat.member("ben");

    var refused = chat.say(ben, "/respond digest daily 08:00");

    assertThat(refused.refused()).isTrue();
    assertThat(refused.text()).contains("Only a facilitator").contains("/respond digest me daily");
    assertThat(chat.stores().notifications().find(chat.community(), general)).isEmpty();
    // The opener of the channel's open question facilitates it.
    assertThat(chat.say(chat.member("ana"), "/respond digest daily 08:00").refused()).isFalse();
  }

  @Test
  void aThrowawayQuestionIsNoWayToChangeTheDigestAnotherFacilitatorSet() {
    var ana = chat.member("ana");
    chat.say(ana, "/respond open A question");
    assertThat(chat.say(ana, "/respond digest daily 08:00").refused()).isFalse();
    var set = chat.stores().notifications().find(chat.community(), general).orElseThrow();

    // Ben opens a question of his own, which makes him its facilitator, and tries to silence ana's digest.
    var ben = chat.member("ben");
    chat.say(ben, "/respond open Something else entirely");
    var off = chat.say(ben, "/respond #Q2 digest off");
    var moved = chat.say(ben, "/respond #Q2 digest weekly friday 23:00");

    assertThat(off.refused()).isTrue();
    assertThat(off.text()).contains("set by another facilitator");
    assertThat(moved.refused()).isTrue();
    assertThat(chat.stores().notifications().find(chat.community(), general)).contains(set);
    // The member who set it, a role holder and an administrator may.
    assertThat(chat.say(chat.facilitator("cem"), "/respond digest weekly friday 17:00").refused()).isFalse();
    assertThat(chat.say(ana, "/respond digest off").refused()).as("ana no longer set it: cem did").isTrue();
    assertThat(chat.say(chat.member("cem"), "/respond digest off").refused()).isFalse();
  }

  @Test
  void aDigestScheduleIsSavedAnnouncedAndTurnedOff() {
    var ana = chat.facilitator("ana");

    var set = chat.say(ana, "/respond digest weekly friday 17:30 Europe/Berlin");

    var stored = chat.stores().notifications().find(chat.community(), general).orElseThrow();
    assertThat(stored.schedule()).isEqualTo(new DigestSchedule(Cadence.WEEKLY, DayOfWeek.FRIDAY, LocalTime.of(17, 30),
        ZoneId.of("Europe/Berlin")));
    assertThat(stored.since()).isEqualTo(chat.clock().instant());
    assertThat(set.text()).contains("weekly on Friday at 17:30 (Europe/Berlin)").contains("next: 2026-11-06T16:30:00Z");
    assertThat(chat.lastMessage().text()).contains("ana").contains("set this channel's digest");

    // Defaults: Monday, 09:00, and the zone already chosen.
    chat.say(ana, "/respond digest daily");
    assertThat(chat.stores().notifications().find(chat.community(), general).orElseThrow().schedule())
        .isEqualTo(new DigestSchedule(Cadence.DAILY, DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("Europe/Berlin")));

    assertThat(chat.say(ana, "/respond digest off").text()).contains("is off");
    assertThat(chat.stores().notifications().find(chat.community(), general)).isEmpty();
    assertThat(chat.say(ana, "/respond digest off").text()).contains("nothing to turn off");
  }

  @Test
  void eachMemberChoosesAPersonalDigestAndReminders() {
    var ben = chat.member("ben");
    assertThat(chat.stores().notifications().of(chat.community(), ben.id())).isEqualTo(MemberPreferences.Preferences.DEFAULTS);

    assertThat(chat.say(ben, "/respond digest me weekly").text()).contains("by direct message weekly on Monday at 09:00");
    assertThat(chat.say(ben, "/respond remind off").text()).contains("Reminders are off");

    var chosen = chat.stores().notifications().of(chat.community(), ben.id());
    assertThat(chosen.personalDigest()).isEqualTo(Cadence.WEEKLY);
    assertThat(chosen.reminders()).isFalse();
    assertThat(chat.stores().notifications().of(chat.community(), chat.member("ana").id()))
        .isEqualTo(MemberPreferences.Preferences.DEFAULTS);
    chat.say(ben, "/respond remind on");
    chat.say(ben, "/respond digest me off");
    chosen = chat.stores().notifications().of(chat.community(), ben.id());
    assertThat(chosen.personalDigest()).isEqualTo(Cadence.OFF);
    assertThat(chosen.reminders()).isTrue();
  }

  @Test
  void aChoiceThatCannotBeSavedIsToldAndNothingIsKept() {
    var ben = chat.member("ben");
    chat.stores().failWhile(true);
    var answer = chat.say(ben, "/respond remind off");
    chat.stores().failWhile(false);
    assertThat(answer.text()).contains("could not save").contains("try again");
    assertThat(chat.stores().notifications().of(chat.community(), ben.id()).reminders()).isTrue();
  }

  @Test
  void choicesStayInTheirCommunity() {
    var other = chat.neighbour(new dev.chorus.core.community.CommunityId("other"));
    chat.say(chat.facilitator("ana"), "/respond digest daily");
    chat.say(chat.member("ben"), "/respond remind off");
    assertThat(chat.stores().notifications().find(other.community(), general)).isEmpty();
    assertThat(chat.stores().notifications().of(other.community(), chat.member("ben").id()).reminders()).isTrue();
  }
}
