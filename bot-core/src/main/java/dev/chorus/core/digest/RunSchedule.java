package dev.chorus.core.digest;

import dev.chorus.core.Stores;
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

/**
 * Does the scheduled work that is due (DESIGN §4): closes questions whose deadline passed, reminds
 * members whose view is not in before a deadline, and posts channel and personal digests. Each
 * piece is a job with its own key, claimed before it is done and marked done after, so replicas
 * running this at the same time do each job once; a job whose replica died is done by another once
 * its lease runs out. Runs on the injected clock, so tests and the shell decide what "now" is.
 */
public final class RunSchedule {
  private static final System.Logger LOG = System.getLogger(RunSchedule.class.getName());
  /** Digest and close jobs are remembered long after they could come due again. */
  static final Duration KEEP = Duration.ofDays(40);
  /** A reminder is sent once per member and question, however the deadline moves. */
  static final Duration KEEP_REMINDED = Duration.ofDays(800);

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

  private final Stores stores;
  private final ChannelMembers channelMembers;
  private final Delivery delivery;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;
  private final Timing timing;
  private final CloseQuestion closeQuestion;
  private final Observer observer;

  public RunSchedule(Stores stores, ChannelMembers channelMembers, Chat chat, Pseudonyms pseudonyms, Clock clock,
      Settings settings, Timing timing, Observer observer) {
    this.stores = stores;
    this.channelMembers = channelMembers;
    this.delivery = new Delivery(chat, stores.links());
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
    this.timing = timing;
    this.closeQuestion = new CloseQuestion(pseudonyms, clock, settings, observer);
    this.observer = observer;
  }

  /** Every community's due work. A community whose store fails is left for the next run. */
  public Report run() {
    var report = Report.NONE;
    for (var community : stores.questions().communities()) {
      try {
        report = report.plus(run(community));
      } catch (StoreUnavailableException e) {
        LOG.log(Level.WARNING, "scheduled work waits for the store: {0}", e.getMessage());
      }
    }
    return report;
  }

  public Report run(CommunityId community) {
    var now = clock.instant();
    var report = Report.NONE;
    var questions = stores.questions().inCommunity(community);
    for (var q : questions) {
      if (q.deadline() != null && q.open() && !q.deadline().isAfter(now)) {
        report = report.plus(closeAtDeadline(community, q));
      }
    }
    // Read again: what was just closed is neither reminded of nor listed as open.
    if (report.closed() > 0) {
      questions = stores.questions().inCommunity(community);
    }
    var preferences = stores.memberPreferences().chosenIn(community);
    var members = new HashMap<ChannelId, Optional<Set<MemberId>>>();
    for (var q : questions) {
      if (q.open() && q.deadline() != null && q.deadline().isAfter(now)
          && !q.deadline().isAfter(now.plus(timing.remindBefore()))) {
        report = report.plus(remind(community, q, preferences,
            members.computeIfAbsent(q.channel(), c -> channelMembers.in(community, c)), now));
      }
    }
    for (var digest : stores.channelDigests().scheduled(community)) {
      report = report.plus(channelDigest(community, digest, questions, members, now));
    }
    for (var entry : preferences.entrySet()) {
      if (entry.getValue().personalDigest() != Cadence.OFF) {
        report = report.plus(personalDigest(community, entry.getKey(), entry.getValue(), questions, members, now));
      }
    }
    return report;
  }

  // ---- deadline ----

