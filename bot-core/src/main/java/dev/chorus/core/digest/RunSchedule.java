package dev.chorus.core.digest;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.Command.Cadence;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.Delivery;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.lifecycle.CloseQuestion;
import dev.chorus.core.report.Reports;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.ChannelAccess;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.Target;
import dev.chorus.core.conversation.Cards;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Does the scheduled work that is due: closes questions whose deadline passed, reminds
 * members whose view is not in before a deadline, and posts channel and personal digests. Each
 * piece is a job with its own key, claimed before it is done and marked done after, so replicas
 * running this at the same time do each job once; a job whose replica died is done by another once
 * its lease runs out. A job whose post the platform did not take is not marked done: its lease runs
 * out and it is tried again, and each of its posts is marked sent on its own, so a retry sends only
 * what did not go out. A replica does only the work of communities it serves (its platforms, its
 * Discord shards), and one community's trouble never stops another's. Runs on the injected clock,
 * so tests and the shell decide what "now" is.
 */
public final class RunSchedule {
  private static final System.Logger LOG = System.getLogger(RunSchedule.class.getName());
  /** Digest and close jobs are remembered long after they could come due again. */
  static final Duration KEEP = Duration.ofDays(40);
  /** A reminder is sent once per member and question, however the deadline moves. */
  static final Duration KEEP_REMINDED = Duration.ofDays(800);
  /** A job the platform keeps refusing is given up this long after it came due (a channel deleted, Chorus removed). */
  static final Duration GIVE_UP_AFTER = Duration.ofDays(1);

  /**
   * @param remindBefore how long before a deadline members are reminded
   * @param lease how long a claimed job stays with its replica before another may do it
   */
  public record Timing(Duration remindBefore, Duration lease) {
    public static final Timing DEFAULTS = new Timing(Duration.ofHours(24), Duration.ofMinutes(2));

    public Timing {
      Objects.requireNonNull(remindBefore, "remindBefore");
      Objects.requireNonNull(lease, "lease");
    }
  }

  /** What one run did, in counts only. */
  public record Report(int closed, int reminders, int channelDigests, int personalDigests, int undelivered) {
    public static final Report NONE = new Report(0, 0, 0, 0, 0);

    Report plus(Report other) {
      return new Report(closed + other.closed, reminders + other.reminders, channelDigests + other.channelDigests,
          personalDigests + other.personalDigests, undelivered + other.undelivered);
    }
  }

  private final ScheduleStores stores;
  private final ChannelMembers channelMembers;
  private final Chat chat;
  private final Delivery delivery;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;
  private final Timing timing;
  private final CloseQuestion closeQuestion;
  private final Observer observer;

  /** What is done to a question right before it closes at its deadline: its votes reconciled with the platform. */
  @FunctionalInterface
  public interface BeforeClose {
    BeforeClose NOTHING = (community, question) -> {};

    void prepare(CommunityId community, Question question);
  }

  private final BeforeClose beforeClose;
  /** Whether this process has put every community on the agenda once. */
  private volatile boolean repaired;
  private final java.util.function.Predicate<CommunityId> serves;

  /** How long a deadline close keeps trying when votes keep changing the question under it. */
  static final Duration CLOSE_PERSISTENCE = Duration.ofSeconds(50);

  public RunSchedule(ScheduleStores stores, ChannelMembers channelMembers, Chat chat, Pseudonyms pseudonyms,
      Clock clock, Settings settings, Timing timing, Observer observer) {
    this(stores, channelMembers, chat, pseudonyms, clock, settings, timing, observer, BeforeClose.NOTHING);
  }

  public RunSchedule(ScheduleStores stores, ChannelMembers channelMembers, Chat chat, Pseudonyms pseudonyms,
      Clock clock, Settings settings, Timing timing, Observer observer, BeforeClose beforeClose) {
    this(stores, channelMembers, chat, pseudonyms, clock, settings, timing, observer, beforeClose, community -> true);
  }

