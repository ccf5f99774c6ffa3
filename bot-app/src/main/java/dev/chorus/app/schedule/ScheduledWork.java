package dev.chorus.app.schedule;

import dev.chorus.core.Chorus;
import dev.chorus.core.report.Reports;
import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.Chat;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs the core's schedule every {@code CHORUS_SCHEDULE_INTERVAL} on one background thread, on
 * every replica. Which replica does a job is settled by the core's claims, so a replica that dies
 * mid-run leaves its jobs to the next run anywhere. Without a chat platform there is nowhere to
 * send anything, and it waits. The shell runs its own schedule on its own clock.
 *
 * <p>On a thread of its own, so that reading reactions back never delays a deadline: after start-up,
 * every open question's vote messages are reconciled with the platform's reactions (votes cast
 * while Chorus was down), and every {@code CHORUS_RECONCILE_INTERVAL} the latest draft of each open
 * question. Each message is a job of its round, claimed like the schedule's, so replicas share them.
 */
@Component
@Profile("!shell")
public class ScheduledWork implements SmartLifecycle {
  private static final System.Logger LOG = System.getLogger(ScheduledWork.class.getName());

  private final Stores stores;
  private final ObjectProvider<ChatPlatform> platforms;
  private final ObjectProvider<Chat> chat;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;
  private final RunSchedule.Timing timing;
  private final ScheduleProperties properties;
  private final Observer observer;
  private final Reports reports;
  private final Function<Chat, Chorus> chorusOnChat;
  private @Nullable ScheduledExecutorService executor;
  private @Nullable ScheduledExecutorService reconciling;
  private @Nullable Started started;
  /** The start-up round's name: replicas started within the same minute share its jobs. */
  private final String startRound;
  private volatile boolean startReconciled;
  private volatile @Nullable Instant nextPeriodic;

  /**
   * @param platforms the chat platforms this replica runs
   * @param chat a single chat without a platform of its own (tests register one)
   */
  public ScheduledWork(Stores stores, ObjectProvider<ChatPlatform> platforms, ObjectProvider<Chat> chat,
      Pseudonyms pseudonyms, Clock clock, Settings settings, RunSchedule.Timing timing, ScheduleProperties properties,
      Observer observer, Function<Chat, Chorus> chorusOnChat, Reports reports) {
    this.reports = reports;
    this.chorusOnChat = chorusOnChat;
    this.startRound = "start-" + clock.instant().getEpochSecond() / 60;
    this.stores = stores;
    this.platforms = platforms;
    this.chat = chat;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
    this.timing = timing;
    this.properties = properties;
    this.observer = observer;
  }

  /** One pass over every community; what fails waits for the next pass. */
  public RunSchedule.Report runOnce() {
    var ready = ready();
    if (ready == null) {
      return RunSchedule.Report.NONE;
    }
    return ready.schedule().run();
  }

  /** What is built once a platform runs: built together, so that one field says whether it is there. */
  private record Started(PlatformRouting routing, Chorus chorus, RunSchedule schedule) {}

  /** Builds the schedule and the reconciling Chorus once a platform runs; null while none does. */
  private synchronized @Nullable Started ready() {
    if (started == null) {
      var running = platforms();
      if (running.isEmpty()) {
        return null;
      }
      var routing = new PlatformRouting(running);
      var chorus = chorusOnChat.apply(routing);
      var schedule = new RunSchedule(stores, routing, routing, pseudonyms, clock, settings, timing, observer,
          (community, question) -> chorus.reconcile(community, question.id(), Chorus.Reconcile.DRAFTS,
              null, properties.lease()), routing::serves, reports);
      started = new Started(routing, chorus, schedule);
    }
    return started;
  }

