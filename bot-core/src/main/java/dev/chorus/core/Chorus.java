package dev.chorus.core;

import dev.chorus.core.community.MemberId;
import dev.chorus.core.overview.ShowHome;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.Command;
import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.ParseResult;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.conversation.Delivery;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Lookup;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.RecentQuestions;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.Claims;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.LazyCard;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.MemberReaction;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import dev.chorus.core.overview.QuestionChoice;
import dev.chorus.core.report.Reports;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.SeenReactions;
import dev.chorus.core.question.StoreUnavailableException;
import dev.chorus.core.vote.HeldReactions;
import dev.chorus.core.vote.ReactionDifferences;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The front door: takes what a member did, has {@link Router} decide it with one use case and
 * {@link Attempts} commit and deliver it, and returns the private answers for the member. It also
 * holds reactions that come before their message is linked, and reconciles votes with reactions.
 * A rejected or failed command changes nothing and always gets an answer saying why and what to do
 * instead.
 */
public final class Chorus {
  private static final System.Logger LOG = System.getLogger(Chorus.class.getName());

  private final Questions questions;
  private final MessageLinks links;
  private final Delivery delivery;
  private final Router router;
  private final Attempts attempts;
  private final Lookup lookup;
  private final Observer observer;
  private final HeldReactions held = new HeldReactions();
  private final ScheduledExecutorService later;
  private final Chat chat;
  private final SeenReactions seen;
  private final Claims claims;
  private final Pseudonyms pseudonyms;
  private final ShowHome home;

  public Chorus(Stores stores, Chat chat, Pseudonyms pseudonyms, Clock clock, Settings settings, RandomGenerator random) {
    this(stores, chat, pseudonyms, clock, settings, random, Observer.NONE);
  }

  public Chorus(Stores stores, Chat chat, Pseudonyms pseudonyms, Clock clock, Settings settings, RandomGenerator random,
      Observer observer) {
    this(stores, chat, pseudonyms, clock, settings, random, observer, Later.SHARED);
  }

  /** @param reports renders reports: the page and PDF exports, shared pages and the opinion map in chat */
  public Chorus(Stores stores, Chat chat, Pseudonyms pseudonyms, Clock clock, Settings settings, RandomGenerator random,
      Observer observer, Reports reports) {
    this(stores, chat, pseudonyms, clock, settings, random, observer, Later.SHARED, reports);
  }

  /**
   * @param later where reactions held for a message not linked yet are looked after and handed back:
   *     never on the thread of the member whose post linked it
   */
  public Chorus(Stores stores, Chat chat, Pseudonyms pseudonyms, Clock clock, Settings settings, RandomGenerator random,
      Observer observer, ScheduledExecutorService later) {
    this(stores, chat, pseudonyms, clock, settings, random, observer, later, Reports.UNAVAILABLE);
  }

  /** @param reports renders reports: the page and PDF exports, shared pages and the opinion map in chat */
  public Chorus(Stores stores, Chat chat, Pseudonyms pseudonyms, Clock clock, Settings settings, RandomGenerator random,
      Observer observer, ScheduledExecutorService later, Reports reports) {
    this.observer = observer;
    this.later = later;
    this.chat = chat;
    this.seen = stores.seenReactions();
    this.claims = stores.claims();
    this.pseudonyms = pseudonyms;
    this.questions = stores.questions();
    this.links = stores.links();
    this.delivery = new Delivery(chat, links, this::linked);
    this.router = new Router(stores, chat, pseudonyms, clock, settings, random, observer, CommandCatalog.standard(), reports);
    this.lookup = router.lookup();
    this.attempts = new Attempts(router, questions, stores.ballots(), new RecentQuestions(), delivery, observer);
    this.home = new ShowHome(questions, stores.memberPreferences(), chat, pseudonyms, clock);
  }

  /**
   * The member's home: their open questions, what awaits them there, and their settings, with links
   * to each question's thread (see {@link ShowHome}).
   *
   * @throws StoreUnavailableException when the store cannot be reached
   */
  public Card home(CommunityId community, MemberId member) {
    return delivery.withLinks(community, home.home(community, member));
  }

  /**
   * The channel's open questions, newest first: what a platform suggests while a member types a
   * question id. Only titles, which everyone in the channel sees on the cards anyway.
   *
   * @throws StoreUnavailableException when the store cannot be reached
   */
  public List<QuestionChoice> openQuestions(CommunityId community, ChannelId channel) {
    return questions.openInChannel(community, channel).stream()
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
        chat.edit(community, message, LazyCard.ready(now.get()), q.revision());
      }
    } catch (RuntimeException e) {
      // The next vote on the item edits it again.
      Failures.log(LOG, Level.INFO, "a just-posted card was not brought up to date", e);
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
        Failures.log(LOG, "a held reaction failed", e);
      }
    }
  }

  /** The kind of a reaction found by reconciling, for metrics ({@code chorus_votes_total{via="reconciled"}}). */
  static final String RECONCILED = "reconciled";
  /** The kind of a button press, for metrics. */
  static final String BUTTON = "button";
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
      Failures.log(LOG, Level.INFO, "a message's reactions could not be read for reconciling", e);
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
              + "it cannot tell which you chose last, and none of them counts. Please choose one: "
              + StandardCommands.VOTE.on(question.id(), item, "<choice>")
              + ", or take away the reactions you do not mean and add yours again.")),
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
  private boolean tellPrivately(Inbound reaction, Attempts.Handled handled) {
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
      var found = lookup.anyQuestion(Request.of(inbound, named), q -> StandardCommands.CLOSE.on(q));
      var question = Lookup.questionOf(found);
      if (question != null && question.open() && !question.anonymous()
          && Facilitators.facilitates(question, inbound.actor(), pseudonyms)) {
        reconcile(inbound.community(), question.id(), Reconcile.DRAFTS, null, Duration.ZERO);
      }
    } catch (StoreUnavailableException e) {
      // The close itself is refused the same way, and says so.
    } catch (RuntimeException e) {
      Failures.log(LOG, Level.WARNING, "reconciling before a close failed", e);
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

  /**
   * @param kindOverride the kind to report instead of the inbound's own ({@code reconciled} for a
   *     reaction found by reconciling)
   */
  private Attempts.Handled process(Inbound inbound, @Nullable String kindOverride) {
    long started = System.nanoTime();
    // A command is parsed once, however often a conflict makes Chorus decide again.
    var parsed = router.parse(inbound);
    if (parsed instanceof ParseResult.Parsed ok && ok.command().command() instanceof Command.Close) {
      reconcileBeforeClose(inbound, ok.command().question());
    }
    var kind = kindOverride != null ? kindOverride : kindOf(inbound, parsed);
    Attempts.Handled handled = null;
    try {
      handled = attempts.handle(inbound, parsed, kind);
      return handled;
    } finally {
      var result = handled == null ? Observer.Result.FAILED : handled.result();
      observer.handled(kind, result, System.nanoTime() - started);
      var note = handled == null ? null : handled.unrecordedReaction();
      if (note != null && result != Observer.Result.FAILED && result != Observer.Result.BUSY) {
        try {
          seen.saw(inbound.community(), note.messageId(), note.seen(), note.present());
        } catch (StoreUnavailableException e) {
          // The vote itself is handled; reconciling later finds the reaction again and changes nothing.
        }
      }
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
      return BUTTON;
    }
    if (inbound instanceof Inbound.MessageShortcut) {
      return "message-shortcut";
    }
    return "form-submitted";
  }
}
