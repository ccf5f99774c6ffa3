package dev.chorus.core;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.Command;
import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.CommandParser;
import dev.chorus.core.command.ParseResult;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.digest.ChangeNotifications;
import dev.chorus.core.conversation.Delivery;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Lookup;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.RecentQuestions;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.draft.PostDraft;
import dev.chorus.core.draft.WriteDraft;
import dev.chorus.core.export.ExportQuestion;
import dev.chorus.core.lifecycle.CloseQuestion;
import dev.chorus.core.lifecycle.EditQuestion;
import dev.chorus.core.lifecycle.OpenQuestion;
import dev.chorus.core.lifecycle.ReopenQuestion;
import dev.chorus.core.message.ButtonAction;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.message.MemberReaction;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.digest.Claims;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import dev.chorus.core.overview.Forms;
import dev.chorus.core.overview.ListQuestions;
import dev.chorus.core.overview.OfferForm;
import dev.chorus.core.overview.ShowHelp;
import dev.chorus.core.overview.ShowStatus;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.overview.QuestionChoice;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.StoreUnavailableException;
import dev.chorus.core.question.VoteChange;
import dev.chorus.core.view.ForgetEverywhere;
import dev.chorus.core.view.ForgetMember;
import dev.chorus.core.view.HideStatement;
import dev.chorus.core.view.ProposeAmendment;
import dev.chorus.core.view.ShareView;
import dev.chorus.core.vote.GiveBlockReason;
import dev.chorus.core.vote.HeldReactions;
import dev.chorus.core.vote.ReactionDifferences;
import dev.chorus.core.question.SeenReactions;
import dev.chorus.core.vote.Reactions;
import dev.chorus.core.vote.VoteOnDraft;
import dev.chorus.core.vote.VoteOnStatement;
import dev.chorus.core.vote.VoteSource;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The front door: takes what a member did, routes it to one use case, commits the decision (again
 * from a fresh read when another change got there first), delivers the public messages, and returns
 * the private answers for the member. A rejected or failed command changes nothing and always gets
 * an answer saying why and what to do instead.
 */
public final class Chorus {
  private static final System.Logger LOG = System.getLogger(Chorus.class.getName());
  private static final int ATTEMPTS = 8;

  private final Questions questions;
  private final Ballots ballots;
  private final RecentQuestions recent = new RecentQuestions();
  private final MessageLinks links;
  private final Delivery delivery;
  private final CommandParser parser = new CommandParser();
  private final Lookup lookup;
  private final OfferForm offerForm;
  private final ShareView shareView;
  private final OpenQuestion openQuestion;
  private final PostDraft postDraft;
  private final WriteDraft writeDraft;
  private final ProposeAmendment proposeAmendment;
  private final VoteOnStatement voteOnStatement;
  private final VoteOnDraft voteOnDraft;
  private final GiveBlockReason giveBlockReason;
  private final ShowStatus showStatus;
  private final ListQuestions listQuestions;
  private final EditQuestion editQuestion;
  private final HideStatement hideStatement;
  private final CloseQuestion closeQuestion;
  private final ReopenQuestion reopenQuestion;
  private final ExportQuestion exportQuestion = new ExportQuestion();
  private final ChangeNotifications notifications;
  private final ForgetMember forgetMember;
  private final ForgetEverywhere forgetEverywhere;
  private final ShowHelp showHelp = new ShowHelp(CommandCatalog.standard());

  private final Observer observer;
  private final HeldReactions held = new HeldReactions();
  private final ScheduledExecutorService later;
  private final Chat chat;
  private final SeenReactions seen;
  private final Claims claims;
  private final Pseudonyms pseudonyms;

  public Chorus(Stores stores, Chat chat, Pseudonyms pseudonyms, Clock clock, Settings settings, RandomGenerator random) {
    this(stores, chat, pseudonyms, clock, settings, random, Observer.NONE);
  }

  public Chorus(Stores stores, Chat chat, Pseudonyms pseudonyms, Clock clock, Settings settings, RandomGenerator random,
      Observer observer) {
    this(stores, chat, pseudonyms, clock, settings, random, observer, Later.SHARED);
  }

