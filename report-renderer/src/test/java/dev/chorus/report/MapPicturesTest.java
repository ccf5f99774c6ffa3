package dev.chorus.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.message.Destination;
import dev.chorus.core.message.Picture;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.RecordingChat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The opinion map follows a Chorus-written draft and a published outcome into the thread, once six have voted. */
class MapPicturesTest {
  private final TemplateReports reports = new TemplateReports();

  @Test
  void aChorusWrittenDraftAndThePublishedOutcomeBringTheMapIntoTheThread() {
    var chat = Conversation.reporting(reports);
    votes(chat, 7, false);

    chat.say(chat.member("member0"), "/respond draft");
    var afterDraft = pictures(chat);
    chat.say(chat.member("member0"), "/respond close");
    var afterClose = pictures(chat);

    assertThat(afterDraft).hasSize(1);
    assertThat(afterClose).hasSize(2);
    var posted = afterClose.get(1);
    assertThat(posted.destination()).isInstanceOf(Destination.Thread.class);
    var picture = posted.card().picture();
    assertThat(picture).isNotNull();
    assertThat(picture.fileName()).isEqualTo("chorus-Q1-map.png");
    assertThat(picture.png().bytes()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(picture.altText()).startsWith("Opinion map: each dot is a member").contains("Group A")
        .hasSizeLessThanOrEqualTo(Picture.LONGEST_ALT_TEXT);
    assertThat(posted.text()).contains("The outcome is published").contains("7 members' votes");
  }

  @Test
  void fewerThanSixVotersGetNoMap() {
    var chat = Conversation.reporting(reports);
    votes(chat, 5, false);

    chat.say(chat.member("member0"), "/respond draft");
    chat.say(chat.member("member0"), "/respond close");

    assertThat(pictures(chat)).isEmpty();
  }

  @Test
  void aDraftWrittenByHandBringsNoMap() {
    var chat = Conversation.reporting(reports);
    votes(chat, 7, false);

    chat.say(chat.member("member0"), "/respond draft Our own words");

    assertThat(pictures(chat)).isEmpty();
  }

  @Test
  void anAnonymousQuestionsMapNamesNoOne() {
    var chat = Conversation.reporting(reports);
    votes(chat, 7, true);

    chat.say(chat.member("member0"), "/respond draft");

    var picture = pictures(chat).get(0).card().picture();
    assertThat(picture).isNotNull();
    var bytes = new String(picture.png().bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
    for (int i = 0; i < 7; i++) {
      var member = chat.member("member" + i);
      assertThat(picture.altText()).doesNotContain(member.displayName()).doesNotContain(member.id().value());
      assertThat(bytes).doesNotContain(member.displayName()).doesNotContain(member.id().value());
    }
  }

  /** {@code members} members share a view each and vote on every other view, in two camps. */
  private static void votes(Conversation chat, int members, boolean anonymous) {
    chat.say(chat.member("member0"), "/respond open A question for the map" + (anonymous ? " --anonymous" : ""));
    for (int i = 0; i < members; i++) {
      chat.say(chat.member("member" + i), "/respond The view of member " + i);
    }
    for (int i = 0; i < members; i++) {
      for (int v = 1; v <= members; v++) {
        if (v - 1 != i) {
          chat.say(chat.member("member" + i), "/respond vote V" + v + " " + (i % 2 == (v - 1) % 2 ? "agree" : "disagree"));
        }
      }
    }
  }

  private static List<RecordingChat.Posted> pictures(Conversation chat) {
    return chat.chat().messages(chat.community()).stream().filter(posted -> posted.card().picture() != null).toList();
  }
}
