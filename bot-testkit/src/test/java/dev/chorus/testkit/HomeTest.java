package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.overview.ShowHome;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A member's home lists what awaits them in their channels' open questions, and only their own part. */
class HomeTest {

  private static String home(Conversation chat, dev.chorus.core.community.Actor member) {
    return chat.chorus().home(chat.community(), member.id()).plainText();
  }

  @Test
  void aViewOwedAndADraftVoteOwedShowUntilTheMemberVotes() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    var ben = chat.member("ben");
    chat.say(ana, "/respond open Shall we answer the ministry? --deadline 3d");
    chat.say(ana, "/respond We should");
    chat.say(ana, "/respond draft We answer yes.");

    var before = home(chat, ben);
    assertThat(before).contains("Q1 · Shall we answer the ministry?").contains("Deadline")
        .contains("Your view: not yet").contains("Drafts awaiting your vote: draft v1").contains("Thread: open Q1");

    chat.say(ben, "/respond vote v1 agree");
    chat.say(ben, "/respond Yes, briefly");
    var after = home(chat, ben);
    assertThat(after).contains("Drafts awaiting your vote: none").contains("Your view: shared, V2")
        .doesNotContain("draft v1:");
    assertThat(home(chat, ana)).contains("Your view: shared, V1").contains("Drafts awaiting your vote: draft v1");
  }

  @Test
  void settingsShowWithAButtonForEachChangeAndEachButtonIsItsCommand() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    var card = chat.chorus().home(chat.community(), ana.id());
    assertThat(card.plainText()).contains("No question is open").contains("Personal digest by direct message: off")
        .contains("Reminders before deadlines: on");
    assertThat(card.buttons()).extracting(b -> b.label()).containsExactly("Digest daily", "Digest weekly", "Reminders off");

    var daily = ShowHome.commandOf(card.buttons().get(0).action()).orElseThrow();
    chat.handle(new Inbound.CommandInvoked(chat.community(), chat.channel(), ana, new EventId("home-1"), daily));
    var off = ShowHome.commandOf(card.buttons().get(2).action()).orElseThrow();
    chat.handle(new Inbound.CommandInvoked(chat.community(), chat.channel(), ana, new EventId("home-2"), off));

    var changed = chat.chorus().home(chat.community(), ana.id());
    assertThat(changed.plainText()).contains("Personal digest by direct message: daily").contains("Reminders before deadlines: off");
    assertThat(changed.buttons()).extracting(b -> b.label()).containsExactly("Digest weekly", "Digest off", "Reminders on");
    assertThat(ShowHome.commandOf("sv:Q1:V1:agree")).isEmpty();
    assertThat(ShowHome.commandOf("home:digest:hourly")).isEmpty();
  }

  @Test
  void aPrivateChannelsQuestionsShowOnlyToItsMembers() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    var ben = chat.member("ben");
    chat.say(ana, "/respond open A private matter");
    chat.chat().makePrivate(chat.channel(), Set.of(ana.id()));

    assertThat(home(chat, ana)).contains("A private matter");
    assertThat(home(chat, ben)).doesNotContain("A private matter").doesNotContain("Q1").contains("No question is open");
  }

  @Test
  void inAnAnonymousQuestionAHomeShowsNothingAboutAnyoneElse() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    var ben = chat.member("ben");
    var cem = chat.member("cem");
    chat.say(ana, "/respond open A secret ballot --anonymous");
    var cemBefore = home(chat, cem);
    chat.say(ben, "/respond Ben's hidden view");
    chat.say(ana, "/respond draft A draft");
    chat.say(ben, "/respond vote v1 block");

    // Whatever Ben did, Cem's home is the same as before but for the draft awaiting Cem's own vote.
    var cemAfter = home(chat, cem);
    assertThat(cemAfter).doesNotContain("Ben").doesNotContain("hidden").doesNotContain("block").doesNotContain("V1");
    assertThat(cemAfter.replace("Drafts awaiting your vote: draft v1: /respond #Q1 vote v1 agree",
        "Drafts awaiting your vote: none")).isEqualTo(cemBefore);
    assertThat(home(chat, ben)).contains("Your view: shared, V1").contains("Drafts awaiting your vote: none");
  }
}
