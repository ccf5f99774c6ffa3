package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.CommandDefinition;
import dev.chorus.core.command.CommandDefinition.Audience;
import dev.chorus.core.question.QuestionId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a definition says about who may use a command is what happens: help and Discord read the
 * audience from the definition, the use cases enforce it, and this keeps the two in step.
 */
class WhoMayUseACommandTest {
  private static final QuestionId Q1 = new QuestionId(1);

  /** Words that make each command otherwise acceptable on an open question with a view and a draft. */
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("view", "A view of my own"), Map.entry("open", "Another question"), Map.entry("draft", "A text"),
      Map.entry("amend", "A change"), Map.entry("vote", "v1 agree"), Map.entry("reason", "It is too early"),
      Map.entry("status", ""), Map.entry("list", ""), Map.entry("edit", "--title A better title"),
      Map.entry("hide", "V1 off topic"), Map.entry("close", ""), Map.entry("reopen", ""),
      Map.entry("export", ""), Map.entry("share", "on"), Map.entry("digest", "daily 09:00"), Map.entry("remind", "off"),
      Map.entry("forget", ""), Map.entry("help", ""));

  @Test
  void aFacilitatorsCommandRefusesAPlainMemberAndAMembersCommandDoesNot() {
    for (var definition : CommandCatalog.standard().definitions()) {
      assertThat(WORDS).as("words to try %s with", definition.keyword()).containsKey(definition.keyword());
      var chat = Conversation.start();
      var ana = chat.member("ana");
      chat.say(ana, "/respond open Should we adopt the policy?");
      chat.say(chat.member("ben"), "/respond We need a transition period");
      chat.say(ana, "/respond #Q1 draft We adopt it with a transition period");
      if (definition.keyword().equals("reopen")) {
        chat.say(ana, "/respond #Q1 close");
      }

      var answer = chat.say(chat.member("cem"), line(definition));

      var refusedAsNotFacilitating = answer.refused() && answer.text().contains("Only a facilitator");
      assertThat(refusedAsNotFacilitating).as("%s by a plain member: %s", definition.keyword(), answer.text())
          .isEqualTo(definition.audience() != Audience.MEMBERS);
    }
  }

  @Test
  void theChannelsDigestIsForFacilitatorsButAMembersOwnIsTheirs() {
    var chat = Conversation.start();
    chat.say(chat.member("ana"), "/respond open Should we adopt the policy?");

    var own = chat.say(chat.member("cem"), CommandCatalog.standard().find("digest").orElseThrow().with("me", "daily"));

    assertThat(own.refused()).as(own.text()).isFalse();
  }

  private static String line(CommandDefinition definition) {
    var words = WORDS.get(definition.keyword());
    return definition.aboutOneQuestion()
        ? (words.isEmpty() ? definition.on(Q1) : definition.on(Q1, words))
        : (words.isEmpty() ? definition.invocation() : definition.with(words));
  }
}