  /**
   * Reconciles what is due: every open question's vote messages until the start-up round has read
   * them all, and the latest drafts once every {@code CHORUS_RECONCILE_INTERVAL}.
   */
  public Chorus.Reconciled reconcileOnce() {
    var ready = ready();
    if (ready == null) {
      return Chorus.Reconciled.NONE;
    }
    var total = Chorus.Reconciled.NONE;
    if (!startReconciled) {
      var start = reconcileAll(ready, Chorus.Reconcile.EVERY_VOTE_MESSAGE, startRound);
      startReconciled = start.unread() == 0;
      total = total.plus(start);
    }
    var now = clock.instant();
    if (nextPeriodic == null) {
      nextPeriodic = now.plus(properties.reconcileInterval());
    } else if (!now.isBefore(nextPeriodic)) {
      long round = now.getEpochSecond() / Math.max(1, properties.reconcileInterval().toSeconds());
      total = total.plus(reconcileAll(ready, Chorus.Reconcile.LATEST_DRAFT, "every-" + round));
      nextPeriodic = now.plus(properties.reconcileInterval());
    }
    return total;
  }

  private Chorus.Reconciled reconcileAll(Started ready, Chorus.Reconcile which, String round) {
    var total = Chorus.Reconciled.NONE;
    for (var community : stores.questions().communities()) {
      if (!ready.routing().serves(community)) {
        continue;
      }
      try {
        for (var question : stores.questions().inCommunity(community, java.time.Instant.MAX)) {
          if (question.open() && !question.anonymous()) {
            total = total.plus(ready.chorus().reconcile(community, question.id(), which, round, properties.lease()));
          }
        }
      } catch (RuntimeException e) {
        // One community's trouble (its store, its data) never stops the others'.
        Failures.log(LOG, Level.WARNING, "reconciling a community failed", e);
        total = total.plus(new Chorus.Reconciled(0, 0, 0, 0, 1));
      }
    }
    if (total.counted() + total.withdrawn() + total.unclear() > 0) {
      LOG.log(Level.INFO, "reconciled {0} messages: {1} votes counted, {2} taken back, {3} members asked to choose",
          total.messages(), total.counted(), total.withdrawn(), total.unclear());
    }
    return total;
  }

  /** The platforms this replica runs; a lone chat without a platform (tests register one) serves every community. */
  private List<ChatPlatform> platforms() {
    var running = platforms.orderedStream().toList();
    if (!running.isEmpty()) {
      return running;
    }
    var lone = chat.getIfAvailable();
    return lone == null ? List.of() : List.of(new ChatPlatform("", lone, ChannelMembers.UNKNOWN));
  }

  @Override
  public synchronized void start() {
    if (platforms().isEmpty()) {
      LOG.log(Level.INFO, "no chat platform is configured: digests, reminders and deadlines wait for one");
    }
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      var thread = new Thread(runnable, "chorus-schedule");
      thread.setDaemon(true);
      return thread;
    });
    long every = properties.interval().toMillis();
    executor.scheduleWithFixedDelay(() -> {
      try {
        runOnce();
      } catch (RuntimeException e) {
        // The next pass tries again.
        Failures.log(LOG, "a scheduled pass failed", e);
      }
    }, every, every, TimeUnit.MILLISECONDS);
    reconciling = Executors.newSingleThreadScheduledExecutor(runnable -> {
      var thread = new Thread(runnable, "chorus-reconcile");
      thread.setDaemon(true);
      return thread;
    });
    // Soon after start-up: the platforms connect within seconds, and what cannot be read yet is read next time.
    reconciling.scheduleWithFixedDelay(() -> {
      try {
        reconcileOnce();
      } catch (RuntimeException e) {
        Failures.log(LOG, "a reconciling pass failed", e);
      }
    }, Math.min(every, START_DELAY.toMillis()), every, TimeUnit.MILLISECONDS);
  }

  /** How long after start-up the first reconciling pass comes, at the latest. */
  static final java.time.Duration START_DELAY = java.time.Duration.ofSeconds(5);

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
    if (reconciling != null) {
      reconciling.shutdownNow();
      reconciling = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
