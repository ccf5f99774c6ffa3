package dev.chorus.core.vote;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.MemberWords;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.Question;
import java.util.List;

/** The reason for the member's block on the latest draft; it goes into the record of dissent. */
public final class GiveBlockReason {
  private final Pseudonyms pseudonyms;
  private final Settings settings;

  public GiveBlockReason(Pseudonyms pseudonyms, Settings settings) {
    this.pseudonyms = pseudonyms;
    this.settings = settings;
  }

  public Decision decide(Request request, Question question, String rawReason) {
    var latest = question.latestDraft();
    if (latest.isEmpty()) {
      return Decision.Rejected.because(question.id() + " has no draft, so there is no block to explain.",
          StandardCommands.STATUS.on(question.id()));
    }
    var version = latest.get().version();
    var member = pseudonyms.keyOf(question, request.actor().id());
    var ballot = latest.get().ballots().get(member);
    if (ballot == null || ballot.choice() != DraftChoice.BLOCK) {
      return Decision.Rejected.because("You have not blocked the latest draft, " + version
          + "; a reason goes with a block.", StandardCommands.VOTE.on(question.id(), version, DraftChoice.BLOCK.word())
          + ", then " + StandardCommands.REASON_COMMAND.on(question.id(), "<why>"));
    }
    var usage = StandardCommands.REASON_COMMAND.on(question.id(), "<why you block it>");
    var checked = MemberWords.check(rawReason, settings.limits().reason(), "Your reason", usage);
    var reason = MemberWords.words(checked);
    if (reason == null) {
      return MemberWords.refusal(checked);
    }
    var earlier = ballot.reason() == null ? 0 : ballot.reason().length();
    var capped = settings.caps().room(question, reason.length() - earlier);
    if (capped.isPresent()) {
      return capped.get();
    }
    var changed = question.withDraftChanged(version, d -> d.withBallot(member, ballot.withReason(reason)));
    return new Decision.Accepted(List.of(changed), List.of(Effect.Reply.of("Your reason is recorded with your block on draft "
        + version + " of " + question.id() + "; it heads the record of dissent if the question closes on this draft.")));
  }
}