  /**
   * @param later where reactions held for a message not linked yet are looked after and handed back:
   *     never on the thread of the member whose post linked it
   */
  public Chorus(Stores stores, Chat chat, Pseudonyms pseudonyms, Clock clock, Settings settings, RandomGenerator random,
      Observer observer, ScheduledExecutorService later) {
    this.observer = observer;
    this.later = later;
    this.chat = chat;
    this.seen = stores.seenReactions();
    this.claims = stores.claims();
    this.pseudonyms = pseudonyms;
    this.questions = stores.questions();
    this.ballots = stores.ballots();
    this.links = stores.links();
    this.notifications = new ChangeNotifications(stores.channelDigests(), stores.memberPreferences(), pseudonyms, clock,
        settings);
    this.delivery = new Delivery(chat, links, this::linked);
    this.lookup = new Lookup(questions);
    this.offerForm = new OfferForm(questions, pseudonyms, settings);
    this.shareView = new ShareView(pseudonyms, clock, settings);
    this.openQuestion = new OpenQuestion(questions, links, pseudonyms, clock, settings, random);
    this.postDraft = new PostDraft(pseudonyms, clock, settings);
    this.writeDraft = new WriteDraft(pseudonyms, settings, postDraft, observer);
    this.proposeAmendment = new ProposeAmendment(pseudonyms, clock, settings);
    this.voteOnStatement = new VoteOnStatement(pseudonyms);
    this.voteOnDraft = new VoteOnDraft(pseudonyms, clock);
    this.giveBlockReason = new GiveBlockReason(pseudonyms, settings);
    this.showStatus = new ShowStatus(pseudonyms);
    this.listQuestions = new ListQuestions(questions, chat, clock, settings);
    this.editQuestion = new EditQuestion(pseudonyms, clock, settings);
    this.hideStatement = new HideStatement(pseudonyms, settings);
    this.closeQuestion = new CloseQuestion(pseudonyms, clock, settings, observer);
    this.reopenQuestion = new ReopenQuestion(pseudonyms, clock);
    this.forgetMember = new ForgetMember(pseudonyms);
    this.forgetEverywhere = new ForgetEverywhere(pseudonyms);
  }

  /**
   * The channel's open questions, newest first: what a platform suggests while a member types a
   * question id. Only titles, which everyone in the channel sees on the cards anyway.
   *
   * @throws StoreUnavailableException when the store cannot be reached
   */
  public List<QuestionChoice> openQuestions(CommunityId community, ChannelId channel) {
    return questions.inChannel(community, channel).stream().filter(Question::open)
        .sorted(java.util.Comparator.comparingInt((Question q) -> q.id().number()).reversed())
        .map(q -> new QuestionChoice(q.id(), q.title())).toList();
  }

  /**
   * The question a message of Chorus's shows, if any: a platform whose question threads start from
   * the card (Discord) reads a command typed in the thread as about that question.
   *
   * @throws StoreUnavailableException when the store cannot be reached
   */
  public Optional<QuestionId> questionShownBy(CommunityId community, String messageId) {
    return links.targetOf(community, messageId).map(Target::question);
  }

  /** Handles one inbound event and returns what to tell the member privately. */
  public List<Effect.Private> handle(Inbound inbound) {
    if ((inbound instanceof Inbound.ReactionAdded || inbound instanceof Inbound.ReactionRemoved) && !inbound.actor().bot()
        && held(inbound)) {
      observer.handled(kindOf(inbound, null), Observer.Result.HELD, 0);
      return List.of();
    }
    return process(inbound);
  }

  /**
   * Whether the reaction is held: its message is not linked yet (it may be one Chorus is still
   * posting), or earlier reactions on it are held and this one must come after them.
   */
  private boolean held(Inbound reaction) {
    if (held.behindOthers(reaction)) {
      return true;
    }
    var key = HeldReactions.keyOf(reaction);
    try {
      if (links.targetOf(key.community(), key.messageId()).isPresent()) {
        return false;
      }
    } catch (StoreUnavailableException e) {
      // Handled as usual: the member is told nothing was saved.
      return false;
    }
    if (held.hold(reaction, System.nanoTime())) {
      lookLater(key, HeldReactions.FIRST_LOOK);
    }
    return true;
  }

  /**
   * A message was linked by this replica: reactions held for it are handed back, off the linking
   * member's path. A vote message's card was drawn when its change was decided; votes recorded since
   * (on a message linked a moment earlier, such as a draft's thread message before its announcement)
   * reached no edit of this one, so it is drawn again from what the store holds, and edited if it differs.
   */
  private void linked(CommunityId community, PostedMessage message, Target target, Card posted) {
    var key = new HeldReactions.Key(community, message.id());
    if (held.release(key)) {
      later.execute(() -> handBack(key));
    }
    if (target instanceof Target.StatementMessage || target instanceof Target.DraftMessage
        || target instanceof Target.DraftAnnouncement) {
      // One read, here rather than later, so the card is right before anyone's next change is delivered.
      redrawIfStale(community, message, target, posted);
    }
  }

  private void redrawIfStale(CommunityId community, PostedMessage message, Target target, Card posted) {
    try {
      var question = questions.find(community, target.question());
      if (question.isEmpty()) {
        return;
      }
      var q = question.get();
      Optional<Card> now = Optional.empty();
      if (target instanceof Target.StatementMessage statement) {
        now = q.statement(statement.statement()).map(s -> Cards.statement(q, s));
      } else if (target instanceof Target.DraftMessage draft) {
        now = q.draft(draft.draft()).map(d -> Cards.draft(q, d, false));
      } else if (target instanceof Target.DraftAnnouncement announcement) {
        now = q.draft(announcement.draft()).map(d -> Cards.draft(q, d, true));
      }
      if (now.isPresent() && !now.get().equals(posted)) {
        chat.edit(community, message, now.get(), q.revision());
      }
    } catch (RuntimeException e) {
      // The next vote on the item edits it again.
      LOG.log(Level.INFO, "a just-posted card was not brought up to date: " + e.getClass().getSimpleName());
    }
  }