  /** @param serves the communities this replica serves: its platforms, and on Discord the guilds of its shards */
  public RunSchedule(ScheduleStores stores, ChannelMembers channelMembers, Chat chat, Pseudonyms pseudonyms,
      Clock clock, Settings settings, Timing timing, Observer observer, BeforeClose beforeClose,
      java.util.function.Predicate<CommunityId> serves) {
    this(stores, channelMembers, chat, pseudonyms, clock, settings, timing, observer, beforeClose, serves,
        Reports.UNAVAILABLE);
  }

  /** @param reports draws the opinion map posted with an outcome a deadline publishes */
  public RunSchedule(ScheduleStores stores, ChannelMembers channelMembers, Chat chat, Pseudonyms pseudonyms,
      Clock clock, Settings settings, Timing timing, Observer observer, BeforeClose beforeClose,
      java.util.function.Predicate<CommunityId> serves, Reports reports) {
    this.serves = serves;
    this.beforeClose = beforeClose;
    this.stores = stores;
    this.channelMembers = channelMembers;
    this.chat = chat;
    this.delivery = new Delivery(chat, stores.links());
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
    this.timing = timing;
    this.closeQuestion = new CloseQuestion(pseudonyms, clock, settings, observer, reports);
    this.observer = observer;
  }

  /**
   * The due work of every community the agenda says is due. A community whose store fails is left
   * due for the next run; one whose pass went through gets its next look from what the pass saw.
   */
  public Report run() {
    var report = Report.NONE;
    var agenda = stores.agenda();
    if (!repaired) {
      // Once per process: a change whose telling was lost with a replica (or never told, by an older
      // version) is found here, since every community is looked at once.
      try {
        agenda.lookAtAll(stores.questions().communities());
        repaired = true;
      } catch (StoreUnavailableException e) {
        Failures.log(LOG, Level.WARNING, "scheduled work waits for the store", e);
        return report;
      }
    }
    for (var due : agenda.dueBy(clock.instant())) {
      var community = due.community();
      if (!serves.test(community)) {
        // Another replica runs its platform or its shard: claiming its work here would send nothing.
        continue;
      }
      try {
        var look = new NextLook();
        report = report.plus(run(community, look));
        agenda.looked(due, look.next);
      } catch (StoreUnavailableException e) {
        Failures.log(LOG, Level.WARNING, "scheduled work waits for the store", e);
      } catch (RuntimeException e) {
        // Data this version cannot read, or a bug: logged without words or ids; the others go on.
        Failures.log(LOG, "scheduled work of a community failed; the other communities go on", e);
      }
    }
    return report;
  }

  /**
   * When a community next needs a pass: the earliest moment any piece of its work asked for. Null
   * while nothing did; a change in the community puts it back on the agenda then.
   */
  private final class NextLook {
    private @Nullable Instant next;

    void at(Instant moment) {
      if (next == null || moment.isBefore(next)) {
        next = moment;
      }
    }

    /** Once the lease of a job just claimed or held runs out: it is free again then, if not done. */
    void afterLease() {
      at(clock.instant().plus(timing.lease()));
    }
  }

  /**
   * Claims the job; when another replica holds it, the community is looked at again once that
   * lease runs out, in case the replica died. A job done needs no look.
   */
  private boolean claimed(CommunityId community, String job, NextLook look) {
    var taken = stores.claims().take(community, job, timing.lease());
    if (taken == Claims.Taken.HELD) {
      look.afterLease();
    }
    return taken == Claims.Taken.CLAIMED;
  }

