package dev.chorus.core;

import dev.chorus.core.command.ParseResult;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Delivery;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.RecentQuestions;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.HeldVote;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.SeenReactions;
import dev.chorus.core.question.StoreUnavailableException;
import dev.chorus.core.question.VoteChange;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Decides an event, commits the decision (again from a fresh read when another change got there
 * first), and delivers the public messages; what to tell the member privately is what it returns.
 */
final class Attempts {
  private static final System.Logger LOG = System.getLogger(Chorus.class.getName());
  private static final int ATTEMPTS = 8;

  /** After a write that timed out: it may have gone through, so neither "saved" nor "nothing changed" is true. */
  static final String MAY_HAVE_SAVED = "Chorus could not confirm that this was saved: its store did not answer in time, "
      + "and may still carry it out. " + StandardCommands.STATUS.invocation() + " (or " + StandardCommands.LIST.invocation()
      + ") shows where things stand in a moment; send it "
      + "again only if it is not there. Opening the same question again is safe: Chorus recognises it.";

  private final Router router;
  private final Questions questions;
  private final Ballots ballots;
  private final RecentQuestions recent;
  private final Delivery delivery;
  private final Observer observer;

  Attempts(Router router, Questions questions, Ballots ballots, RecentQuestions recent, Delivery delivery,
      Observer observer) {
    this.router = router;
    this.questions = questions;
    this.ballots = ballots;
    this.recent = recent;
    this.delivery = delivery;
    this.observer = observer;
  }

  /**
   * How handling an event ended.
   *
   * @param answers what to tell the member privately
   * @param unrecordedReaction a vote reaction seen but not yet recorded as seen with the vote itself
   */
  record Handled(List<Effect.Private> answers, Observer.Result result,
      SeenReactions.@Nullable Change unrecordedReaction) {}

