package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.Actor;
import dev.chorus.core.message.Card;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full anonymous joint response, then a scan of everything Chorus showed, exported and logged: no
 * member's name or id, and no pseudonym, may appear tied to a view or vote (docs/user-guide.md,
 * "Anonymous questions").
 */
class AnonymousQuestionTest {
  private final List<String> logLines = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      var line = new StringBuilder(String.valueOf(record.getMessage()));
      if (record.getParameters() != null) {
        for (var parameter : record.getParameters()) {
          line.append(' ').append(parameter);
        }
      }
      if (record.getThrown() != null) {
        line.append(' ').append(record.getThrown());
      }
      logLines.add(line.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureEveryLogLine() {
    capture.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(capture);
    Logger.getLogger("").setLevel(Level.ALL);
  }

  @AfterEach
  void stopCapturing() {
    Logger.getLogger("").removeHandler(capture);
    Logger.getLogger("").setLevel(Level.INFO);
  }

  @Test
  void nothingShownExportedOrLoggedTiesAMemberToAViewOrVote() {
    var chat = Conversation.start();
    var opener = chat.member("Oksana");
    var members = List.of(opener, chat.member("Pieter"), chat.member("Quinn"), chat.member("Rahel"),
        chat.member("Sven"), chat.member("Tamsin"));
    var privates = new ArrayList<Private>();
    privates.add(new Private(opener, chat.say(opener,
        "/respond open Is our manager's new review process fair? --anonymous --for the works council --deadline 5d")));
    var card = chat.lastMessage().number();
    var words = List.of("It adds paperwork and fear", "It is fair if reviews are two-way", "Nobody asked us",
        "Peer review would be better", "I like the clearer goals", "It favours the loud people");
    for (int i = 0; i < members.size(); i++) {
      privates.add(new Private(members.get(i), chat.say(members.get(i), "/respond " + words.get(i))));
    }
    var pieter = members.get(1);
    privates.add(new Private(pieter, chat.say(pieter, "/respond view It is fair only if reviews go both ways")));
    for (var voter : members) {
      for (int view = 1; view <= members.size() + 1; view++) {
        var choice = (voter.displayName().length() + view) % 3 == 0 ? "disagree" : "agree";
        privates.add(new Private(voter, chat.say(voter, "/respond vote V" + view + " " + choice)));
      }
    }
    var viewMessage = chat.message("V3 · view");
    privates.add(new Private(members.get(2), chat.press(members.get(2), viewMessage, "Pass")));
    privates.add(new Private(members.get(3), chat.react(members.get(3), viewMessage, "👍")));
    privates.add(new Private(members.get(4), chat.say(members.get(4), "/respond amend Add a two-way review")));
    privates.add(new Private(opener, chat.say(opener,
        "/respond draft The review process needs two-way feedback and less paperwork.")));
    var draft = chat.message("Draft v1");
    privates.add(new Private(members.get(1), chat.press(members.get(1), draft, "Agree")));
    privates.add(new Private(members.get(2), chat.press(members.get(2), draft, "Agree")));
    privates.add(new Private(members.get(3), chat.press(members.get(3), draft, "Block")));
    privates.add(new Private(members.get(3), chat.say(members.get(3), "/respond reason Reviews should be optional")));
    privates.add(new Private(members.get(4), chat.press(members.get(4), draft, "Disagree")));
    privates.add(new Private(members.get(5), chat.say(members.get(5), "/respond vote v1 abstain")));
    privates.add(new Private(members.get(5), chat.say(members.get(5), "/respond status")));
    privates.add(new Private(opener, chat.say(opener, "/respond status")));
    privates.add(new Private(members.get(2), chat.say(members.get(2), "/respond forget")));
    var written = chat.say(opener, "/respond draft");
    privates.add(new Private(opener, written));
    assertThat(written.text()).as("Chorus wrote a draft from the views").contains("Draft v2");
    privates.add(new Private(opener, chat.say(opener, "/respond close v1")));
    var exports = new ArrayList<String>();
    for (var format : List.of("markdown", "json", "csv")) {
      var answer = chat.say(members.get(5), "/respond export " + format);
      privates.add(new Private(members.get(5), answer));
      exports.add(answer.file().content().text());
    }
    chat.say(members.get(1), "/respond #Q9 status");
    chat.say(members.get(1), "/respond vote v7 block");

    var shown = new ArrayList<String>();
    for (var message : chat.chat().messages(chat.community())) {
      for (Card version : message.versions()) {
        shown.add(version.plainText());
        version.buttons().forEach(b -> shown.add(b.action()));
      }
    }
    assertThat(shown).as("the session posted its card, views, drafts and outcome").hasSizeGreaterThan(20);
    assertThat(chat.chat().find(chat.community(), card).orElseThrow().text()).contains("Anonymous");
    assertThat(String.join("\n", shown)).contains("Reviews should be optional").contains("✋ 1 block")
        .contains("Draft written by Chorus");

    for (var member : members) {
      var name = member.displayName();
      var id = member.id().value();
      for (var text : shown) {
        assertThat(text).as("a public message").doesNotContain(name).doesNotContain(id).doesNotContain("anon:");
      }
      for (var export : exports) {
        assertThat(export).as("an export").doesNotContain(name).doesNotContain(id).doesNotContain("anon:");
      }
      for (var line : logLines) {
        assertThat(line).as("a log line").doesNotContain(name).doesNotContain(id).doesNotContain("anon:");
      }
      for (var answer : privates) {
        if (!answer.to().equals(member)) {
          assertThat(answer.answer().text()).as("a private reply to someone else")
              .doesNotContain(name).doesNotContain(id).doesNotContain("anon:");
        }
      }
    }
    var stored = chat.questions().snapshot(chat.community()).values().iterator().next();
    assertThat(stored.statements()).allMatch(s -> s.authorName() == null && s.author().value().startsWith("anon:"));
    assertThat(stored.openerName()).isNull();
  }

  record Private(Actor to, Answer answer) {}
}
