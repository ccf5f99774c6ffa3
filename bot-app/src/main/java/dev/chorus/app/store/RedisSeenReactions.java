package dev.chorus.app.store;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.question.SeenReactions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The vote reactions last seen on a message, as one set per message ({@code …:seen:<message>}) of
 * {@code member choice} pairs. A set lives {@link #KEEP} after its last change: longer than any
 * question stays open without a reaction.
 */
public final class RedisSeenReactions implements SeenReactions {
  static final Duration KEEP = Duration.ofDays(400);

  private static final RedisScript<Long> SAW = RedisScript.of("""
      local changed
      if ARGV[2] == '1' then
        changed = redis.call('SADD', KEYS[1], ARGV[1])
      else
        changed = redis.call('SREM', KEYS[1], ARGV[1])
      end
      redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
      return changed
      """, Long.class);

  private final StringRedisTemplate redis;

  public RedisSeenReactions(StringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  public Set<Seen> on(CommunityId community, String messageId) {
    var stored = RedisQuestions.call(() -> redis.opsForSet().members(RedisKeys.seen(community, messageId)));
    var seen = new HashSet<Seen>();
    if (stored != null) {
      for (var pair : stored) {
        int space = pair.lastIndexOf(' ');
        if (space > 0) {
          seen.add(new Seen(new MemberId(pair.substring(0, space)), pair.substring(space + 1)));
        }
      }
    }
    return seen;
  }

  @Override
  public void saw(CommunityId community, String messageId, Seen reaction, boolean present) {
    RedisQuestions.call(() -> redis.execute(SAW, List.of(RedisKeys.seen(community, messageId)),
        stored(reaction), present ? "1" : "0", String.valueOf(KEEP.toSeconds())));
  }

  /** A seen reaction as the set keeps it, here and in the vote script. */
  static String stored(Seen reaction) {
    return reaction.member().value() + " " + reaction.choice();
  }
}
