package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.question.Question;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code forget} and {@code forget me} take a member's words and name out of everything Chorus keeps
 * and shows, except the drafts and outcomes already published, which keep their words (the
 * community's record) but not the member's name; and in an anonymous question, the tallies shown do
 * not give away how the forgotten member voted.
 */
class ForgetTest {

  @Test
  void forgetMeLeavesNoWordsOrNameOutsideThePublishedRecord() {
    var chat = Conversation.start();
    var fran = chat.facilitator("Fran");
    var ann = chat.member("Annabel");
    var bob = chat.member("Bob");
    var cy = chat.member("Cy");

    // Q1: closed with Annabel's block on record.
    chat.say(fran, "/respond open Should we adopt the new rota?");
    chat.say(ann, "/respond #Q1 The rota ignores night shifts walrus");
    chat.say(bob, "/respond #Q1 The rota is fair enough");
    chat.say(fran, "/respond #Q1 draft We adopt the rota with a night-shift review.");
    chat.say(ann, "/respond #Q1 vote v1 block");
    chat.say(ann, "/respond #Q1 reason Night workers were never asked okapi");
    chat.say(bob, "/respond #Q1 vote v1 agree");
    chat.say(fran, "/respond #Q1 close v1");
    var outcome = chat.chat().last(chat.community(), "closed:");
    assertThat(outcome.text()).as("the outcome names the blocker, as published").contains("Annabel").contains("okapi");

    // Q2, opened by Annabel: an edited view, a hidden one, an amendment, a block reason and a vote.
    chat.say(ann, "/respond open Shall we move the library?");
    chat.say(ann, "/respond #Q2 Keep it downtown zebra");
    chat.say(ann, "/respond #Q2 view Keep it downtown, near the trams yak");
    chat.say(bob, "/respond #Q2 Move it to the campus");
    chat.say(cy, "/respond #Q2 Either is fine");
    chat.say(ann, "/respond #Q2 vote V3 agree");
    chat.say(fran, "/respond #Q2 draft We move the library to the campus.");
    chat.say(ann, "/respond #Q2 amend Keep a reading room downtown quokka");
    chat.say(ann, "/respond #Q2 vote v1 block");
    chat.say(ann, "/respond #Q2 reason Downtown readers lose out narwhal");
    chat.say(bob, "/respond #Q2 vote V5 agree");
    chat.say(fran, "/respond #Q2 hide V5 repeats quokka");
    assertThat(String.join("\n", shownNow(chat))).contains("Annabel").contains("yak").contains("quokka");

    var answer = chat.say(ann, "/respond forget me");
    assertThat(answer.text()).contains("Withdrawn everywhere").contains("Q1").contains("Q2");
    assertThat(chat.questions().eraseRequests()).as("the store was asked to erase its older copies").isEqualTo(1);

    var words = List.of("walrus", "zebra", "yak", "quokka", "narwhal");
    // What members can still see: the latest version of every message Chorus posted.
    for (var text : shownNow(chat)) {
      assertThat(text).as("a message as it now reads").doesNotContain("Annabel");
      for (var word : words) {
        assertThat(text).as("a message as it now reads").doesNotContain(word);
      }
    }
    assertThat(chat.chat().find(chat.community(), outcome.number()).orElseThrow().text())
        .as("the published outcome keeps its counts and the quoted reason, without the name")
        .contains("okapi").contains("1 block").doesNotContain("Annabel");
    // Exports, for someone else.
    for (var question : List.of("#Q1", "#Q2")) {
      for (var format : List.of("markdown", "json", "csv")) {
        var export = chat.say(fran, "/respond " + question + " export " + format).file().content().text();
        assertThat(export).as(question + " " + format).doesNotContain("Annabel");
        for (var word : words) {
          assertThat(export).as(question + " " + format).doesNotContain(word);
        }
      }
    }
    // What is stored: outside the published outcome, neither her words nor her name.
    for (Question stored : chat.questions().snapshot(chat.community()).values()) {
      var kept = stored.statements() + " " + stored.drafts() + " " + stored.openerName() + " " + stored.title();
      assertThat(kept).doesNotContain("Annabel").doesNotContain("okapi");
      assertThat(stored.statements()).as("what is left of her items is not kept under her platform id")
          .noneMatch(s -> s.author().value().equals(ann.id().value()));
      for (var word : words) {
        assertThat(kept).doesNotContain(word);
      }
      for (var o : stored.outcomes()) {
        assertThat(o.dissent()).allMatch(d -> d.who() == null || !d.who().equals("Annabel"));
        assertThat(o.closedBy()).isNotEqualTo("Annabel");
      }
    }
    assertThat(chat.say(ann, "/respond forget me").text()).as("nothing left to forget")
        .contains("no view or vote on any question");
  }

  @Test
  void anAnonymousForgetShowsNoTallyChangeUntilThreeOthersChangedTheSameItems() {
    var chat = Conversation.start();
    var opener = chat.facilitator("Olu");
    var members = new ArrayList<dev.chorus.core.community.Actor>();
    for (var name : List.of("Ada", "Ben", "Cai", "Dee", "Eli", "Fay")) {
      members.add(chat.member(name));
    }
    chat.say(opener, "/respond open Four-day week? --anonymous");
    chat.say(members.get(0), "/respond Yes, for everyone");
    var leaving = members.get(1);
    chat.say(leaving, "/respond Only as a trial");
    chat.say(leaving, "/respond vote V1 agree");
    chat.say(opener, "/respond draft We ask for a four-day week trial.");
    chat.say(leaving, "/respond vote v1 block");
    chat.say(leaving, "/respond reason Too fast");
    var v1 = chat.message("V1 · view");
    var draft = chat.message("Draft v1");
    assertThat(text(chat, v1)).contains("👍 2 agree");
    assertThat(text(chat, draft)).contains("1 block");

    int draftVersionsAtForget = versionsOf(chat, draft).size();
    chat.say(leaving, "/respond forget");
    assertThat(text(chat, chat.message("V2 · withdrawn"))).doesNotContain("trial");
    assertThat(text(chat, v1)).as("the forgotten agree still counts in what is shown").contains("👍 2 agree");
    assertThat(text(chat, draft)).as("the forgotten block still counts in what is shown").contains("1 block");
    assertThat(chat.say(opener, "/respond status").text()).contains("1 block");

    // Other members change their votes on V1: two changes are not enough to hide the forget's.
    chat.say(members.get(2), "/respond vote V1 agree");
    chat.say(members.get(3), "/respond vote V1 disagree");
    assertThat(text(chat, v1)).contains("👍 3 agree").contains("👎 1 disagree");
    chat.say(members.get(4), "/respond vote V1 pass");
    assertThat(text(chat, v1)).as("the third change mixes the forget's in")
        .contains("👍 2 agree").contains("👎 1 disagree").contains("🤷 1 pass");
    // Changing back does not bring the forgotten vote back.
    chat.say(members.get(4), "/respond vote V1 agree");
    chat.say(members.get(3), "/respond vote V1 agree");
    chat.say(members.get(2), "/respond vote V1 agree");
    assertThat(text(chat, v1)).contains("👍 4 agree");
    assertThat(chat.questions().snapshot(chat.community()).get(1).held()).as("only the draft's is still held").hasSize(1);

    // No published version of the draft shows the block gone while it is held; close publishes the truth.
    chat.say(members.get(2), "/respond vote v1 agree");
    assertThat(text(chat, draft)).contains("1 block");
    var draftVersionsBeforeClose = versionsOf(chat, draft);
    assertThat(draftVersionsBeforeClose.subList(draftVersionsAtForget, draftVersionsBeforeClose.size()))
        .as("every version of the draft published between the forget and the close")
        .isNotEmpty().allMatch(v -> v.contains("✋ 1 block"));
    chat.say(opener, "/respond close v1");
    assertThat(chat.chat().last(chat.community(), "closed:").text()).contains("0 block");
    assertThat(text(chat, draft)).contains("✋ 0 block");
  }

  private static String text(Conversation chat, int message) {
    return chat.chat().find(chat.community(), message).orElseThrow().text();
  }

  private static List<String> shownNow(Conversation chat) {
    return chat.chat().messages(chat.community()).stream().map(RecordingChat.Posted::text).toList();
  }

  private static List<String> versionsOf(Conversation chat, int message) {
    return chat.chat().find(chat.community(), message).orElseThrow().versions().stream()
        .map(dev.chorus.core.message.Card::plainText).toList();
  }
}
