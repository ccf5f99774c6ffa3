package dev.chorus.report;

import dev.chorus.core.community.Actor;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.testkit.Conversation;
import java.util.List;

/**
 * A whole joint response, played as members would: views, votes, a hidden insult, a draft with a
 * block and its reason, an amendment, a second draft that most support, and the close.
 */
final class JointResponses {
  /** Names no report may show where names are not allowed, chosen so they appear nowhere else. */
  static final List<String> NAMES = List.of("Zelda Quarrington", "Bartholomew Ximenes", "Cordelia Wrexham",
      "Dagobert Yarrow", "Eulalia Vantongeren", "Fitzgerald Umberfield", "Griselda Tolliver", "Hieronymus Sallow");

  final Conversation chat;
  final List<Actor> members;
  final int question;

  private JointResponses(Conversation chat, boolean anonymous) {
    this.chat = chat;
    this.members = NAMES.stream().map(chat::member).toList();
    var opener = members.get(0);
    chat.say(opener, "/respond open New national data-sharing policy --for the Ministry of Health --deadline 14d"
        + " --context The ministry asks communities of practice for an informed opinion." + (anonymous ? " --anonymous" : ""));
    question = 1;
    String[] views = {"We support sharing if patients can opt out", "Sharing helps research but needs strict audits",
        "Small practices need funding to implement it", "The policy ignores rural clinics",
        "We need a two-year transition period", "Whoever wrote this policy is an idiot",
        "I agree with opt-out and audits", "Audits should be public"};
    for (int i = 0; i < views.length; i++) {
      chat.say(members.get(i), "/respond " + views[i]);
    }
    // Everyone votes on every other view: two camps, opt-out and audits against funding and rural clinics.
    for (int i = 0; i < members.size(); i++) {
      for (int v = 1; v <= views.length; v++) {
        if (v - 1 == i || v == 6) {
          continue;
        }
        var sameCamp = (i % 2) == ((v - 1) % 2) || v == 1;
        chat.say(members.get(i), "/respond vote V" + v + " " + (sameCamp ? "agree" : (i + v) % 3 == 0 ? "pass" : "disagree"));
      }
    }
    chat.say(opener, "/respond hide V6 Personal insult; please restate your point respectfully");
    chat.say(opener, "/respond draft We support the data-sharing policy if patients can opt out, audits are independent"
        + " and public, and small practices get funding.");
    chat.say(members.get(3), "/respond vote v1 block");
    chat.say(members.get(3), "/respond reason Rural clinics are not mentioned at all");
    chat.say(members.get(4), "/respond amend Add a two-year transition period for rural clinics");
    chat.say(members.get(3), "/respond vote V9 agree");
    chat.say(opener, "/respond draft We support the data-sharing policy if patients can opt out, audits are independent"
        + " and public, small practices get funding, and rural clinics get a two-year transition period.");
    for (int i = 0; i < members.size(); i++) {
      chat.say(members.get(i), "/respond vote v2 " + (i == 5 ? "disagree" : i == 7 ? "abstain" : "agree"));
    }
    chat.say(opener, "/respond close");
  }

  static JointResponses played(Conversation chat) {
    return new JointResponses(chat, false);
  }

  static JointResponses playedAnonymously(Conversation chat) {
    return new JointResponses(chat, true);
  }

  Question stored() {
    return chat.questions().find(chat.community(), new QuestionId(question)).orElseThrow();
  }
}
