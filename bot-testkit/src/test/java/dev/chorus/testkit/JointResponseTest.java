package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Behaviours of a joint response (docs/user-guide.md) that the example script does not pin down. */
class JointResponseTest {

  @Test
  void aRedeliveredEventIsAppliedOnce() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Retry safety");
    var vote = new Inbound.CommandInvoked(chat.community(), chat.channel(), chat.member("ben"), new EventId("slack-Ev1"),
        "/respond Counted once");
    var first = chat.handle(vote);
    var again = chat.redeliver(vote);
    assertThat(first.text()).contains("V1");
    assertThat(again.silent()).isTrue();
    assertThat(question(chat, 1).statements()).hasSize(1);
  }

  @Test
  void whenTheStoreIsDownTheMemberIsToldAndNothingChanges() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Outage");
    var before = chat.questions().snapshot(chat.community());
    chat.questions().failWhile(true);
    var answer = chat.say(ana, "/respond My view during the outage");
    chat.questions().failWhile(false);
    assertThat(answer.text()).contains("could not save").contains("try again");
    assertThat(chat.questions().snapshot(chat.community())).isEqualTo(before);
    assertThat(chat.say(ana, "/respond My view after the outage").text()).contains("V1");
  }

  @Test
  void anOpenSentAgainByTheSameMemberIsTheSameQuestionButAnotherMemberOrTitleOpensAnother() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Shall we answer?");
    var again = chat.say(ana, "/respond open  shall we answer? ");
    assertThat(again.text()).contains("Q1 is open").contains("no second question");
    assertThat(chat.questions().inCommunity(chat.community())).hasSize(1);
    assertThat(chat.chat().messages(chat.community())).as("its card was posted the first time, not again").hasSize(1);
    assertThat(chat.say(chat.member("ben"), "/respond open Shall we answer?").text()).contains("Q2 is open");
    assertThat(chat.say(ana, "/respond open Shall we answer the council too?").text()).contains("Q3 is open");
    chat.clock().advance(Duration.ofMinutes(11));
    assertThat(chat.say(ana, "/respond open Shall we answer?").text()).as("much later, a new intention").contains("Q4 is open");
  }

  @Test
  void aQuestionClosedLongAgoIsFoundOnlyByItsNumber() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Last year's budget");
    chat.say(ana, "/respond close");
    chat.clock().advance(Duration.ofDays(13));
    assertThat(chat.say(ana, "/respond status").text()).as("closed lately: still the channel's question").contains("Q1");
    assertThat(chat.say(ana, "/respond list").text()).contains("Last year's budget");

    chat.clock().advance(Duration.ofDays(2));

    var status = chat.say(ana, "/respond status");
    assertThat(status.text()).contains("There is no open or recently closed question in this channel")
        .contains("/respond #Q1 status");
    assertThat(chat.say(ana, "/respond list").text()).doesNotContain("Last year's budget");
    assertThat(chat.say(ana, "/respond #Q1 status").text()).contains("Last year's budget");
  }

  @Test
  void aLongListComesInPages() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    for (int i = 1; i <= 45; i++) {
      chat.say(ana, "/respond open Question number " + i);
    }

    var first = chat.say(ana, "/respond list").text();
    assertThat(first).contains("Question number 1 ").contains("Question number 20 ").doesNotContain("Question number 21 ")
        .contains("Page 1 of 3. Next: /respond list --page 2");
    var last = chat.say(ana, "/respond list --page 3").text();
    assertThat(last).contains("Question number 41 ").contains("Question number 45 ").doesNotContain("Question number 40 ")
        .contains("Page 3 of 3.").doesNotContain("Next");
    assertThat(chat.say(ana, "/respond list all --page 2").text()).contains("Question number 21 ")
        .contains("Next: /respond list all --page 3");
    assertThat(chat.say(ana, "/respond list --page 4").text()).contains("has 3 pages (45 questions)");
    assertThat(chat.say(ana, "/respond list --page two").text()).contains("A page is a whole number");
  }

  @Test
  void withSeveralOpenQuestionsACommandMustNameOne() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open First");
    chat.say(ana, "/respond open Second");
    var unnamed = chat.say(ana, "/respond I have a view");
    assertThat(unnamed.text()).contains("Several questions are open").contains("Q1, Q2").contains("/respond #Q1 view");
    assertThat(chat.say(ana, "/respond #Q2 I have a view").text()).contains("V1 in Q2");
    assertThat(chat.say(ana, "/respond").text()).contains("/respond #Q1").contains("/respond #Q2");
  }

  @Test
  void theHintForSeveralOpenQuestionsNamesOneInTheCommandAsSent() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open First");
    chat.say(ana, "/respond open Second");

    assertThat(chat.say(ana, "/respond vote V1 agree").text())
        .contains("name one right after /respond, for example: /respond #Q1 vote V1 agree");
    assertThat(chat.say(ana, "/respond edit --title Better").text())
        .contains("for example: /respond #Q1 edit --deadline 7d");
    assertThat(chat.say(ana, "/respond status").text()).contains("for example: /respond #Q1 status");
  }

  @Test
  void openWithoutATitleOffersTheOpenAQuestionFormEvenWithAQuestionOpen() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open First");

    var offered = chat.say(chat.member("ben"), "/respond open").form();

    assertThat(offered).isPresent();
    assertThat(offered.get().fields()).extracting(f -> f.id()).contains("title", "deadline");
    assertThat(chat.submit(chat.member("ben"), offered.get(), "Second, from the form").text()).contains("Q2");
    assertThat(chat.say(ana, "/respond #Q1 open").refused()).isTrue();
  }

  @Test
  void aQuestionInAnotherChannelIsNotReachableFromHere() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.inChannel("policy").say(ana, "/respond open Over there");
    var answer = chat.inChannel("general").say(ana, "/respond #Q1 My view");
    assertThat(answer.text()).contains("Q1 belongs to another channel");
  }

  @Test
  void limitsAreNamedWhenTextIsTooLong() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    assertThat(chat.say(ana, "/respond open " + "t".repeat(201)).text()).contains("201 characters; the limit is 200");
    chat.say(ana, "/respond open Limits");
    assertThat(chat.say(ana, "/respond " + "v".repeat(1501)).text()).contains("1,501 characters; the limit is 1,500");
    assertThat(chat.say(ana, "/respond " + "😀".repeat(1500)).text()).as("emoji count as one character").contains("V1");
    assertThat(chat.say(ana.asFacilitator(), "/respond draft " + "d".repeat(3501)).text()).contains("the limit is 3,500");
  }

  @Test
  void aDeadlineMustLieAhead() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    assertThat(chat.say(ana, "/respond open Late --deadline 2020-01-01").text()).contains("is not in the future");
    assertThat(chat.say(ana, "/respond open Far --deadline 500d").text()).contains("more than 366 days away");
    chat.say(ana, "/respond open Soon --deadline 3d");
    assertThat(question(chat, 1).deadline()).isEqualTo(chat.clock().instant().plus(Duration.ofDays(3)));
  }

  @Test
  void editingTellsMembersWhatChanged() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Old title");
    var ben = chat.member("ben");
    assertThat(chat.say(ben, "/respond edit --title Mine now").text()).contains("Only a facilitator of Q1");
    var answer = chat.say(ana, "/respond edit --title New title --deadline 7d");
    assertThat(answer.text()).contains("Q1 is changed");
    assertThat(chat.lastMessage().text()).contains("Q1 was changed by a facilitator").contains("title: New title")
        .contains("deadline:");
    assertThat(chat.chat().find(chat.community(), 1).orElseThrow().text()).contains("Q1 · New title");
  }

  @Test
  void aReasonNeedsABlockAndABlockAsksForOne() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Blocks");
    chat.say(ana, "/respond draft Text");
    var ben = chat.member("ben");
    assertThat(chat.say(ben, "/respond reason Because").text()).contains("You have not blocked the latest draft, v1");
    assertThat(chat.say(ben, "/respond vote v1 block").text()).contains("/respond #Q1 reason");
    assertThat(chat.say(ben, "/respond reason It harms newcomers").text()).contains("recorded");
    var ballot = question(chat, 1).draft(new DraftVersion(1)).orElseThrow().ballots().values().iterator().next();
    assertThat(ballot.reason()).isEqualTo("It harms newcomers");
  }

  @Test
  void votesOnAReplacedViewStayButNoLongerCount() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Replacing");
    chat.say(ana, "/respond First words");
    var ben = chat.member("ben");
    chat.react(ben, chat.message("V1 · view"), "👍");
    chat.say(ana, "/respond Second words");
    var q = question(chat, 1);
    assertThat(q.statement(new StatementId(1)).orElseThrow().votes()).hasSize(1);
    assertThat(q.activeViews()).extracting(s -> s.id().toString()).containsExactly("V2");
    assertThat(chat.say(ben, "/respond vote V1 agree").text()).contains("replaced").contains("vote V2 agree");
    assertThat(chat.chat().find(chat.community(), chat.message("V1 · view")).orElseThrow().text()).contains("replaced");
  }

  @Test
  void aDraftVoteCountsOnceWhereverItWasCast() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Once");
    chat.say(ana, "/respond draft One text");
    var thread = chat.message("Draft v1 of Q1");
    var announcement = chat.message("New draft v1");
    var ben = chat.member("ben");
    chat.react(ben, thread, "✅");
    chat.react(ben, announcement, "❌");
    var tally = question(chat, 1).draft(new DraftVersion(1)).orElseThrow().tally();
    assertThat(tally.voters()).isEqualTo(1);
    assertThat(tally.disagree()).isEqualTo(1);
    assertThat(chat.chat().find(chat.community(), thread).orElseThrow().text()).contains("❌ 1 disagree");
    assertThat(chat.chat().find(chat.community(), announcement).orElseThrow().text()).contains("❌ 1 disagree");
  }

  @Test
  void closedQuestionsTakeNoVotesAndReopenKeepsTheOutcome() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Closing");
    chat.say(ana, "/respond Mine");
    chat.say(ana, "/respond close");
    var ben = chat.member("ben");
    assertThat(chat.say(ben, "/respond Late view").text()).contains("Q1 is closed");
    assertThat(chat.say(ana, "/respond close").text()).contains("already closed");
    assertThat(chat.say(ana, "/respond reopen").text()).contains("reopened");
    assertThat(question(chat, 1).outcomes()).hasSize(1);
    assertThat(chat.say(ben, "/respond Now it counts").text()).contains("V2");
  }

  @Test
  void botsAreNeverMembers() {
    var chat = Conversation.start();
    chat.say(chat.member("ana"), "/respond open Bots");
    var bot = new dev.chorus.core.community.Actor(new dev.chorus.core.community.MemberId("B1"), "bot", false, false, true);
    assertThat(chat.say(bot, "/respond I am a bot").silent()).isTrue();
    assertThat(question(chat, 1).statements()).isEmpty();
  }

  private static dev.chorus.core.question.Question question(Conversation chat, int number) {
    return chat.questions().find(chat.community(), new QuestionId(number)).orElseThrow();
  }
}