  /** Another replica may link the message: looked for a little later, and then again, until the grace runs out. */
  private void lookLater(HeldReactions.Key key, Duration after) {
    later.schedule(() -> {
      boolean linked;
      try {
        linked = links.targetOf(key.community(), key.messageId()).isPresent();
      } catch (StoreUnavailableException e) {
        linked = false;
      }
      if (linked) {
        if (held.release(key)) {
          handBack(key);
        }
        return;
      }
      var next = held.notYet(key, System.nanoTime());
      if (next != null) {
        lookLater(key, next);
      }
    }, after.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Applies a linked message's held reactions in the order they came; what Chorus says to a member goes by direct message. */
  private void handBack(HeldReactions.Key key) {
    for (var reaction = held.next(key); reaction != null; reaction = held.next(key)) {
      try {
        tellByDirectMessage(reaction, process(reaction));
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "a held reaction failed", e);
      }
    }
  }

  /** The kind of a reaction found by reconciling, for metrics ({@code chorus_votes_total{via="reconciled"}}). */
  static final String RECONCILED = "reconciled";
  /** How long a reconciled message stays done for its round. */
  private static final Duration RECONCILED_KEEP = Duration.ofDays(1);

  /** Which of a question's vote messages to reconcile. */
  public enum Reconcile {
    /** Every view, amendment and draft message: after start-up. */
    EVERY_VOTE_MESSAGE,
    /** Every draft's messages, whose votes make the outcome: before a close. */
    DRAFTS,
    /** The latest draft's two messages: the periodic pass. */
    LATEST_DRAFT
  }

  /** What reconciling found: messages read, votes counted and taken back, members asked to choose. */
  public record Reconciled(int messages, int counted, int withdrawn, int unclear, int unread) {
    public static final Reconciled NONE = new Reconciled(0, 0, 0, 0, 0);

    public Reconciled plus(Reconciled other) {
      return new Reconciled(messages + other.messages, counted + other.counted, withdrawn + other.withdrawn,
          unclear + other.unclear, unread + other.unread);
    }
  }

  /**
   * Reconciles a question's stored votes with the reactions on its vote messages, which are the
   * members' own record when events were lost (Chorus down longer than the platform retries; a new
   * gateway session replays nothing). Only the differences from what Chorus last saw count: a
   * reaction that appeared is a vote as its event would have been, one that disappeared is taken
   * back as its removal would be. Reconciling again changes nothing. Anonymous questions vote by
   * button and are left alone; so are closed ones.
   *
   * @param round when replicas may reconcile at once, a name for this round: each message is claimed
   *     as a job of the round for {@code lease}, and one another replica holds or did is left to it;
   *     null to reconcile every message here
   * @throws StoreUnavailableException when the store cannot be reached
   */
  public Reconciled reconcile(CommunityId community, QuestionId id, Reconcile which, @Nullable String round,
      Duration lease) {
    var question = questions.find(community, id);
    if (question.isEmpty() || !question.get().open() || question.get().anonymous()) {
      return Reconciled.NONE;
    }
    var q = question.get();
    var targets = new ArrayList<Target>();
    if (which != Reconcile.LATEST_DRAFT) {
      if (which == Reconcile.EVERY_VOTE_MESSAGE) {
        q.activeStatements().forEach(st -> targets.add(new Target.StatementMessage(q.id(), st.id())));
      }
      q.drafts().forEach(d -> {
        targets.add(new Target.DraftMessage(q.id(), d.version()));
        targets.add(new Target.DraftAnnouncement(q.id(), d.version()));
      });
    } else {
      q.latestDraft().ifPresent(d -> {
        targets.add(new Target.DraftMessage(q.id(), d.version()));
        targets.add(new Target.DraftAnnouncement(q.id(), d.version()));
      });
    }
    var total = Reconciled.NONE;
    for (var target : targets) {
      for (var message : links.messagesOf(community, target)) {
        var job = round == null ? null : "reconcile:" + round + ":" + message.id();
        if (job != null && !claims.claim(community, job, lease)) {
          continue;
        }
        var done = reconcileMessage(q, message, target);
        if (done == null) {
          // Left unclaimed when its lease runs out, so this replica or another reads it again.
          total = total.plus(new Reconciled(0, 0, 0, 0, 1));
          continue;
        }
        total = total.plus(done);
        if (job != null) {
          claims.done(community, job, RECONCILED_KEEP);
        }
      }
    }
    return total;
  }

  /** One message's differences applied; null when the platform could not say what it shows. */
  private @Nullable Reconciled reconcileMessage(Question question, PostedMessage message, Target target) {
    var community = question.community();
    boolean draft = !(target instanceof Target.StatementMessage);
    var before = seen.on(community, message.id());
    Optional<List<MemberReaction>> now;
    try {
      now = chat.reactionsOn(community, message);
    } catch (ChatException e) {
      LOG.log(Level.INFO, "a message's reactions could not be read for reconciling: {0}", e.memberMessage());
      return null;
    }
    if (now.isEmpty()) {
      return null;
    }
    var found = ReactionDifferences.between(before, now.get(), draft);
    int counted = 0;
    int withdrawn = 0;
    // Removals first: a member who swapped one reaction for another ends on the new one either way.
    for (var change : found.disappeared()) {
      var removed = new Inbound.ReactionRemoved(community, question.channel(), change.member(),
          new EventId("reconcile:" + java.util.UUID.randomUUID()), message.id(), change.emoji());
      withdrawn += tellPrivately(removed, process(removed, RECONCILED)) ? 1 : 0;
    }
    for (var change : found.appeared()) {
      var added = new Inbound.ReactionAdded(community, question.channel(), change.member(),
          new EventId("reconcile:" + java.util.UUID.randomUUID()), message.id(), change.emoji());
      counted += tellPrivately(added, process(added, RECONCILED)) ? 1 : 0;
    }
    for (var unclear : found.unclear()) {
      for (var choice : unclear.choices()) {
        seen.saw(community, message.id(), new SeenReactions.Seen(unclear.member().id(), choice), true);
      }
      var item = itemName(target);
      delivery.deliver(community, List.of(new Effect.Post(new Place.Direct(unclear.member().id()), Card.text(Text.of(
          "You have several vote reactions on " + item + " of " + question.id() + " ("
              + ReactionDifferences.emojiList(unclear.choices(), draft) + ") that Chorus could not see being added, so "
              + "it cannot tell which you chose last, and none of them counts. Please choose one: /respond #"
              + question.id() + " vote " + item + " <choice>, or take away the reactions you do not mean and add yours again.")),
          null)));
    }
    return new Reconciled(1, counted, withdrawn, found.unclear().size(), 0);
  }

  /** The item a vote message shows (V3, v2), for a member's private word. */
  private static String itemName(Target target) {
    if (target instanceof Target.StatementMessage statement) {
      return statement.statement().toString();
    }
    if (target instanceof Target.DraftMessage draft) {
      return draft.draft().toString();
    }
    if (target instanceof Target.DraftAnnouncement announcement) {
      return announcement.draft().toString();
    }
    return "it";
  }

  /**
   * What Chorus says about a reaction it did not get as an event goes by direct message (the question
   * after a block). True when the reaction changed something (it had no answer, or an answer that is
   * no refusal).
   */
  private boolean tellPrivately(Inbound reaction, Handled handled) {
    if (handled.result() != Observer.Result.ACCEPTED) {
      // A refusal of a reaction nobody saw Chorus receive would only puzzle the member.
      return false;
    }
    tellByDirectMessage(reaction, handled.answers());
    return true;
  }

  /** What Chorus says about a reaction it did not answer as an event: no interaction is there to answer, so by direct message. */
  private void tellByDirectMessage(Inbound reaction, List<Effect.Private> answers) {
    for (var answer : answers) {
      if (answer instanceof Effect.Reply reply) {
        delivery.deliver(reaction.community(), List.of(new Effect.Post(new Place.Direct(reaction.actor().id()), reply.card(), null)));
      }
    }
  }

  /**
   * Before a facilitator's close, the votes are brought in line with the reactions members see, so
   * the outcome counts every vote whose event was lost. Skipped for whoever may not close it.
   */
  private void reconcileBeforeClose(Inbound inbound, @Nullable QuestionId named) {
    try {
      var found = lookup.anyQuestion(Request.of(inbound, named), "/respond close");
      var question = Lookup.questionOf(found);
      if (question != null && question.open() && !question.anonymous()
          && Facilitators.facilitates(question, inbound.actor(), pseudonyms)) {
        reconcile(inbound.community(), question.id(), Reconcile.DRAFTS, null, Duration.ZERO);
      }
    } catch (StoreUnavailableException e) {
      // The close itself is refused the same way, and says so.
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "reconciling before a close failed: " + e.getClass().getSimpleName());
    }
  }