  private Report run(CommunityId community, NextLook look) {
    var now = clock.instant();
    var horizon = now.plus(timing.remindBefore());
    var closedSince = now.minus(GIVE_UP_AFTER);
    var report = Report.NONE;
    var due = stores.questions().due(community, horizon, closedSince);
    for (var q : due.questions()) {
      if (q.deadline() != null && q.open() && !q.deadline().isAfter(now)) {
        report = report.plus(closeAtDeadline(community, q, q.deadline(), look));
      } else if (q.deadline() != null && !q.open() && closedByThisDeadline(q, q.deadline())
          && q.latestOutcome().orElseThrow().closedAt().isAfter(closedSince)) {
        // Closed at its deadline lately: if its outcome did not go out, the job is not done and is claimed again.
        report = report.plus(closeAtDeadline(community, q, q.deadline(), look));
      }
    }
    if (due.nextDeadline() != null) {
      look.at(due.nextDeadline().minus(timing.remindBefore()));
    }
    // Read again: what was just closed is neither reminded of nor listed as open.
    var questions = report.closed() > 0 ? stores.questions().due(community, horizon, closedSince).questions()
        : due.questions();
    var preferences = stores.memberPreferences().chosenIn(community);
    var members = new HashMap<ChannelId, Optional<Set<MemberId>>>();
    for (var q : questions) {
      if (q.open() && q.deadline() != null && q.deadline().isAfter(now) && !q.deadline().isAfter(horizon)) {
        // In the day before its deadline, every pass reminds whoever joined the channel since.
        look.at(now);
        report = report.plus(remind(community, q, q.deadline(), preferences,
            members.computeIfAbsent(q.channel(), c -> channelMembers.in(community, c)), now));
      }
    }
    // Digests list every open question; they are read only when a digest goes out.
    var open = new OpenQuestions(community);
    for (var digest : stores.channelDigests().scheduled(community)) {
      report = report.plus(channelDigest(community, digest, open, members, now, look));
    }
    for (var entry : preferences.entrySet()) {
      if (entry.getValue().personalDigest() != Cadence.OFF) {
        report = report.plus(personalDigest(community, entry.getKey(), entry.getValue(), open, members, now, look));
      }
    }
    return report;
  }

  /** The community's open questions, read once, and only if a digest asks for them. */
  private final class OpenQuestions {
    private final CommunityId community;
    private @Nullable List<Question> read;

    OpenQuestions(CommunityId community) {
      this.community = community;
    }

    List<Question> get() {
      if (read == null) {
        read = stores.questions().inCommunity(community, Instant.MAX);
      }
      return read;
    }
  }

  // ---- deadline ----

  /** @param deadline {@code seen}'s deadline, which brought it here */
  private Report closeAtDeadline(CommunityId community, Question seen, Instant deadline, NextLook look) {
    var job = "close:" + seen.id() + ":" + deadline.getEpochSecond();
    if (!claimed(community, job, look)) {
      return Report.NONE;
    }
    int undelivered = 0;
    boolean closed = false;
    boolean stillOpen = false;
    try {
      if (seen.open()) {
        beforeClose.prepare(community, seen);
      }
    } catch (RuntimeException e) {
      // The close goes ahead on the votes Chorus has; reconciling is a help, never a condition.
      Failures.log(LOG, Level.WARNING, "reconciling before a deadline close failed", e);
    }
    long giveUpAt = System.nanoTime() + CLOSE_PERSISTENCE.toNanos();
    for (int attempt = 0; ; attempt++) {
      var q = stores.questions().find(community, seen.id()).orElse(null);
      if (q == null) {
        break;
      }
      if (q.open() && q.deadline() != null && !q.deadline().isAfter(clock.instant())) {
        var decision = closeQuestion.atDeadline(q);
        var commit = stores.questions().commit(community, decision.writes(), null);
        if (commit instanceof Questions.CommitResult.Conflict) {
          // Votes keep coming in: try again after a short, growing, jittered pause, as long as the
          // lease allows; a question still open is never marked done, so the next pass goes on.
          if (System.nanoTime() > giveUpAt) {
            stillOpen = true;
            break;
          }
          backOff(attempt);
          continue;
        }
        var stored = decision.writes().stream().map(Question::committed).toList();
        undelivered += deliverOnce(community, job, Delivery.atRevisions(decision.effects(), stored));
        closed = true;
      } else if (!q.open() && closedByThisDeadline(q, deadline)) {
        // Closed by a replica that died before it marked the job done, or whose outcome the platform
        // did not take: posted unless it was marked sent.
        var outcome = q.latestOutcome().orElseThrow();
        undelivered += deliverOnce(community, job, List.of(new Effect.Post(new Place.Channel(q.channel()),
            Cards.outcome(q, outcome), new Target.OutcomeMessage(q.id()))));
        closed = true;
      }
      break;
    }
    if (stillOpen) {
      LOG.log(Level.WARNING, "a deadline close kept meeting new votes; the next pass tries again");
      look.at(clock.instant());
      return Report.NONE;
    }
    if (undelivered > 0 && !givenUp(deadline)) {
      // Closed, but its outcome is not out yet: the job's lease runs out and a pass posts it.
      observer.scheduled("deadline-close", false);
      look.afterLease();
      return new Report(0, 0, 0, 0, undelivered);
    }
    stores.claims().done(community, job, KEEP);
    if (closed) {
      observer.scheduled("deadline-close", undelivered == 0);
    }
    return new Report(closed ? 1 : 0, 0, 0, 0, undelivered);
  }