  /**
   * @param parsed the command, parsed once however often a conflict makes Chorus decide again; null
   *     for an event that is no command
   * @param kind the kind of event, for metrics and logs
   */
  Handled handle(Inbound inbound, @Nullable ParseResult parsed, String kind) {
    if (inbound.actor().bot()) {
      return new Handled(List.of(), Observer.Result.IGNORED, null);
    }
    // Whether a write was sent: after a timeout it may have been carried out, and the member is told so.
    boolean writing = false;
    SeenReactions.Change noted = null;
    try {
      // The first attempt may decide a vote on a recently seen question; a refused cast, or any
      // other decision made on one, is decided again from a fresh read.
      boolean fresh = false;
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        var reads = new Reads(questions, recent, inbound.community(), fresh);
        var decision = router.decide(inbound, parsed, reads);
        if (reads.noted() != null) {
          noted = reads.noted();
        }
        if (reads.usedRecent() && !(decision instanceof Decision.Voted)) {
          fresh = true;
          continue;
        }
        if (decision instanceof Decision.Rejected rejected) {
          if (questions.processed(inbound.community(), inbound.event())) {
            // A redelivery of an event that was applied: what it changed is why it is refused now.
            return new Handled(List.of(), Observer.Result.IGNORED, noted);
          }
          return new Handled(List.of(explain(rejected)), Observer.Result.REFUSED, noted);
        }
        if (decision instanceof Decision.Setting setting) {
          writing = true;
          setting.save().run();
          return accepted(delivery.deliver(inbound.community(), setting.effects()), noted);
        }
        if (decision instanceof Decision.Voted voted) {
          writing = true;
          var cast = ballots.cast(inbound.community(), voted.decidedOn(), voted.change(), inbound.event(), noted);
          if (cast instanceof Ballots.CastResult.AlreadyProcessed) {
            return new Handled(List.of(), Observer.Result.IGNORED, null);
          }
          if (cast instanceof Ballots.CastResult.Recorded recorded) {
            // Seen with the vote itself, in the same write.
            recent.rememberVote(voted.decidedOn(), voted.change(), recorded.question());
            if (!recorded.question().mixedInHeld().isEmpty()) {
              releaseMixedIn(inbound.community(), recorded.question().id());
            }
            if (casts(voted.change())) {
              observer.voted(viaOf(kind));
            }
            return accepted(delivery.deliver(inbound.community(),
                Delivery.atRevisions(voted.effects().apply(recorded), List.of(recorded.question()))), null);
          }
          recent.forget(inbound.community(), voted.change().question());
          fresh = true;
          pause(attempt);
          continue;
        }
        var accepted = (Decision.Accepted) decision;
        if (accepted.writes().isEmpty()) {
          // Checked after deciding: the same event, delivered to another replica too, may have been
          // applied before our read, and then this answer would be its second. A form offered twice
          // does no harm, and must open within the platform's seconds even when the store is slow.
          boolean onlyForms = !accepted.effects().isEmpty()
              && accepted.effects().stream().allMatch(effect -> effect instanceof Effect.ShowForm);
          if (!onlyForms && questions.processed(inbound.community(), inbound.event())) {
            return new Handled(List.of(), Observer.Result.IGNORED, noted);
          }
        } else {
          if (accepted.erasesWords()) {
            // Asked first, so a forget is never stored without it; a rewrite asked for in vain costs little.
            questions.eraseOldCopies();
          }
          writing = true;
          var commit = questions.commit(inbound.community(), accepted.writes(), inbound.event());
          if (commit instanceof Questions.CommitResult.AlreadyProcessed) {
            return new Handled(List.of(), Observer.Result.IGNORED, noted);
          }
          if (commit instanceof Questions.CommitResult.Conflict) {
            pause(attempt);
            continue;
          }
          // Exactly what the store now holds: the commit checked nothing came between.
          var stored = accepted.writes().stream().map(Question::committed).toList();
          stored.forEach(recent::remember);
          return accepted(delivery.deliver(inbound.community(), Delivery.atRevisions(accepted.effects(), stored)), noted);
        }
        return accepted(delivery.deliver(inbound.community(), accepted.effects()), noted);
      }
      return new Handled(List.of(Effect.Reply.of("Many members are changing this question at the same moment, and your "
          + "change did not get through. Nothing was changed: please send it again.")), Observer.Result.BUSY, noted);
    } catch (StoreUnavailableException e) {
      Failures.log(LOG, Level.WARNING, "store unavailable while handling a " + kind + " event", e);
      if (writing && e.mayHaveApplied()) {
        return new Handled(List.of(Effect.Reply.of(MAY_HAVE_SAVED)), Observer.Result.FAILED, noted);
      }
      return new Handled(List.of(Effect.Reply.of("Chorus could not save that just now, so nothing was changed. "
          + "Please try again in a moment.")), Observer.Result.FAILED, noted);
    } catch (RuntimeException e) {
      // Logged without the member's words or ids: only what kind of event failed and where.
      Failures.log(LOG, "failed to handle a " + kind + " event", e);
      return new Handled(List.of(Effect.Reply.of("Something went wrong on Chorus's side, and nothing was changed. "
          + "Please try again; if it keeps failing, tell whoever runs Chorus here.")), Observer.Result.FAILED, noted);
    }
  }

  private static Handled accepted(List<Effect.Private> answers, SeenReactions.@Nullable Change noted) {
    return new Handled(answers, Observer.Result.ACCEPTED, noted);
  }

  static Effect.Reply explain(Decision.Rejected rejected) {
    return new Effect.Reply(Card.of(
        new Block.Paragraph(rejected.reason()),
        new Block.Paragraph(Text.of("Try: " + rejected.hint()))));
  }

  /**
   * A forgotten member's votes that enough other changes have now mixed in are let go for good, so
   * that members changing their votes back cannot make them show again. Best effort: the next vote
   * on the item tries again.
   */
  private void releaseMixedIn(CommunityId community, QuestionId id) {
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        var question = questions.find(community, id).orElse(null);
        var mixedIn = question == null ? List.<HeldVote>of() : question.mixedInHeld();
        if (question == null || mixedIn.isEmpty()) {
          return;
        }
        var kept = new ArrayList<>(question.held());
        kept.removeAll(mixedIn);
        if (questions.commit(community, List.of(question.withHeld(kept)), null)
            instanceof Questions.CommitResult.Committed) {
          recent.forget(community, id);
          return;
        }
      }
    } catch (StoreUnavailableException e) {
      Failures.log(LOG, Level.DEBUG, "held votes not let go yet", e);
    }
  }

  /** Someone else's change got there first: a short, jittered pause so members acting at once do not keep colliding. */
  private static void pause(int attempt) {
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, 1_000_000L * (attempt + 1)));
  }

  /** Whether the change records a choice (rather than taking one back). */
  private static boolean casts(VoteChange change) {
    return change instanceof VoteChange.OnStatement s ? s.after() != null : ((VoteChange.OnDraft) change).after() != null;
  }

  /** How a recorded vote was cast, for metrics. */
  private static String viaOf(String kind) {
    if (kind.equals(StandardCommands.VOTE.keyword())) {
      return "command";
    }
    return kind.equals(Chorus.BUTTON) || kind.equals(Chorus.RECONCILED) ? kind : "reaction";
  }
}
