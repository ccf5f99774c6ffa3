package dev.chorus.app.store;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * After a forget, the words taken out of a question are still on disk in the older commands of
 * Redis's append-only file (or in the last snapshot). This asks Redis to rewrite that file (or take
 * a new snapshot) so they leave the disk too. Forgets are counted in Redis by
 * {@link RedisQuestions#eraseOldCopies} before they are stored, so one that a crash interrupted is
 * still followed by a rewrite once any Chorus runs again; every replica checks every
 * {@link #CHECK_EVERY}, and the first to find a count rewrites once for all of them.
 */
public final class OldCopies implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(OldCopies.class.getName());
  /** How often the count is looked at: a forget leaves the disk within about this, plus the rewrite itself. */
  public static final Duration CHECK_EVERY = Duration.ofSeconds(30);
  private static final Duration WARN_AGAIN_AFTER = Duration.ofHours(1);

  // Only the count this rewrite saw is let go: a forget counted meanwhile asks for another one.
  private static final RedisScript<Long> LET_GO = RedisScript.of("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return redis.call('DEL', KEYS[1])
      end
      return 0
      """, Long.class);

  private final StringRedisTemplate redis;
  private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
    var thread = new Thread(runnable, "chorus-old-copies");
    thread.setDaemon(true);
    return thread;
  });
  private long lastWarning = Long.MIN_VALUE;

  public OldCopies(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /** What one check did. */
  public enum Check {
    /** No forget waiting. */
    NOTHING_ASKED,
    /** Redis is already rewriting or saving; the next check tries again. */
    BUSY,
    /** The append-only file is being rewritten. */
    REWRITING_LOG,
    /** Redis keeps no append-only file: a new snapshot replaces the old one. */
    SAVING_SNAPSHOT,
    /** Redis refused or could not be reached; the count is kept and the next check tries again. */
    FAILED
  }

  public void start() {
    checks.scheduleWithFixedDelay(this::checkQuietly, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void checkQuietly() {
    try {
      checkOnce();
    } catch (RuntimeException e) {
      warn("could not check for forgets waiting on a rewrite: " + e.getMessage());
    }
  }

  /** One look at the count, and a rewrite when there is one. */
  public Check checkOnce() {
    String asked;
    try {
      asked = redis.opsForValue().get(RedisKeys.ERASE_REQUESTS);
    } catch (DataAccessException e) {
      return Check.FAILED;
    }
    if (asked == null) {
      return Check.NOTHING_ASKED;
    }
    try {
      // On a cluster every master holds some communities' older copies: each one rewrites its own.
      @SuppressWarnings("NullAway")
      RedisCallback<@Nullable Check> rewriting = c -> c instanceof RedisClusterConnection cluster ? rewriteMasters(cluster)
          : rewrite(c.serverCommands().info("persistence"), () -> c.serverCommands().bgReWriteAof(),
              () -> c.serverCommands().bgSave());
      var done = redis.execute(rewriting);
      if (done == null || done == Check.BUSY || done == Check.FAILED) {
        return done == null ? Check.FAILED : done;
      }
      redis.execute(LET_GO, List.of(RedisKeys.ERASE_REQUESTS), asked);
      return done;
    } catch (DataAccessException e) {
      warn("Redis refused to rewrite its files after a forget (" + e.getMessage()
          + "); the forgotten words stay in its older files until it rewrites them itself");
      return Check.FAILED;
    }
  }

  /**
   * Rewrites one server's files unless a rewrite is under way: one started before the forget was
   * stored would keep its words, so the forget waits for it and asks again.
   */
  private static Check rewrite(@Nullable Properties persistence, Runnable rewriteLog, Runnable saveSnapshot) {
    if (persistence == null) {
      return Check.FAILED;
    }
    if ("1".equals(persistence.getProperty("aof_rewrite_in_progress"))
        || "1".equals(persistence.getProperty("rdb_bgsave_in_progress"))
        || "1".equals(persistence.getProperty("aof_rewrite_scheduled"))) {
      return Check.BUSY;
    }
    if ("1".equals(persistence.getProperty("aof_enabled"))) {
      rewriteLog.run();
      return Check.REWRITING_LOG;
    }
    saveSnapshot.run();
    return Check.SAVING_SNAPSHOT;
  }

  /** Every master of a cluster, each asked on its own; busy if any one is. */
  private static Check rewriteMasters(RedisClusterConnection cluster) {
    var result = Check.SAVING_SNAPSHOT;
    for (var node : cluster.clusterGetNodes()) {
      if (!node.isMaster() || !node.isConnected()) {
        continue;
      }
      var done = rewrite(cluster.serverCommands().info(node, "persistence"),
          () -> cluster.serverCommands().bgReWriteAof(node), () -> cluster.serverCommands().bgSave(node));
      if (done == Check.BUSY || done == Check.FAILED) {
        return done;
      }
      if (done == Check.REWRITING_LOG) {
        result = done;
      }
    }
    return result;
  }

  private void warn(String message) {
    long now = System.nanoTime();
    if (lastWarning == Long.MIN_VALUE || now - lastWarning > WARN_AGAIN_AFTER.toNanos()) {
      lastWarning = now;
      LOG.log(System.Logger.Level.WARNING, message);
    }
  }

  @Override
  public void close() {
    checks.shutdownNow();
  }
}