  /** Up to 2^attempt milliseconds, at most a quarter second, jittered so that a close and the votes stop colliding. */
  private static void backOff(int attempt) {
    long most = Math.min(250, 1L << Math.min(attempt, 8));
    java.util.concurrent.locks.LockSupport.parkNanos(
        java.util.concurrent.ThreadLocalRandom.current().nextLong(1, most * 1_000_000L + 1));
  }

  /**
   * Delivers a job's effects, each post once: a post is claimed under its own key and marked sent
   * when the platform took it, so a job tried again after a failure sends only the posts that did
   * not go out. Edits are no loss when they fail (the next change edits again) and are not counted.
   *
   * @return how many posts did not go out
   */
  private int deliverOnce(CommunityId community, String job, List<Effect> effects) {
    int failed = 0;
    for (var effect : once(effects, job)) {
      if (!(effect instanceof Effect.Post post)) {
        delivery.deliver(community, List.of(effect));
        continue;
      }
      var sent = "sent:" + post.once();
      if (!stores.claims().claim(community, sent, timing.lease())) {
        // Sent already (or being sent by a replica that holds it).
        continue;
      }
      if (delivery.deliver(community, List.of(post)).isEmpty()) {
        stores.claims().done(community, sent, KEEP_REMINDED);
      } else {
        stores.claims().release(community, sent);
        failed++;
      }
    }
    return failed;
  }

  /** Whether a job that keeps failing is old enough to give up on. */
  private boolean givenUp(Instant due) {
    boolean giveUp = clock.instant().isAfter(due.plus(GIVE_UP_AFTER));
    if (giveUp) {
      LOG.log(Level.WARNING, "a scheduled post was refused for a day and is given up");
    }
    return giveUp;
  }

  /** The posts of a scheduled job, each keyed so that a platform can refuse it a second time. */
  private static List<Effect> once(List<Effect> effects, String job) {
    var keyed = new ArrayList<Effect>(effects.size());
    int n = 0;
    for (var effect : effects) {
      keyed.add(effect instanceof Effect.Post post
          ? new Effect.Post(post.place(), post.card(), post.link(), n++ == 0 ? job : job + "#" + n) : effect);
    }
    return keyed;
  }

  private static boolean closedByThisDeadline(Question q, Instant deadline) {
    return q.latestOutcome().map(o -> CloseQuestion.DEADLINE.equals(o.closedBy()) && !o.closedAt().isBefore(deadline))
        .orElse(false);
  }

  // ---- reminders ----