  /** One thread for every Chorus of the process that was given none: holding reactions is rare and quick. */
  private static final class Later {
    static final ScheduledExecutorService SHARED = Executors.newSingleThreadScheduledExecutor(runnable -> {
      var thread = new Thread(runnable, "chorus-held-reactions");
      thread.setDaemon(true);
      return thread;
    });
  }

  private List<Effect.Private> process(Inbound inbound) {
    return process(inbound, null).answers();
  }

  /** What handling an event said to the member, and how it ended. */
  private record Handled(List<Effect.Private> answers, Observer.Result result) {}

  /**
   * @param kindOverride the kind to report instead of the inbound's own ({@code reconciled} for a
   *     reaction found by reconciling)
   */
  private Handled process(Inbound inbound, @Nullable String kindOverride) {
    long started = System.nanoTime();
    // A command is parsed once, however often a conflict makes Chorus decide again.
    ParseResult parsed = null;
    if (inbound instanceof Inbound.CommandInvoked command) {
      parsed = parser.parse(command.text());
    } else if (inbound instanceof Inbound.CommandChosen chosen) {
      parsed = parser.parseChosen(chosen.subcommand(), chosen.options());
    }
    if (parsed instanceof ParseResult.Parsed ok && ok.command().command() instanceof Command.Close) {
      reconcileBeforeClose(inbound, ok.command().question());
    }
    var kind = kindOverride != null ? kindOverride : kindOf(inbound, parsed);
    var result = new Observer.Result[] {Observer.Result.ACCEPTED};
    var noted = new SeenReactions.Change[1];
    try {
      var answers = handle(inbound, parsed, kind, result, noted);
      return new Handled(answers, result[0]);
    } finally {
      observer.handled(kind, result[0], System.nanoTime() - started);
      var note = noted[0];
      if (note != null && result[0] != Observer.Result.FAILED && result[0] != Observer.Result.BUSY) {
        try {
          seen.saw(inbound.community(), note.messageId(), note.seen(), note.present());
        } catch (StoreUnavailableException e) {
          // The vote itself is handled; reconciling later finds the reaction again and changes nothing.
        }
      }
    }
  }

