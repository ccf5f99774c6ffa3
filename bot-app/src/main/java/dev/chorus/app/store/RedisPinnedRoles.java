package dev.chorus.app.store;

import static dev.chorus.app.store.RedisQuestions.call;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.PinnedRoles;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Role names pinned to their roles in Redis: one hash per community ({@code …:roles}), a field per
 * name, set only while absent, never expiring.
 */
public final class RedisPinnedRoles implements PinnedRoles {
  /** Sets the pin unless one is there, and answers the one that is there now: one round trip, no race. */
  private static final RedisScript<String> PIN = RedisScript.of("""
      redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
      return redis.call('HGET', KEYS[1], ARGV[1])
      """, String.class);

  private final StringRedisTemplate redis;

  public RedisPinnedRoles(StringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  public Optional<String> pinned(CommunityId community, String roleName) {
    return Optional.ofNullable(call(() -> redis.<String, String>opsForHash().get(RedisKeys.pinnedRoles(community),
        roleName)));
  }

  @Override
  public String pin(CommunityId community, String roleName, String roleId) {
    return call(() -> redis.execute(PIN, List.of(RedisKeys.pinnedRoles(community)), roleName, roleId));
  }
}
