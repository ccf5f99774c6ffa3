package dev.chorus.app.slack;

import dev.chorus.app.store.RedisCommunityErasure;
import dev.chorus.core.logging.Failures;
import dev.chorus.slack.SlackIds;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Erases the data of each workspace that removed Chorus once its grace period
 * ({@code CHORUS_UNINSTALL_GRACE}) is over, unless it installed Chorus again. Looks every
 * {@code CHORUS_SCHEDULE_INTERVAL} on every replica; the dates are in Redis, so an erasure due while
 * Chorus was down happens at its next start, and two replicas erasing the same workspace erase it once.
 */
public final class SlackWorkspaceRemovals implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SlackWorkspaceRemovals.class.getName());

  private final RedisSlackInstallations installations;
  private final RedisCommunityErasure erasure;
  private final Duration every;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    var thread = new Thread(runnable, "chorus-slack-removals");
    thread.setDaemon(true);
    return thread;
  });

  public SlackWorkspaceRemovals(RedisSlackInstallations installations, RedisCommunityErasure erasure, Duration every) {
    this.installations = installations;
    this.erasure = erasure;
    this.every = every;
  }

  public void start() {
    timer.scheduleWithFixedDelay(() -> {
      try {
        eraseDue();
      } catch (RuntimeException e) {
        // Kept in Redis: the next look tries again.
        Failures.log(LOG, Level.WARNING, "removed workspaces' data could not be erased yet", e);
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Erases every workspace whose grace period is over; the workspaces erased. */
  public List<String> eraseDue() {
    var erased = new ArrayList<String>();
    for (var due : installations.dueForErasure()) {
      // Read from Redis, never from a replica's memory: a workspace installed again keeps its data.
      if (!installations.installedNow(due.team())) {
        long keys = erasure.erase(SlackIds.community(due.team()));
        erased.add(due.team());
        LOG.log(Level.INFO, "erased the data of Slack workspace {0}, which removed Chorus ({1} keys)", due.team(), keys);
      }
      installations.erasureDone(due);
    }
    return erased;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