  private Report closeAtDeadline(CommunityId community, Question seen) {
    var job = "close:" + seen.id() + ":" + seen.deadline().getEpochSecond();
    if (!stores.claims().claim(community, job, timing.lease())) {
      return Report.NONE;
    }
    int undelivered = 0;
    boolean closed = false;
    for (int attempt = 0; attempt < 5; attempt++) {
      var q = stores.questions().find(community, seen.id()).orElse(null);
      if (q == null) {
        break;
      }
      if (q.open() && q.deadline() != null && !q.deadline().isAfter(clock.instant())) {
        var decision = closeQuestion.atDeadline(q);
        var commit = stores.questions().commit(community, decision.writes(), null);
        if (commit instanceof Questions.CommitResult.Conflict) {
          continue;
        }
        var stored = decision.writes().stream().map(Question::committed).toList();
        undelivered += delivery.deliver(community, once(Delivery.atRevisions(decision.effects(), stored), job)).size();
        closed = true;
      } else if (!q.open() && closedByThisDeadline(q, seen.deadline())) {
        // Closed by a replica that died before it marked the job done: its outcome may never have
        // been posted, so it is posted (again).
        var outcome = q.latestOutcome().orElseThrow();
        undelivered += delivery.deliver(community, List.of(new Effect.Post(new Place.Channel(q.channel()),
            Cards.outcome(q, outcome), new Target.OutcomeMessage(q.id()), job))).size();
        closed = true;
      }
      break;
    }
    stores.claims().done(community, job, KEEP);
    if (closed) {
      observer.scheduled("deadline-close", undelivered == 0);
    }
    return new Report(closed ? 1 : 0, 0, 0, 0, undelivered);
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

  private Report remind(CommunityId community, Question q, Map<MemberId, MemberPreferences.Preferences> preferences,
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
    int sent = 0;
    int undelivered = 0;
    for (var member : recipients) {
      if (q.viewOf(pseudonyms.keyOf(q, member)).isPresent()
          || !preferences.getOrDefault(member, MemberPreferences.Preferences.DEFAULTS).reminders()) {
        continue;
      }
      var job = "remind:" + q.id() + ":" + member.value();
      if (!stores.claims().claim(community, job, timing.lease())) {
        continue;
      }
      int failed = delivery.deliver(community, List.of(
          new Effect.Post(new Place.Direct(member), DigestCards.reminder(q, now), null, job))).size();
      stores.claims().done(community, job, KEEP_REMINDED);
      observer.scheduled("reminder", failed == 0);
      sent += failed == 0 ? 1 : 0;
      undelivered += failed;
    }
    return new Report(0, sent, 0, 0, undelivered);
  }

  // ---- channel digests ----

  /** @param members who is in each channel, asked of the platform only for a digest that is due */
  private Report channelDigest(CommunityId community, ChannelDigests.ChannelDigest digest, List<Question> questions,
      Map<ChannelId, Optional<Set<MemberId>>> members, Instant now) {
    var due = digest.schedule().latestDue(now);
    if (!due.isAfter(digest.since()) || (digest.lastSent() != null && !due.isAfter(digest.lastSent()))) {
      return Report.NONE;
    }
    var job = "digest:" + digest.channel().value() + ":" + due.getEpochSecond();
    if (!stores.claims().claim(community, job, timing.lease())) {
      return Report.NONE;
    }
    var next = digest.schedule().nextAfter(due);
    var open = new ArrayList<Question>();
    var shown = new HashMap<QuestionId, ChannelDigests.Activity>();
    boolean anythingNew = false;
    for (var q : questions) {
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
        lines.add(new DigestCards.ChannelLine(q, shown.get(q.id()), digest.shown().get(q.id()), withoutView));
      }
      // Soonest deadline first, then the most new activity: what most needs the channel's attention.
      lines.sort(Comparator.comparing((DigestCards.ChannelLine l) -> l.question().deadline(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(l -> -newActivity(l))
          .thenComparing(l -> l.question().id()));
      undelivered = delivery.deliver(community, List.of(new Effect.Post(new Place.Channel(digest.channel()),
          DigestCards.channel(lines, now), null, job))).size();
      posted = undelivered == 0 ? 1 : 0;
      observer.scheduled("channel-digest", undelivered == 0);
    }
    var keptShown = anythingNew ? shown : digest.shown();
    stores.channelDigests().save(community,
        new ChannelDigests.ChannelDigest(digest.channel(), digest.schedule(), digest.since(), due, keptShown));
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
      List<Question> questions, Map<ChannelId, Optional<Set<MemberId>>> members, Instant now) {
    var schedule = ChangeNotifications.personalSchedule(preferences.personalDigest(), settings);
    var due = schedule.latestDue(now);
    if (!due.isAfter(preferences.personalSince())) {
      return Report.NONE;
    }
    var job = "personal:" + member.value() + ":" + due.getEpochSecond();
    if (!stores.claims().claim(community, job, timing.lease())) {
      return Report.NONE;
    }
    var awaiting = new ArrayList<DigestCards.Awaiting>();
    for (var q : questions) {
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
      if (view || draft != null) {
        awaiting.add(new DigestCards.Awaiting(q, view, draft));
      }
    }
    int sent = 0;
    int undelivered = 0;
    if (!awaiting.isEmpty()) {
      awaiting.sort(Comparator.comparing((DigestCards.Awaiting a) -> a.question().deadline(),
          Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(a -> a.question().id()));
      undelivered = delivery.deliver(community, List.of(
          new Effect.Post(new Place.Direct(member), DigestCards.personal(awaiting, now), null, job))).size();
      sent = undelivered == 0 ? 1 : 0;
      observer.scheduled("personal-digest", undelivered == 0);
    }
    stores.claims().done(community, job, KEEP);
    return new Report(0, 0, 0, sent, undelivered);
  }
}