  /** @param deadline {@code q}'s deadline, which is near */
  private Report remind(CommunityId community, Question q, Instant deadline, Map<MemberId, MemberPreferences.Preferences> preferences,
      Optional<Set<MemberId>> inChannel, Instant now) {
    var recipients = new LinkedHashSet<MemberId>();
    if (inChannel.isPresent()) {
      recipients.addAll(inChannel.get());
    } else if (!q.anonymous()) {
      // The platform cannot list the channel: those who took part without a view are who we know.
      for (MemberKey key : q.participants()) {
        recipients.add(new MemberId(key.value()));
      }
    }
    // Claims outlive the question's page in Redis: in an anonymous question they name the pseudonym, not the member.
    var jobs = new java.util.LinkedHashMap<MemberId, String>();
    for (var member : recipients) {
      if (q.viewOf(pseudonyms.keyOf(q, member)).isPresent()
          || !preferences.getOrDefault(member, MemberPreferences.Preferences.DEFAULTS).reminders()) {
        continue;
      }
      jobs.put(member, "remind:" + q.id() + ":" + (q.anonymous() ? pseudonyms.keyOf(q, member).value() : member.value()));
    }
    // Those reminded already are skipped in one look, not a claim each on every pass of the day.
    var reminded = jobs.isEmpty() ? Set.<String>of() : stores.claims().doneAmong(community, jobs.values());
    int sent = 0;
    int undelivered = 0;
    for (var entry : jobs.entrySet()) {
      var member = entry.getKey();
      var job = entry.getValue();
      if (reminded.contains(job) || !stores.claims().claim(community, job, timing.lease())) {
        continue;
      }
      int failed = deliverOnce(community, job, List.of(
          new Effect.Post(new Place.Direct(member), DigestCards.reminder(q, deadline, now), null)));
      if (failed == 0 || givenUp(deadline.minus(timing.remindBefore()))) {
        stores.claims().done(community, job, KEEP_REMINDED);
      }
      observer.scheduled("reminder", failed == 0);
      sent += failed == 0 ? 1 : 0;
      undelivered += failed;
    }
    return new Report(0, sent, 0, 0, undelivered);
  }

  // ---- channel digests ----