  private List<Effect.Private> handle(
      Inbound inbound, @Nullable ParseResult parsed, String kind, Observer.Result[] result, SeenReactions.Change[] noted) {
    // Whether a write was sent: after a timeout it may have been carried out, and the member is told so.
    boolean writing = false;
    if (inbound.actor().bot()) {
      result[0] = Observer.Result.IGNORED;
      return List.of();
    }
    try {
      // The first attempt may decide a vote on a recently seen question; a refused cast, or any
      // other decision made on one, is decided again from a fresh read.
      boolean fresh = false;
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        var reads = new Reads(inbound.community(), fresh, noted);
        var decision = decide(inbound, parsed, reads);
        if (reads.usedRecent && !(decision instanceof Decision.Voted)) {
          fresh = true;
          continue;
        }
        if (decision instanceof Decision.Rejected rejected) {
          if (questions.processed(inbound.community(), inbound.event())) {
            // A redelivery of an event that was applied: what it changed is why it is refused now.
            result[0] = Observer.Result.IGNORED;
            return List.of();
          }
          result[0] = Observer.Result.REFUSED;
          return List.of(explain(rejected));
        }
        if (decision instanceof Decision.Setting setting) {
          writing = true;
          setting.save().run();
          return delivery.deliver(inbound.community(), setting.effects());
        }
        if (decision instanceof Decision.Voted voted) {
          var note = noted[0];
          writing = true;
          var cast = ballots.cast(inbound.community(), voted.decidedOn(), voted.change(), inbound.event(),
              note);
          if (cast instanceof Ballots.CastResult.AlreadyProcessed) {
            noted[0] = null;
            result[0] = Observer.Result.IGNORED;
            return List.of();
          }
          if (cast instanceof Ballots.CastResult.Recorded recorded) {
            // Seen with the vote itself, in the same write.
            noted[0] = null;
            recent.remember(recorded.question());
            if (!recorded.question().mixedInHeld().isEmpty()) {
              releaseMixedIn(inbound.community(), recorded.question().id());
            }
            if (casts(voted.change())) {
              observer.voted(viaOf(kind));
            }
            return delivery.deliver(inbound.community(),
                Delivery.atRevisions(voted.effects().apply(recorded.question()), List.of(recorded.question())));
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
            result[0] = Observer.Result.IGNORED;
            return List.of();
          }
        } else {
          if (accepted.erasesWords()) {
            // Asked first, so a forget is never stored without it; a rewrite asked for in vain costs little.
            questions.eraseOldCopies();
          }
          writing = true;
          var commit = questions.commit(inbound.community(), accepted.writes(), inbound.event());
          if (commit instanceof Questions.CommitResult.AlreadyProcessed) {
            result[0] = Observer.Result.IGNORED;
            return List.of();
          }
          if (commit instanceof Questions.CommitResult.Conflict) {
            pause(attempt);
            continue;
          }
          // Exactly what the store now holds: the commit checked nothing came between.
          var stored = accepted.writes().stream().map(Question::committed).toList();
          stored.forEach(recent::remember);
          return delivery.deliver(inbound.community(), Delivery.atRevisions(accepted.effects(), stored));
        }
        return delivery.deliver(inbound.community(), accepted.effects());
      }
      result[0] = Observer.Result.BUSY;
      return List.of(Effect.Reply.of("Many members are changing this question at the same moment, and your change "
          + "did not get through. Nothing was changed: please send it again."));
    } catch (StoreUnavailableException e) {
      result[0] = Observer.Result.FAILED;
      LOG.log(Level.WARNING, "store unavailable while handling a {0} event: {1}", kind, e.getMessage());
      if (writing && e.mayHaveApplied()) {
        return List.of(Effect.Reply.of(MAY_HAVE_SAVED));
      }
      return List.of(Effect.Reply.of("Chorus could not save that just now, so nothing was changed. "
          + "Please try again in a moment."));
    } catch (RuntimeException e) {
      result[0] = Observer.Result.FAILED;
      // Logged without the member's words or ids: only what kind of event failed and where.
      LOG.log(Level.ERROR, "failed to handle a " + kind + " event", e);
      return List.of(Effect.Reply.of("Something went wrong on Chorus's side, and nothing was changed. "
          + "Please try again; if it keeps failing, tell whoever runs Chorus here."));
    }
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
        if (question == null || question.mixedInHeld().isEmpty()) {
          return;
        }
        var kept = new ArrayList<>(question.held());
        kept.removeAll(question.mixedInHeld());
        if (questions.commit(community, List.of(question.withHeld(kept)), null)
            instanceof Questions.CommitResult.Committed) {
          recent.forget(community, id);
          return;
        }
      }
    } catch (StoreUnavailableException e) {
      LOG.log(Level.DEBUG, "held votes not let go yet: {0}", e.getMessage());
    }
  }

  /** After a write that timed out: it may have gone through, so neither "saved" nor "nothing changed" is true. */
  static final String MAY_HAVE_SAVED = "Chorus could not confirm that this was saved: its store did not answer in time, "
      + "and may still carry it out. /respond status (or /respond list) shows where things stand in a moment; send it "
      + "again only if it is not there. Opening the same question again is safe: Chorus recognises it.";

  /** Someone else's change got there first: a short, jittered pause so members acting at once do not keep colliding. */
  private static void pause(int attempt) {
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, 1_000_000L * (attempt + 1)));
  }

  /** How one attempt reads the question a reaction or button is about: from the recent ones when it may. */
  private final class Reads {
    private final CommunityId community;
    private final boolean fresh;
    private final SeenReactions.Change[] noted;
    private boolean usedRecent;

    Reads(CommunityId community, boolean fresh, SeenReactions.Change[] noted) {
      this.community = community;
      this.fresh = fresh;
      this.noted = noted;
    }

    /** A vote reaction on a question where reactions count, to be recorded as seen. */
    void note(String messageId, MemberId member, String choice, boolean present) {
      noted[0] = new SeenReactions.Change(messageId, new SeenReactions.Seen(member, choice), present);
    }

    Optional<Question> question(QuestionId id) {
      if (!fresh) {
        var kept = recent.get(community, id);
        if (kept.isPresent()) {
          usedRecent = true;
          return kept;
        }
      }
      var read = questions.find(community, id);
      read.ifPresent(recent::remember);
      return read;
    }
  }

  /** The kind of event, for metrics and logs: a command's keyword, never its words. */
  private static String kindOf(Inbound inbound, @Nullable ParseResult parsed) {
    if (parsed != null) {
      if (parsed instanceof ParseResult.Parsed ok) {
        var keyword = ok.command().command().keyword();
        return keyword.isEmpty() ? "form" : keyword;
      }
      return "invalid";
    }
    if (inbound instanceof Inbound.ReactionAdded) {
      return "reaction-added";
    }
    if (inbound instanceof Inbound.ReactionRemoved) {
      return "reaction-removed";
    }
    if (inbound instanceof Inbound.ButtonPressed) {
      return "button";
    }
    return "form-submitted";
  }

  /** Whether the change records a choice (rather than taking one back). */
  private static boolean casts(VoteChange change) {
    return change instanceof VoteChange.OnStatement s ? s.after() != null : ((VoteChange.OnDraft) change).after() != null;
  }

  /** How a recorded vote was cast, for metrics. */
  private static String viaOf(String kind) {
    return switch (kind) {
      case "vote" -> "command";
      case "button" -> "button";
      case RECONCILED -> "reconciled";
      default -> "reaction";
    };
  }

  static Effect.Reply explain(Decision.Rejected rejected) {
    return new Effect.Reply(Card.of(
        new Block.Paragraph(rejected.reason()),
        new Block.Paragraph(Text.of("Try: " + rejected.hint()))));
  }

  private Decision decide(Inbound inbound, @Nullable ParseResult parsed, Reads reads) {
    if (parsed != null) {
      if (parsed instanceof ParseResult.Invalid invalid) {
        return new Decision.Rejected(invalid.reason(), invalid.hint());
      }
      var ok = ((ParseResult.Parsed) parsed).command();
      return ok.command().accept(new ToUseCase(Request.of(inbound, ok.question())));
    }
    if (inbound instanceof Inbound.ReactionAdded reaction) {
      return reaction(inbound, reads, reaction.messageId(), reaction.emoji(), false);
    }
    if (inbound instanceof Inbound.ReactionRemoved reaction) {
      return reaction(inbound, reads, reaction.messageId(), reaction.emoji(), true);
    }
    if (inbound instanceof Inbound.ButtonPressed button) {
      return button(inbound, reads, button);
    }
    return form(inbound, (Inbound.FormSubmitted) inbound);
  }

  /** Each command to its use case; the compiler sees that none is left out. */
  private final class ToUseCase implements Command.Visitor<Decision> {
    private final Request request;

    ToUseCase(Request request) {
      this.request = request;
    }

    @Override
    public Decision openForm(Command.OpenForm command) {
      return offerForm.decide(request);
    }

    @Override
    public Decision openQuestionForm(Command.OpenQuestionForm command) {
      return request.named() != null
          ? Decision.Rejected.because("open starts a new question; it takes no question id.", "/respond open")
          : offerForm.openQuestion(request);
    }

    @Override
    public Decision shareView(Command.ShareView view) {
      return onOpen(request, "/respond view <your view>", q -> Chorus.this.shareView.decide(request, q, view.text()));
    }

    @Override
    public Decision open(Command.Open open) {
      return request.named() != null
          ? Decision.Rejected.because("open starts a new question; it takes no question id.", "/respond open <title>")
          : openQuestion.decide(request, open);
    }

    @Override
    public Decision postDraft(Command.PostDraft draft) {
      if (draft.text().isBlank()) {
        return onOpen(request, "/respond draft", q -> writeDraft.decide(request, q));
      }
      return onOpen(request, "/respond draft <text>", q -> Chorus.this.postDraft.decide(request, q, draft.text()));
    }

    @Override
    public Decision amend(Command.Amend amend) {
      return onOpen(request, "/respond amend <change>", q -> proposeAmendment.decide(request, q, amend.text()));
    }

    @Override
    public Decision voteOnStatement(Command.VoteOnStatement vote) {
      return onOpen(request, "/respond vote " + vote.statement() + " " + vote.choice().word(),
          q -> Chorus.this.voteOnStatement.decide(request, q, vote.statement(), vote.choice(), VoteSource.COMMAND));
    }

    @Override
    public Decision voteOnDraft(Command.VoteOnDraft vote) {
      return onOpen(request, "/respond vote " + vote.draft() + " " + vote.choice().word(),
          q -> Chorus.this.voteOnDraft.decide(request, q, vote.draft(), vote.choice(), VoteSource.COMMAND));
    }

    @Override
    public Decision giveReason(Command.GiveReason reason) {
      return onOpen(request, "/respond reason <why>", q -> giveBlockReason.decide(request, q, reason.text()));
    }

    @Override
    public Decision status(Command.Status command) {
      return onAny(request, "/respond status", q -> showStatus.decide(request, q));
    }

    @Override
    public Decision listQuestions(Command.ListQuestions list) {
      return Chorus.this.listQuestions.decide(request, list.wholeCommunity());
    }

    @Override
    public Decision edit(Command.Edit edit) {
      return onAny(request, "/respond edit --deadline 7d", q -> editQuestion.decide(request, q, edit));
    }

    @Override
    public Decision hide(Command.Hide hide) {
      return onAny(request, "/respond hide V3 <reason>",
          q -> hideStatement.decide(request, q, hide.statement(), hide.reason()));
    }

    @Override
    public Decision close(Command.Close close) {
      return onAny(request, "/respond close", q -> closeQuestion.decide(request, q, close.draft()));
    }

    @Override
    public Decision reopen(Command.Reopen command) {
      return onAny(request, "/respond reopen", q -> reopenQuestion.decide(request, q));
    }

    @Override
    public Decision export(Command.Export export) {
      return onAny(request, "/respond export", q -> exportQuestion.decide(q, export.format()));
    }

    @Override
    public Decision channelDigest(Command.ChannelDigest digest) {
      return notifications.channelDigest(request, digest, questions.inChannel(request.community(), request.channel()));
    }

    @Override
    public Decision personalDigest(Command.PersonalDigest digest) {
      return notifications.personalDigest(request, digest);
    }

    @Override
    public Decision remind(Command.Remind remind) {
      return notifications.reminders(request, remind);
    }

    @Override
    public Decision forget(Command.Forget command) {
      return onAny(request, "/respond forget", q -> forgetMember.decide(request, q));
    }

    @Override
    public Decision forgetMe(Command.ForgetMe command) {
      return forgetEverywhere.decide(request, questions.inCommunity(request.community()));
    }

    @Override
    public Decision help(Command.Help command) {
      return showHelp.decide();
    }
  }

  private Decision onOpen(Request request, String usage, Function<Question, Decision> useCase) {
    var found = lookup.openQuestion(request, usage);
    var question = Lookup.questionOf(found);
    return question == null ? Lookup.rejection(found) : useCase.apply(question);
  }

  private Decision onAny(Request request, String usage, Function<Question, Decision> useCase) {
    var found = lookup.anyQuestion(request, usage);
    var question = Lookup.questionOf(found);
    return question == null ? Lookup.rejection(found) : useCase.apply(question);
  }

  private Decision reaction(Inbound inbound, Reads reads, String messageId, String emoji, boolean removed) {
    var target = links.targetOf(inbound.community(), messageId);
    if (target.isEmpty()) {
      return Decision.Accepted.saying();
    }
    // Reactions that are no vote are common (members react as they like): settled before any read.
    var shown = target.get();
    if (shown instanceof Target.StatementMessage statement) {
      var choice = Reactions.statementChoice(emoji);
      var question = choice.isEmpty() ? Optional.<Question>empty() : reads.question(shown.question());
      if (question.isEmpty()) {
        return Decision.Accepted.saying();
      }
      if (!question.get().anonymous()) {
        reads.note(messageId, inbound.actor().id(), choice.get().word(), !removed);
      }
      var request = Request.of(inbound, question.get().id());
      if (removed && !ballots.castByReaction(inbound.community(), question.get().id(), statement.statement(),
          pseudonyms.keyOf(question.get(), inbound.actor().id()))) {
        // The vote that counts was cast later by command or button: taking a reaction away leaves it.
        return Decision.Accepted.saying();
      }
      return removed ? voteOnStatement.retract(request, question.get(), statement.statement(), choice.get())
          : voteOnStatement.decide(request, question.get(), statement.statement(), choice.get(), VoteSource.REACTION);
    }
    var version = shown instanceof Target.DraftMessage draft ? draft.draft()
        : shown instanceof Target.DraftAnnouncement announcement ? announcement.draft() : null;
    if (version == null) {
      return Decision.Accepted.saying();
    }
    var choice = Reactions.draftChoice(emoji);
    var question = choice.isEmpty() ? Optional.<Question>empty() : reads.question(shown.question());
    if (question.isEmpty()) {
      return Decision.Accepted.saying();
    }
    if (!question.get().anonymous()) {
      reads.note(messageId, inbound.actor().id(), choice.get().word(), !removed);
    }
    var request = Request.of(inbound, question.get().id());
    if (removed && !ballots.castByReaction(inbound.community(), question.get().id(), version,
        pseudonyms.keyOf(question.get(), inbound.actor().id()))) {
      return Decision.Accepted.saying();
    }
    return removed ? voteOnDraft.retract(request, question.get(), version, choice.get())
        : voteOnDraft.decide(request, question.get(), version, choice.get(), VoteSource.REACTION);
  }

  private Decision button(Inbound inbound, Reads reads, Inbound.ButtonPressed button) {
    var action = ButtonAction.parse(button.action());
    var target = links.targetOf(inbound.community(), button.messageId());
    // A press can come before the message is linked; the action itself names the question and item.
    if (action.isEmpty() || target.isPresent() && !target.get().question().equals(action.get().question())) {
      return Decision.Rejected.because("That button is not one Chorus can act on any more.",
          "/respond status shows where the question stands");
    }
    var question = reads.question(action.get().question());
    if (question.isEmpty()) {
      return Decision.Rejected.because("That question no longer exists.", "/respond list");
    }
    var request = Request.of(inbound, question.get().id());
    if (action.get() instanceof ButtonAction.StatementVote vote) {
      return voteOnStatement.decide(request, question.get(), vote.statement(), vote.choice(), VoteSource.BUTTON);
    }
    var vote = (ButtonAction.DraftVote) action.get();
    return voteOnDraft.decide(request, question.get(), vote.draft(), vote.choice(), VoteSource.BUTTON);
  }

  private Decision form(Inbound inbound, Inbound.FormSubmitted form) {
    if (form.formId().equals(Forms.OPEN)) {
      var deadlineText = form.fields().getOrDefault(StandardCommands.DEADLINE, "").strip();
      var deadline = deadlineText.isEmpty() ? null : CommandParser.parseDeadline(deadlineText, false).orElse(null);
      if (!deadlineText.isEmpty() && deadline == null) {
        return new Decision.Rejected(Text.builder().plain("\"").quoted(deadlineText).plain("\" is not a deadline. "
            + "Write a duration (3d, 12h, 1w) or a date (2026-12-31).").build(), "send the form again, or /respond open <title> --deadline 7d");
      }
      return openQuestion.decide(Request.of(inbound, null), new Command.Open(
          form.fields().getOrDefault(StandardCommands.TITLE, ""), form.fields().getOrDefault(StandardCommands.CONTEXT, ""),
          form.fields().getOrDefault(StandardCommands.FOR, ""), deadline, false));
    }
    var question = Forms.viewFormQuestion(form.formId());
    if (question.isPresent()) {
      QuestionId id = question.get();
      var request = Request.of(inbound, id);
      return onOpen(request, "/respond view <your view>", q -> shareView.decide(request, q, form.fields().getOrDefault("view", "")));
    }
    return Decision.Rejected.because("That form is not one Chorus can act on any more.", "/respond for a new form");
  }
}
