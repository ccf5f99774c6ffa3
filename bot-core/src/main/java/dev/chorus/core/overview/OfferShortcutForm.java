package dev.chorus.core.overview;

import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Lookup;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.TextCuts;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Questions;

/**
 * A message shortcut ("Share as my view", "Propose as amendment") on a message: the form for a view
 * or an amendment, filled with the message's words, for the question whose thread the message is in
 * (or, in the channel itself, the channel's one open question). Submitting it is the same as the
 * command. Refused, privately and with what to do instead: a message outside any question, a message
 * someone else wrote (a member proposes only their own words), and any message in an anonymous
 * question (it was posted under the member's name, so as their anonymous view it would show it is
 * theirs).
 */
public final class OfferShortcutForm {
  private final Questions questions;
  private final MessageLinks links;
  private final Lookup lookup;
  private final Settings settings;

  public OfferShortcutForm(Questions questions, MessageLinks links, Lookup lookup, Settings settings) {
    this.questions = questions;
    this.links = links;
    this.lookup = lookup;
    this.settings = settings;
  }

  public Decision decide(Inbound.MessageShortcut shortcut) {
    var request = Request.of(shortcut, null);
    var asView = shortcut.shortcut() == Inbound.Shortcut.SHARE_AS_VIEW;
    var instead = asView ? StandardCommands.VIEW.with("<your view>") : StandardCommands.AMEND.with("<your change>");
    Question question;
    if (shortcut.threadCard() != null) {
      var shown = links.targetOf(shortcut.community(), shortcut.threadCard())
          .filter(target -> target instanceof Target.QuestionCard)
          .flatMap(target -> questions.find(shortcut.community(), target.question()))
          .filter(q -> q.channel().equals(shortcut.channel()));
      if (shown.isEmpty()) {
        return Decision.Rejected.because("That message is in a thread that belongs to no question.",
            "use the shortcut on a message in a question's thread, or type " + instead);
      }
      question = shown.get();
    } else {
      var found = lookup.anyQuestion(request, StandardCommands.VIEW::usageWithWordsOn);
      var inChannel = Lookup.questionOf(found);
      if (inChannel == null) {
        var why = Lookup.rejection(found).reason().plainText();
        return Decision.Rejected.because("That message belongs to no question: it is not in a question's thread, and "
            + Character.toLowerCase(why.charAt(0)) + why.substring(1), "use the shortcut on a message in a question's "
            + "thread");
      }
      question = inChannel;
    }
    if (!shortcut.author().equals(shortcut.actor().id())) {
      return Decision.Rejected.because("That message was written by someone else. A shortcut proposes only your own "
          + "words, so nobody's words become a view or amendment without them.", "write yours with " + instead);
    }
    if (question.anonymous()) {
      return Decision.Rejected.because(question.id() + " is anonymous, and that message was posted under your name: "
          + "as your view or amendment it would show everyone which one is yours.",
          "write it afresh with " + StandardCommands.VIEW.on(question.id(), "<your view>") + ", or "
              + CommandCatalog.SLASH_COMMAND + " alone for a form");
    }
    if (!question.open()) {
      return Decision.Rejected.because(question.id() + " is closed, so it takes no more views or amendments.",
          "a facilitator can " + StandardCommands.REOPEN.on(question.id()));
    }
    var limit = settings.limits().view();
    var words = TextCuts.clip(shortcut.text().strip(), limit);
    if (asView) {
      return Decision.Accepted.saying(Effect.ShowForm.of(Forms.view(question.id(), question.title(), words, limit)));
    }
    var draft = question.latestDraft();
    if (draft.isEmpty()) {
      return Decision.Rejected.because(question.id() + " has no draft yet, so there is nothing to amend.",
          "share it as your view instead, or wait for a facilitator's " + StandardCommands.DRAFT_COMMAND.on(question.id()));
    }
    return Decision.Accepted.saying(Effect.ShowForm.of(
        Forms.amendment(question.id(), draft.get().version().toString(), words, limit)));
  }
}
