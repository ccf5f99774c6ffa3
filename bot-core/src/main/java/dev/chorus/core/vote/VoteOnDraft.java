package dev.chorus.core.vote;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.DraftBallot;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.VoteChange;
import java.time.Clock;
import java.util.ArrayList;

/**
 * A member votes on a draft (agree, abstain, disagree, block), or retracts the vote that counts.
 * After a block Chorus asks for the reason.
 */
public final class VoteOnDraft {
  private final Pseudonyms pseudonyms;
  private final Clock clock;

  public VoteOnDraft(Pseudonyms pseudonyms, Clock clock) {
    this.pseudonyms = pseudonyms;
    this.clock = clock;
  }

  public Decision decide(Request request, Question question, DraftVersion version, DraftChoice choice, VoteSource source) {
    return change(request, question, version, choice, source, false);
  }

  public Decision retract(Request request, Question question, DraftVersion version, DraftChoice removed) {
    return change(request, question, version, removed, VoteSource.REACTION, true);
  }

  private Decision change(
      Request request, Question question, DraftVersion version, DraftChoice choice, VoteSource source, boolean retract) {
    var refusal = VotingRules.refusal(question, source, retract, version.toString(), choice.word());
    if (refusal.isPresent()) {
      return refusal.get();
    }
    var draft = question.draft(version);
    if (draft.isEmpty()) {
      return Decision.Rejected.because(question.id() + " has no draft " + version + ".",
          StandardCommands.STATUS.on(question.id()) + " shows the latest draft");
    }
    var member = pseudonyms.keyOf(question, request.actor().id());
    var recorded = draft.get().ballots().get(member);
    DraftBallot next;
    if (retract) {
      if (recorded == null || recorded.choice() != choice) {
        return Decision.Accepted.saying();
      }
      next = null;
    } else {
      if (recorded != null && recorded.choice() == choice) {
        return source == VoteSource.REACTION ? Decision.Accepted.saying()
            : Decision.Accepted.saying(Effect.Reply.of("Your vote on draft " + version + " of " + question.id() + " is already "
                + choice.word() + "."
                + VotingRules.toChange(source)));
      }
      next = new DraftBallot(choice, clock.instant(), question.anonymous() ? null : request.actor().displayName(), null);
    }
    var change = new VoteChange.OnDraft(question.id(), version, member, recorded, next);
    return new Decision.Voted(question, change, cast -> {
      var shown = cast.question();
      var updated = shown.draft(version).orElseThrow();
      var effects = new ArrayList<Effect>();
      effects.add(new Effect.Edit(new Target.DraftMessage(question.id(), version),
          () -> Cards.draft(shown, updated, false, cast.draftTally())));
      effects.add(new Effect.Edit(new Target.DraftAnnouncement(question.id(), version),
          () -> Cards.draft(shown, updated, true, cast.draftTally())));
      if (next != null && choice == DraftChoice.BLOCK) {
        effects.add(Effect.Reply.of("You block draft " + version + " of " + question.id()
            + ". A block is a serious objection: please say why, so everyone can address it: "
            + StandardCommands.REASON_COMMAND.on(question.id(), "<why you block it>")));
      } else if (source != VoteSource.REACTION) {
        var on = "Your vote on draft " + version + " of " + question.id();
        effects.add(Effect.Reply.of(next == null ? on + " is withdrawn."
            : on + ": " + choice.word() + (question.anonymous() ? " (nobody can see how you voted)." : ".")
                + VotingRules.toChange(source)));
      }
      return effects;
    });
  }
}
