package dev.chorus.app.schedule;

import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.message.Chat;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private @Nullable ScheduledExecutorService executor;
  private @Nullable RunSchedule schedule;

  /**
   * @param platforms the chat platforms this replica runs
   * @param chat a single chat without a platform of its own (tests register one)
   */
  public ScheduledWork(Stores stores, ObjectProvider<ChatPlatform> platforms, ObjectProvider<Chat> chat,
      Pseudonyms pseudonyms, Clock clock, Settings settings, RunSchedule.Timing timing, ScheduleProperties properties,
      Observer observer) {
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
    if (schedule == null) {
      var running = platforms();
      if (running.isEmpty()) {
        return RunSchedule.Report.NONE;
      }
      var routing = new PlatformRouting(running);
      schedule = new RunSchedule(stores, routing, routing, pseudonyms, clock, settings, timing, observer);
    }
    return schedule.run();
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
        // Logged without member words or ids; the next pass tries again.
        LOG.log(Level.ERROR, "a scheduled pass failed: " + e.getClass().getSimpleName());
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
