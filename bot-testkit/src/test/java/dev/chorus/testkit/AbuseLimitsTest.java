package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.conversation.QuestionCaps;
import dev.chorus.core.question.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sibling of {@link HostileInputTest} for members who push volume rather than odd text: a question
 * stays bounded however much one member (or many) send, every refusal is private and names its
 * limit, and nothing refused reaches the channel. Also hostile HTML and Markdown through to an
 * export meant for an outside body.
 */
class AbuseLimitsTest {
  private static final QuestionCaps CAPS = QuestionCaps.DEFAULTS;
  private final Conversation chat = Conversation.start();

  private Question stored() {
    return chat.questions().snapshot(chat.community()).get(1);
  }

  @Test
  void aThousandAmendmentsByOneMemberStopAtTheCap() {
    var fran = chat.facilitator("Fran");
    var mallory = chat.member("Mallory");
    chat.say(fran, "/respond open Shall we buy a shared printer?");
    chat.say(fran, "/respond draft We buy one printer for the floor.");
    int before = chat.chat().messages(chat.community()).size();
    int accepted = 0;
    for (int i = 0; i < 1_000; i++) {
      var answer = chat.say(mallory, "/respond amend Change number " + i + " " + "x".repeat(1_000));
      if (answer.refused()) {
        assertThat(answer.text()).contains(CAPS.amendmentsPerMember() + " amendments").contains("the most one member");
      } else {
        accepted++;
      }
    }
    assertThat(accepted).isEqualTo(CAPS.amendmentsPerMember());
    assertThat(chat.chat().messages(chat.community()).size() - before).as("public messages for the amendments")
        .isEqualTo(CAPS.amendmentsPerMember());
    assertThat(QuestionCaps.storedCharacters(stored())).isLessThan(30 * 1_030 + 1_000);
    // Another member is not held back by Mallory's cap.
    assertThat(chat.say(chat.member("Nina"), "/respond amend Add a scanner").refused()).isFalse();
  }

  @Test
  void aHundredDraftsStopAtTheCapAndEachEditsOnlyTheOneBefore() {
    var fran = chat.facilitator("Fran");
    chat.say(fran, "/respond open Where should the offsite be?");
    chat.say(chat.member("Ola"), "/respond By the lake");
    int accepted = 0;
    for (int i = 1; i <= 100; i++) {
      var answer = chat.say(fran, "/respond draft Draft number " + i + ": we meet by the lake.");
      if (answer.refused()) {
        assertThat(answer.text()).contains(CAPS.drafts() + " drafts").contains("the most one question");
      } else {
        accepted++;
      }
    }
    assertThat(accepted).isEqualTo(CAPS.drafts());
    assertThat(stored().drafts()).hasSize(CAPS.drafts());
    assertThat(chat.say(fran, "/respond draft").text()).as("a draft by Chorus counts too")
        .contains(CAPS.drafts() + " drafts");
    // Each draft's message was edited once, when the next came: never again by later drafts.
    var first = chat.chat().find(chat.community(), chat.message("Draft v1 of Q1")).orElseThrow();
    assertThat(first.versions()).hasSize(2);
  }

  @Test
  void viewEditsStopAtTheCapAndTheLatestViewStillCounts() {
    chat.say(chat.facilitator("Fran"), "/respond open Flexible hours?");
    var pat = chat.member("Pat");
    int accepted = 0;
    for (int i = 0; i < 200; i++) {
      var answer = chat.say(pat, "/respond view My view, take " + i);
      if (answer.refused()) {
        assertThat(answer.text()).contains(CAPS.viewEditsPerMember() + " times").contains("your latest view still counts");
      } else {
        accepted++;
      }
    }
    assertThat(accepted).as("the first view and its edits").isEqualTo(CAPS.viewEditsPerMember() + 1);
    assertThat(stored().activeViews()).singleElement().satisfies(v -> assertThat(v.text())
        .isEqualTo("My view, take " + CAPS.viewEditsPerMember()));
  }

  @Test
  void manyMembersFillAQuestionOnlyUpToItsStoredSize() {
    chat.say(chat.facilitator("Fran"), "/respond open An open-ended question");
    var words = "w".repeat(1_400);
    String lastRefusal = null;
    for (int i = 0; i < 400; i++) {
      var answer = chat.say(chat.member("member" + i), "/respond " + words + " " + i);
      if (answer.refused()) {
        lastRefusal = answer.text();
      }
    }
    assertThat(lastRefusal).isNotNull().contains("500,000 characters").contains("follow-up question");
    assertThat(QuestionCaps.storedCharacters(stored())).isLessThanOrEqualTo(CAPS.storedCharacters());
  }

  @Test
  void hostileHtmlAndMarkdownReachTheExportInert() {
    var fran = chat.facilitator("Fran");
    chat.say(fran, "/respond open <img src=x onerror=alert(1)> budget --for <script>alert('body')</script>");
    chat.say(chat.member("Eve"), "/respond [Read more](javascript:alert(document.cookie)) and "
        + "![pixel](https://tracker.example/p.gif?u=1) <iframe src=https://evil.example></iframe>");
    chat.say(chat.member("Ivy"), "/respond # Heading injection\n---\n| table | row |\n<a href=\"https://evil.example\">x</a>");
    chat.say(fran, "/respond draft We agree on the budget.");
    chat.say(chat.member("Eve"), "/respond vote v1 block");
    chat.say(chat.member("Eve"), "/respond reason <script>steal()</script> [x](javascript:void(0))");
    chat.say(fran, "/respond close v1");
    var markdown = chat.say(fran, "/respond export markdown").file().content().text();
    assertThat(markdown).as("the export still carries the members' words").contains("alert").contains("tracker.example");
    for (var raw : List.of("<img", "<script", "<iframe", "<a href", "](javascript:", "![pixel]", "\n# Heading", "\n---\n")) {
      assertThat(markdown).as("raw " + raw).doesNotContain(raw);
    }
  }
}
