package dev.chorus.core.overview;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.lifecycle.OpenQuestion;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.Statement;

/**
 * Bare {@code /respond}: with one open question a form prefilled with the member's view; with none
 * the open-a-question form; with several, a choice.
 */
public final class OfferForm {
  private final Questions questions;
  private final Pseudonyms pseudonyms;
  private final Settings settings;

  public OfferForm(Questions questions, Pseudonyms pseudonyms, Settings settings) {
    this.questions = questions;
    this.pseudonyms = pseudonyms;
    this.settings = settings;
  }

  public Decision decide(Request request) {
    if (request.named() != null) {
      var named = questions.find(request.community(), request.named());
      if (named.isEmpty() || !named.get().channel().equals(request.channel())) {
        return Decision.Rejected.because("There is no " + request.named() + " in this channel.",
            StandardCommands.LIST.invocation() + " to see this channel's questions");
      }
      return viewForm(request, named.get());
    }
    var open = questions.openInChannel(request.community(), request.channel());
    if (open.isEmpty()) {
      return openQuestion(request);
    }
    if (open.size() == 1) {
      return viewForm(request, open.get(0));
    }
    var choices = open.stream()
        .map(q -> Text.builder().plain(CommandCatalog.naming(q.id()) + " — your view on ").quoted(q.title()).build())
        .toList();
    return Decision.Accepted.saying(new Effect.Reply(Card.of(
        new Block.Paragraph(Text.of("Several questions are open here. Which one? Send one of these:")),
        new Block.Bullets(choices))));
  }

  /** {@code /respond open} without a title: the form, for those who may open questions here. */
  public Decision openQuestion(Request request) {
    var notAllowed = OpenQuestion.refusedOpener(settings, request.actor());
    if (notAllowed.isPresent()) {
      return notAllowed.get();
    }
    return Decision.Accepted.saying(Effect.ShowForm.of(Forms.open(settings.limits().title(), settings.limits().context())));
  }

  private Decision viewForm(Request request, Question question) {
    if (!question.open()) {
      return Decision.Rejected.because(question.id() + " is closed, so it takes no more views.",
          "a facilitator can " + StandardCommands.REOPEN.on(question.id()));
    }
    var prefill = question.viewOf(pseudonyms.keyOf(question, request.actor().id())).map(Statement::text).orElse("");
    return Decision.Accepted.saying(Effect.ShowForm.of(
        Forms.view(question.id(), question.title(), prefill, settings.limits().view())));
  }
}
