package dev.chorus.app.slack;

import static dev.chorus.app.store.RedisQuestions.call;

import com.google.gson.Gson;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.util.json.GsonFactory;
import dev.chorus.app.redis.SecretBox;
import dev.chorus.slack.SlackInstallations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The workspaces Chorus is installed in, in Redis: each workspace's bot (its token, ids and scopes)
 * sealed under a key derived from the server secret ({@link SecretBox}), so no token is readable in
 * Redis or its files; and the workspaces that removed Chorus, with when their data is to be erased.
 * Chorus asks for no user scopes, so no installer's token is kept: only the bot's.
 *
 * <p>A bot read is kept in memory for {@link #KEEP} (every request is authorized with it, and every
 * Web API call made with its token); a workspace that removes Chorus is forgotten here at once, and
 * by the other replicas within that time, during which Slack refuses its revoked token anyway. A
 * workspace not found is not remembered, so one installing through another replica is served at once.
 */
public final class RedisSlackInstallations implements SlackInstallations {
  /** Hash: workspace id → its bot, sealed. The three keys share a hash tag, so scripts use them together. */
  public static final String INSTALLATIONS = "chorus:{slack-installs}:bots";
  /** Hash: workspace id → when it installed Chorus last (epoch ms), so a late removal cannot undo a reinstall. */
  public static final String INSTALLED_AT = "chorus:{slack-installs}:installed-at";
  /** Sorted set: workspace id → when its data is erased (epoch ms), while it has not installed Chorus again. */
  public static final String REMOVALS = "chorus:{slack-installs}:removals";

  /** An install: the bot, when, and no erasure pending, at once. */
  private static final RedisScript<Long> SAVE = RedisScript.of("""
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
      redis.call('ZREM', KEYS[3], ARGV[1])
      return 1
      """, Long.class);

  /**
   * A removal Slack told of at ARGV[2] (epoch ms): ignored when the workspace installed Chorus again
   * after it (a retried event, delivered late); otherwise the bot is forgotten and the erasure
   * scheduled (once: the first removal sets the date), at once.
   */
  private static final RedisScript<Long> REMOVE = RedisScript.of("""
      local installed = redis.call('HGET', KEYS[2], ARGV[1])
      if installed and tonumber(installed) > tonumber(ARGV[2]) then
        return 0
      end
      redis.call('HDEL', KEYS[1], ARGV[1])
      redis.call('HDEL', KEYS[2], ARGV[1])
      redis.call('ZADD', KEYS[3], 'NX', ARGV[3], ARGV[1])
      return 1
      """, Long.class);

  /** The erasure is done (or moot): let go of it only if it is still the one that was due. */
  private static final RedisScript<Long> DONE = RedisScript.of("""
      local due = redis.call('ZSCORE', KEYS[1], ARGV[1])
      if due and tonumber(due) == tonumber(ARGV[2]) then
        return redis.call('ZREM', KEYS[1], ARGV[1])
      end
      return 0
      """, Long.class);
  static final Duration KEEP = Duration.ofMinutes(1);
  private static final String PURPOSE = "slack-installations/v1";

  private final StringRedisTemplate redis;
  private final SecretBox box;
  private final Clock clock;
  private final Duration grace;
  private final Gson json = GsonFactory.createSnakeCase();
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  private record Kept(DefaultBot bot, Instant until) {}

  /** @param grace how long a removed workspace's data is kept ({@code CHORUS_UNINSTALL_GRACE}) */
  public RedisSlackInstallations(StringRedisTemplate redis, dev.chorus.app.redis.ResolvedSecret secret, Clock clock,
      Duration grace) {
    this.redis = redis;
    this.box = new SecretBox(secret, PURPOSE);
    this.clock = clock;
    this.grace = grace;
  }

  @Override
  public boolean isHistoricalDataEnabled() {
    return false;
  }

  @Override
  public void setHistoricalDataEnabled(boolean enabled) {
    if (enabled) {
      throw new UnsupportedOperationException("Chorus keeps each workspace's current installation only");
    }
  }

  @Override
  public void saveInstallerAndBot(Installer installer) {
    saveBot(installer.toBot());
  }

