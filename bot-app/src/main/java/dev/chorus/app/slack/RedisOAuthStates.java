package dev.chorus.app.slack;

import static dev.chorus.app.store.RedisQuestions.call;

import com.slack.api.bolt.service.OAuthStateService;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The OAuth flow's {@code state} values in Redis, so an install begun through one replica can finish
 * through another: each kept for {@link #getExpirationInSeconds()} seconds and taken once. Bolt checks
 * the value against the installer's browser cookie as well.
 */
public final class RedisOAuthStates implements OAuthStateService {
  private static final String PREFIX = "chorus:slack-oauth-state:";

  private final StringRedisTemplate redis;

  public RedisOAuthStates(StringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  public void addNewStateToDatastore(String state) {
    call(() -> {
      redis.opsForValue().set(PREFIX + state, "issued", Duration.ofSeconds(getExpirationInSeconds()));
      return null;
    });
  }

  @Override
  public boolean isAvailableInDatabase(String state) {
    return Boolean.TRUE.equals(call(() -> redis.hasKey(PREFIX + state)));
  }

  @Override
  public void deleteStateFromDatastore(String state) {
    call(() -> redis.delete(PREFIX + state));
  }
}
