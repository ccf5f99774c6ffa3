package dev.chorus.app.slack;

import com.google.gson.Gson;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.util.json.GsonFactory;
import dev.chorus.app.redis.SecretBox;
import dev.chorus.core.question.StoreUnavailableException;
import dev.chorus.slack.SlackInstallations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

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
  /** Hash: workspace id → its bot, sealed. */
  static final String INSTALLATIONS = "chorus:slack-installations";
  /** Sorted set: workspace id → when its data is erased (epoch ms), while it has not installed Chorus again. */
  static final String REMOVALS = "chorus:slack-removals";
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
    var copy = json.fromJson(json.toJson(bot), DefaultBot.class);
    var sealed = box.seal(json.toJson(copy), INSTALLATIONS + "/" + team);
    call(() -> {
      redis.opsForHash().put(INSTALLATIONS, team, sealed);
      return null;
    });
    // Installed again within the grace period: nothing is erased.
    call(() -> redis.opsForZSet().remove(REMOVALS, team));
    kept.put(team, new Kept(copy, clock.instant().plus(KEEP)));
  }

  @Override
  public void deleteBot(Bot bot) {
    forget(bot.getTeamId());
  }

  @Override
  public void deleteInstaller(Installer installer) {
    forget(installer.getTeamId());
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
  public void removed(String team) {
    forget(team);
    var due = clock.instant().plus(grace).toEpochMilli();
    // Only the first removal sets the date: Slack may send app_uninstalled and tokens_revoked both, and again.
    call(() -> redis.opsForZSet().addIfAbsent(REMOVALS, team, due));
  }

  /** Whether the workspace has Chorus installed now. */
  public boolean installed(String team) {
    return bot(team) != null;
  }

  /** The removed workspaces whose grace period has ended, not installed again since. */
  public List<String> dueForErasure() {
    Set<String> due = call(() -> redis.opsForZSet().rangeByScore(REMOVALS, Double.NEGATIVE_INFINITY,
        clock.instant().toEpochMilli()));
    return due == null ? List.of() : List.copyOf(due);
  }

  /** When the workspace's data is to be erased; null when it is installed, or was never removed. */
  public @Nullable Instant erasedAfter(String team) {
    Double score = call(() -> redis.opsForZSet().score(REMOVALS, team));
    return score == null ? null : Instant.ofEpochMilli(score.longValue());
  }

  /** The workspace's data is erased (or it was installed again): it no longer waits. */
  public void erasureDone(String team) {
    call(() -> redis.opsForZSet().remove(REMOVALS, team));
  }

  private void forget(@Nullable String team) {
    if (team == null) {
      return;
    }
    call(() -> redis.opsForHash().delete(INSTALLATIONS, team));
    kept.remove(team);
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

  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (DataAccessException e) {
      throw new StoreUnavailableException("the Slack installations could not be reached", e);
    }
  }

  @Override
  public String toString() {
    return "RedisSlackInstallations[grace=" + grace + "]";
  }
}
