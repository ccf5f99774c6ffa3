package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.message.Destination;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A question's title stays in its channel: {@code /respond list all} and personal digests name to a
 * member only questions of channels they can see, and only count those of channels the platform
 * cannot tell about.
 */
class PrivateChannelsTest {
  private static final Instant START = Instant.parse("2027-03-01T08:00:00Z");
  private final Conversation chat = Conversation.start();
  private final ChannelId hr = new ChannelId("hr-private");
  private final ChannelId ops = new ChannelId("ops");

  @Test
  void listAllNamesOnlyQuestionsOfChannelsTheMemberCanSee() {
    var hana = chat.facilitator("Hana");
    var bob = chat.member("Bob");
    chat.chat().makePrivate(hr, Set.of(hana.id()));
    chat.chat().cannotTell(ops);
    chat.inChannel("general").say(hana, "/respond open Canteen opening hours");
    chat.inChannel(hr.value()).say(hana, "/respond open Pay grades for the Harlow team");
    chat.inChannel(ops.value()).say(hana, "/respond open Night shift rota");

    var bobs = chat.inChannel("general").say(bob, "/respond list all").text();
    assertThat(bobs).contains("Canteen opening hours").doesNotContain("Pay grades").doesNotContain("Harlow")
        .doesNotContain("Night shift").doesNotContain(hr.value())
        .contains("1 question in channels Chorus cannot check that you can see");
    var hanas = chat.inChannel("general").say(hana, "/respond list all").text();
    assertThat(hanas).contains("Canteen opening hours").contains("Pay grades for the Harlow team");
    assertThat(chat.inChannel(hr.value()).say(hana, "/respond list").text()).contains("Pay grades");
    // Naming the private question from outside gets no title either.
    assertThat(chat.inChannel("general").say(bob, "/respond #Q2 status").text()).doesNotContain("Pay grades")
        .contains("another channel");
  }

  @Test
  void aPersonalDigestNamesOnlyQuestionsOfChannelsTheMemberCanSee() {
    chat.clock().set(START);
    var hana = chat.facilitator("Hana");
    var bob = chat.member("Bob");
    chat.chat().makePrivate(hr, Set.of(hana.id()));
    chat.chat().cannotTell(ops);
    chat.inChannel("general").say(hana, "/respond open Canteen opening hours");
    chat.inChannel(hr.value()).say(hana, "/respond open Pay grades for the Harlow team");
    chat.inChannel(ops.value()).say(hana, "/respond open Night shift rota");
    chat.inChannel("general").say(bob, "/respond digest me daily");
    chat.inChannel("general").say(hana, "/respond digest me daily");

    var schedule = new RunSchedule(chat.stores().stores(), ChannelMembers.UNKNOWN, chat.chat(),
        new Pseudonyms(Conversation.TEST_SECRET), chat.clock(), Settings.DEFAULTS, RunSchedule.Timing.DEFAULTS,
        Observer.NONE);
    for (var now = START; now.isBefore(START.plus(Duration.ofDays(1))); now = now.plus(Duration.ofHours(1))) {
      chat.clock().set(now);
      schedule.run();
    }
    var toBob = chat.chat().messages(chat.community()).stream()
        .filter(m -> m.destination().equals(new Destination.Direct(bob.id()))).toList();
    assertThat(toBob).as("Bob's digest").isNotEmpty();
    assertThat(toBob).allSatisfy(m -> assertThat(m.text()).contains("Canteen opening hours")
        .doesNotContain("Pay grades").doesNotContain("Harlow").doesNotContain("Night shift")
        .contains("1 question in channels Chorus cannot check that you can see"));
    var toHana = chat.chat().messages(chat.community()).stream()
        .filter(m -> m.destination().equals(new Destination.Direct(hana.id()))).toList();
    assertThat(toHana).anySatisfy(m -> assertThat(m.text()).contains("Pay grades for the Harlow team"));
  }
}
