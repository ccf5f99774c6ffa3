package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every card a question posts says in one line which question it is, and for a vote its tally: what a
 * screen reader or a notification gives a member who cannot see the layout.
 */
class CardSummaryTest {

  private static String summary(Conversation chat, String containing) {
    var card = chat.chat().last(chat.community(), containing).card();
    assertThat(card.summary()).as("the card holding " + containing + " has a summary").isNotNull();
    return card.oneLine().plainText();
  }

  @Test
  void theQuestionItsViewsDraftsAndOutcomeEachNameTheQuestionAndTheirTally() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    var ben = chat.member("ben");
    chat.say(ana, "/respond open Shall we answer the ministry?");
    chat.say(ana, "/respond We should, with an opt-out");
    chat.react(ben, chat.message("V1 · view"), "👍");
    chat.say(ana, "/respond draft We answer yes, with an opt-out.");
    chat.say(ben, "/respond vote v1 agree");

    assertThat(summary(chat, "Taking part")).isEqualTo("Q1 · Shall we answer the ministry? · open · 1 member has shared a view");
    assertThat(summary(chat, "V1 · view")).isEqualTo("Q1 · Shall we answer the ministry? · V1 view: 2 agree, 0 disagree, 0 pass");
    assertThat(summary(chat, "We answer yes, with an opt-out.")).isEqualTo(
        "Q1 · Shall we answer the ministry? · draft v1: 1 agree, 0 abstain, 0 disagree, 0 block");

    chat.say(ana, "/respond close");
    assertThat(summary(chat, "closed: ")).startsWith("Q1 · Shall we answer the ministry? · closed: ")
        .contains("for draft v1 (1 agree, 0 abstain, 0 disagree, 0 block)");
  }

  @Test
  void aLongTitleIsShortenedSoTheLineStillEndsWithTheTally() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open " + "A very long title ".repeat(8));
    chat.say(ana, "/respond We should say yes");
    chat.say(ana, "/respond draft We answer yes.");

    var line = summary(chat, "We answer yes.");
    assertThat(line).startsWith("Q1 · A very long title").endsWith("draft v1: 0 agree, 0 abstain, 0 disagree, 0 block");
    assertThat(line.length()).isLessThan(160);
  }
}
