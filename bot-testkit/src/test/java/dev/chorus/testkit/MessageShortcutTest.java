package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.conversation.Inbound.Shortcut;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementKind;
import org.junit.jupiter.api.Test;

/**
 * A message a member wrote becomes their view or amendment through a shortcut: the form comes filled
 * with its words, and submitting it is the command. Someone else's message, an anonymous question's,
 * and one outside any question are refused, privately, with what to do instead; nothing changes.
 */
class MessageShortcutTest {

  @Test
  void aMembersOwnMessageInAQuestionsThreadBecomesTheirViewThroughTheForm() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    var ben = chat.member("ben");
    chat.say(ana, "/respond open Shall we answer the ministry?");
    int card = chat.message("Taking part");

    var answer = chat.shortcut(ben, Shortcut.SHARE_AS_VIEW, card, ben, "  We should, but only with an opt-out.  ");

    var form = answer.form().orElseThrow();
    assertThat(form.fields().get(0).prefill()).isEqualTo("We should, but only with an opt-out.");
    assertThat(chat.questions().find(chat.community(), new QuestionId(1)).orElseThrow().activeViews()).isEmpty();
    chat.submit(ben, form, form.fields().get(0).prefill());
    var views = chat.questions().find(chat.community(), new QuestionId(1)).orElseThrow().activeViews();
    assertThat(views).singleElement().satisfies(v -> assertThat(v.text()).isEqualTo("We should, but only with an opt-out."));
  }

  @Test
  void inTheChannelItselfTheChannelsOneOpenQuestionIsMeant() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Shall we answer the ministry?");

    var form = chat.shortcut(ana, Shortcut.SHARE_AS_VIEW, 0, ana, "Yes, briefly.").form().orElseThrow();

    assertThat(form.title()).contains("Q1");
  }

  @Test
  void anAmendmentComesFromAMessageToo() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    var ben = chat.member("ben");
    chat.say(ana, "/respond open Shall we answer the ministry?");
    int card = chat.message("Taking part");
    var noDraft = chat.shortcut(ben, Shortcut.PROPOSE_AS_AMENDMENT, card, ben, "Add audits");
    assertThat(noDraft.refused()).isTrue();
    assertThat(noDraft.text()).contains("no draft yet");

    chat.say(ana, "/respond We should");
    chat.say(ana, "/respond draft We answer yes.");
    var form = chat.shortcut(ben, Shortcut.PROPOSE_AS_AMENDMENT, card, ben, "Add yearly audits").form().orElseThrow();
    assertThat(form.title()).contains("v1");
    chat.submit(ben, form, "Add yearly audits");

    var q = chat.questions().find(chat.community(), new QuestionId(1)).orElseThrow();
    assertThat(q.statements()).filteredOn(s -> s.kind() == StatementKind.AMENDMENT).singleElement()
        .satisfies(s -> assertThat(s.text()).isEqualTo("Add yearly audits"));
  }

  @Test
  void someoneElsesMessageAnAnonymousQuestionsAndOneOutsideAnyQuestionAreRefusedAndNothingChanges() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    var ben = chat.member("ben");

    var outside = chat.shortcut(ben, Shortcut.SHARE_AS_VIEW, 0, ben, "Words before any question");
    assertThat(outside.refused()).isTrue();
    assertThat(outside.text()).contains("belongs to no question");

    chat.say(ana, "/respond open Shall we answer the ministry?");
    int card = chat.message("Taking part");
    var others = chat.shortcut(ben, Shortcut.SHARE_AS_VIEW, card, ana, "Ana's words, not Ben's");
    assertThat(others.refused()).isTrue();
    assertThat(others.text()).contains("someone else");

    chat.say(ana, "/respond A view of Ana's");
    var notAQuestion = chat.shortcut(ben, Shortcut.SHARE_AS_VIEW, chat.message("V1 · view"), ben, "In a view's thread");
    assertThat(notAQuestion.refused()).isTrue();
    assertThat(notAQuestion.text()).contains("thread that belongs to no question");

    chat.say(ana, "/respond close");
    chat.say(ana, "/respond open A secret ballot --anonymous");
    int secret = chat.message("A secret ballot");
    var anonymous = chat.shortcut(ben, Shortcut.SHARE_AS_VIEW, secret, ben, "My own words, posted under my name");
    assertThat(anonymous.refused()).isTrue();
    assertThat(anonymous.text()).contains("anonymous").contains("your name");

    assertThat(chat.questions().find(chat.community(), new QuestionId(1)).orElseThrow().activeViews()).hasSize(1);
    assertThat(chat.questions().find(chat.community(), new QuestionId(2)).orElseThrow().activeViews()).isEmpty();
  }
}
