package dev.chorus.core.overview;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.StatementKind;
import java.util.ArrayList;
import java.util.List;

/** {@code /respond status}: participation, the latest draft and its tally, and the member's own view and votes. */
public final class ShowStatus {
  private final Pseudonyms pseudonyms;

  public ShowStatus(Pseudonyms pseudonyms) {
    this.pseudonyms = pseudonyms;
  }

  public Decision decide(Request request, Question question) {
    var member = pseudonyms.keyOf(question, request.actor().id());
    var blocks = new ArrayList<Block>();
    blocks.add(new Block.Heading(Text.builder().plain(question.id() + " · ").quoted(question.title())
        .plain(question.open() ? " · open" : " · closed").build()));
    var fields = new ArrayList<Block.Field>();
    var views = question.membersWithView().size();
    fields.add(new Block.Field("Views", Text.of(views + (views == 1 ? " member has" : " members have")
        + " shared a view; " + question.participants().size() + " took part in all")));
    var amendments = question.activeStatements().stream().filter(s -> s.kind() == StatementKind.AMENDMENT).count();
    if (amendments > 0) {
      fields.add(new Block.Field("Amendments", Text.of(String.valueOf(amendments))));
    }
    if (question.deadline() != null) {
      fields.add(new Block.Field("Deadline", Text.builder().moment(question.deadline()).build()));
    }
    question.latestDraft().ifPresentOrElse(
        d -> fields.add(new Block.Field("Latest draft " + d.version(), Text.of(question.shownTally(d).inWords()))),
        () -> fields.add(new Block.Field("Drafts", Text.of("none yet"))));
    question.latestOutcome().ifPresent(o -> fields.add(new Block.Field("Outcome",
        Text.of(o.level().label() + (o.draft() == null ? "" : " on " + o.draft())
            + (question.open() ? " (before it was reopened)" : "")))));
    blocks.add(new Block.Fields(fields));
    var yours = new ArrayList<Text>();
    question.viewOf(member).ifPresentOrElse(
        v -> yours.add(Text.builder().plain("Your view " + v.id() + ": ").quoted(v.text()).build()),
        () -> yours.add(Text.of("You have not shared a view" + (question.open()
            ? ": " + StandardCommands.VIEW.on(question.id(), "<your view>") : "."))));
    for (var statement : question.activeStatements()) {
      var vote = statement.votes().get(member);
      if (vote != null) {
        yours.add(Text.of("Your vote on " + statement.id() + ": " + vote.word()));
      }
    }
    for (var draft : question.drafts()) {
      var ballot = draft.ballots().get(member);
      if (ballot != null) {
        yours.add(Text.of("Your vote on draft " + draft.version() + ": " + ballot.choice().word()
            + (ballot.choice() == dev.chorus.core.question.DraftChoice.BLOCK
                ? (ballot.reason() == null
                    ? " (no reason given yet: " + StandardCommands.REASON_COMMAND.on(question.id(), "<why>") + ")"
                    : " (reason given)") : "")));
      }
    }
    question.latestDraft().filter(d -> question.open() && !d.ballots().containsKey(member)).ifPresent(
        d -> yours.add(Text.of("You have not voted on draft " + d.version() + " yet.")));
    blocks.add(new Block.Bullets(yours));
    if (question.anonymous()) {
      blocks.add(new Block.Paragraph(Text.of("Anonymous question: counts only, never names.")));
    }
    return Decision.Accepted.saying(new Effect.Reply(new Card(blocks, List.of(), List.of())));
  }
}