  /** An install (or a reinstall, which keeps the data a removal would have erased). */
  @Override
  public void saveBot(Bot bot) {
    var team = bot.getTeamId();
    if (team == null || Boolean.TRUE.equals(bot.getIsEnterpriseInstall())) {
      throw new IllegalStateException("Chorus installs into one workspace at a time, not into a whole organization");
    }
    var text = json.toJson(bot);
    var copy = json.fromJson(text, DefaultBot.class);
    var sealed = box.seal(text, INSTALLATIONS + "/" + team);
    var now = clock.instant();
    // Installed again within the grace period: nothing is erased.
    call(() -> redis.execute(SAVE, List.of(INSTALLATIONS, INSTALLED_AT, REMOVALS), team, sealed,
        String.valueOf(now.toEpochMilli())));
    kept.put(team, new Kept(copy, now.plus(KEEP)));
  }

  /** Bolt deletes a bot whose token Slack no longer takes (an inactive workspace): a removal like any other. */
  @Override
  public void deleteBot(Bot bot) {
    if (bot.getTeamId() != null) {
      removed(bot.getTeamId(), clock.instant());
    }
  }

  @Override
  public void deleteInstaller(Installer installer) {
    if (installer.getTeamId() != null) {
      removed(installer.getTeamId(), clock.instant());
    }
  }

  @Override
  public @Nullable Bot findBot(@Nullable String enterpriseId, @Nullable String teamId) {
    return teamId == null ? null : bot(teamId);
  }

  /** Chorus keeps no installer's own token (it asks for no user scopes): there is never one to find. */
  @Override
  public @Nullable Installer findInstaller(@Nullable String enterpriseId, @Nullable String teamId, @Nullable String userId) {
    return null;
  }

  @Override
  public @Nullable String botToken(String team) {
    var bot = bot(team);
    return bot == null ? null : bot.getBotAccessToken();
  }

  @Override
  public void removed(String team, Instant toldAt) {
    var due = clock.instant().plus(grace).toEpochMilli();
    // Slack's event times are whole seconds: a removal told within the second of an install still counts.
    call(() -> redis.execute(REMOVE, List.of(INSTALLATIONS, INSTALLED_AT, REMOVALS), team,
        String.valueOf(toldAt.toEpochMilli() + 999), String.valueOf(due)));
    kept.remove(team);
  }

  /** Whether the workspace has Chorus installed now, as this replica last read it (at most {@link #KEEP} ago). */
  public boolean installed(String team) {
    return bot(team) != null;
  }

  /** Whether the workspace has Chorus installed now, read from Redis itself. */
  public boolean installedNow(String team) {
    return Boolean.TRUE.equals(call(() -> redis.opsForHash().hasKey(INSTALLATIONS, team)));
  }

  /** A removed workspace whose grace period ended, and the date it was due (to let go of that one only). */
  public record DueErasure(String team, double due) {}

  /** The removed workspaces whose grace period has ended, not installed again since. */
  public List<DueErasure> dueForErasure() {
    var due = call(() -> redis.opsForZSet().rangeByScoreWithScores(REMOVALS, Double.NEGATIVE_INFINITY,
        clock.instant().toEpochMilli()));
    return due == null ? List.of() : due.stream().filter(t -> t.getValue() != null && t.getScore() != null)
        .map(t -> new DueErasure(t.getValue(), t.getScore())).toList();
  }

  /** When the workspace's data is to be erased; null when it is installed, or was never removed. */
  public @Nullable Instant erasedAfter(String team) {
    Double score = call(() -> redis.opsForZSet().score(REMOVALS, team));
    return score == null ? null : Instant.ofEpochMilli(score.longValue());
  }

  /** The workspace's data is erased (or it was installed again): that erasure no longer waits. */
  public void erasureDone(DueErasure erasure) {
    call(() -> redis.execute(DONE, List.of(REMOVALS), erasure.team(), String.valueOf((long) erasure.due())));
  }

  private @Nullable DefaultBot bot(String team) {
    var now = clock.instant();
    var known = kept.get(team);
    if (known != null && now.isBefore(known.until())) {
      return known.bot();
    }
    Object sealed = call(() -> redis.opsForHash().get(INSTALLATIONS, team));
    if (sealed == null) {
      // Not kept: a workspace installing on another replica is served here at once.
      return null;
    }
    var bot = json.fromJson(box.open((String) sealed, INSTALLATIONS + "/" + team), DefaultBot.class);
    kept.put(team, new Kept(bot, now.plus(KEEP)));
    return bot;
  }

  @Override
  public String toString() {
    return "RedisSlackInstallations[grace=" + grace + "]";
  }
}