  /** @param members who is in each channel, asked of the platform only for a digest that is due */
  private Report channelDigest(CommunityId community, ChannelDigests.ChannelDigest digest, OpenQuestions questions,
      Map<ChannelId, Optional<Set<MemberId>>> members, Instant now, NextLook look) {
    var due = digest.schedule().latestDue(now);
    var next = digest.schedule().nextAfter(due);
    look.at(next);
    if (!due.isAfter(digest.since()) || (digest.lastSent() != null && !due.isAfter(digest.lastSent()))) {
      return Report.NONE;
    }
    var job = "digest:" + digest.channel().value() + ":" + due.getEpochSecond();
    if (!claimed(community, job, look)) {
      return Report.NONE;
    }
    var open = new ArrayList<Question>();
    var shown = new HashMap<QuestionId, ChannelDigests.Activity>();
    boolean anythingNew = false;
    for (var q : questions.get()) {
      if (!q.open() || !q.channel().equals(digest.channel())) {
        continue;
      }
      var activity = activity(q);
      shown.put(q.id(), activity);
      open.add(q);
      anythingNew |= !activity.equals(digest.shown().get(q.id()))
          || (q.deadline() != null && !q.deadline().isAfter(next));
    }
    int posted = 0;
    int undelivered = 0;
    if (anythingNew && !open.isEmpty()) {
      // Only a digest that goes out counts who has no view yet.
      var inChannel = members.computeIfAbsent(digest.channel(), c -> channelMembers.in(community, c));
      var lines = new ArrayList<DigestCards.ChannelLine>();
      for (var q : open) {
        Integer withoutView = inChannel.map(inIt -> (int) inIt.stream()
            .filter(m -> q.viewOf(pseudonyms.keyOf(q, m)).isEmpty()).count()).orElse(null);
        // Every question in open was put in shown by the loop above.
        var activity = Objects.requireNonNull(shown.get(q.id()));
        lines.add(new DigestCards.ChannelLine(q, activity, digest.shown().get(q.id()), withoutView));
      }
      // Soonest deadline first, then the most new activity: what most needs the channel's attention.
      lines.sort(Comparator.comparing((DigestCards.ChannelLine l) -> l.question().deadline(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(l -> -newActivity(l))
          .thenComparing(l -> l.question().id()));
      undelivered = deliverOnce(community, job, List.of(new Effect.Post(new Place.Channel(digest.channel()),
          DigestCards.channel(lines, now), null)));
      posted = undelivered == 0 ? 1 : 0;
      observer.scheduled("channel-digest", undelivered == 0);
    }
    if (undelivered > 0 && !givenUp(due)) {
      // Not out: neither recorded as sent nor marked done, so a pass after the lease sends it.
      look.afterLease();
      return new Report(0, 0, 0, 0, undelivered);
    }
    var keptShown = anythingNew ? shown : digest.shown();
    // Only under the schedule it was sent by: an "off" or a new time set meanwhile stays as the facilitator left it.
    stores.channelDigests().saveIfStillScheduled(community,
        new ChannelDigests.ChannelDigest(digest.channel(), digest.schedule(), digest.since(), due, keptShown,
            digest.setBy()));
    stores.claims().done(community, job, KEEP);
    return new Report(0, 0, posted, 0, undelivered);
  }

  private static int newActivity(DigestCards.ChannelLine line) {
    var before = line.beforeOrNone();
    return line.now().views() - before.views() + line.now().votes() - before.votes();
  }

  /** What a question holds now, to compare with the last digest. */
  static ChannelDigests.Activity activity(Question q) {
    int votes = 0;
    for (var s : q.statements()) {
      votes += s.votes().size();
    }
    for (var d : q.drafts()) {
      votes += d.ballots().size();
    }
    return new ChannelDigests.Activity(q.membersWithView().size(), votes, q.drafts().size());
  }

  // ---- personal digests ----

  private Report personalDigest(CommunityId community, MemberId member, MemberPreferences.Preferences preferences,
      OpenQuestions questions, Map<ChannelId, Optional<Set<MemberId>>> members, Instant now, NextLook look) {
    var schedule = ChangeNotifications.personalSchedule(preferences.personalDigest(), settings);
    var due = schedule.latestDue(now);
    look.at(schedule.nextAfter(due));
    if (!due.isAfter(preferences.personalSince())) {
      return Report.NONE;
    }
    var job = "personal:" + member.value() + ":" + due.getEpochSecond();
    if (!claimed(community, job, look)) {
      return Report.NONE;
    }
    var awaiting = new ArrayList<DigestCards.Awaiting>();
    var access = new HashMap<ChannelId, ChannelAccess>();
    int unchecked = 0;
    for (var q : questions.get()) {
      if (!q.open()) {
        continue;
      }
      var inChannel = members.computeIfAbsent(q.channel(), c -> channelMembers.in(community, c));
      if (inChannel.isPresent() && !inChannel.get().contains(member)) {
        continue;
      }
      var key = pseudonyms.keyOf(q, member);
      boolean view = q.viewOf(key).isEmpty();
      var draft = q.latestDraft().filter(d -> !d.ballots().containsKey(key)).orElse(null);
      if (!view && draft == null) {
        continue;
      }
      // Where the platform cannot list the channel, it may still say whether this member can read it.
      var seen = inChannel.isPresent() ? ChannelAccess.SEES
          : access.computeIfAbsent(q.channel(), c -> chat.access(community, member, c));
      switch (seen) {
        case SEES -> awaiting.add(new DigestCards.Awaiting(q, view, draft));
        case UNKNOWN -> unchecked++;
        case CLOSED -> {
          // A private channel's title is not for this member.
        }
      }
    }
    int sent = 0;
    int undelivered = 0;
    if (!awaiting.isEmpty() || unchecked > 0) {
      awaiting.sort(Comparator.comparing((DigestCards.Awaiting a) -> a.question().deadline(),
          Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(a -> a.question().id()));
      undelivered = deliverOnce(community, job, List.of(
          new Effect.Post(new Place.Direct(member), DigestCards.personal(awaiting, unchecked, now), null)));
      sent = undelivered == 0 ? 1 : 0;
      observer.scheduled("personal-digest", undelivered == 0);
    }
    if (undelivered > 0 && !givenUp(due)) {
      look.afterLease();
      return new Report(0, 0, 0, 0, undelivered);
    }
    stores.claims().done(community, job, KEEP);
    return new Report(0, 0, 0, sent, undelivered);
  }
}
