package dev.chorus.app.store;

import dev.chorus.core.community.CommunityId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Erases everything Redis keeps for one community: every key under its hash tag (questions, views,
 * votes, drafts, message links, seen reactions, digests, members' choices, schedule jobs), its shared
 * report links, and its places in the indexes of communities and in the agenda; then asks for Redis's
 * files to be rewritten so the words leave the disk too ({@link OldCopies}). Erasing again, or a
 * community with nothing stored, does nothing more.
 *
 * <p>Only the community's question counter stays (a number, no one's words): were numbering to start
 * again at Q1, the old messages still in the platform's channels, whose buttons and reactions name
 * their question's number, would act on the new questions of a community that comes back.
 */
public final class RedisCommunityErasure {
  /** Keys deleted per call: large enough to be quick, small enough not to hold Redis up. */
  private static final int BATCH = 500;

  private final StringRedisTemplate redis;

  public RedisCommunityErasure(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Erases the community's data; how many keys were deleted. */
  public long erase(CommunityId community) {
    long deleted = 0;
    // The shared links are found through the community's own hash, so they go first.
    var shares = RedisQuestions.call(() -> redis.<String, String>opsForHash().values(RedisKeys.shares(community)));
    for (var tokenHash : shares == null ? List.<String>of() : shares) {
      deleted += orZero(RedisQuestions.call(() -> redis.delete(List.of(RedisKeys.sharedLink(tokenHash)))));
    }
    var counter = RedisKeys.lastNumber(community);
    var keys = RedisQuestions.call(() -> keysStartingWith(RedisKeys.prefix(community))).stream()
        .filter(key -> !key.equals(counter)).toList();
    for (int from = 0; from < keys.size(); from += BATCH) {
      // One community's keys share a hash tag, so each batch is one slot even on a cluster.
      var batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
      deleted += orZero(RedisQuestions.call(() -> redis.delete(batch)));
    }
    RedisQuestions.call(() -> redis.opsForSet().remove(RedisKeys.COMMUNITIES, community.value()));
    RedisQuestions.call(() -> redis.opsForZSet().remove(RedisAgenda.DUE, community.value()));
    RedisQuestions.call(() -> redis.opsForHash().delete(RedisAgenda.CHANGES, community.value()));
    if (deleted > 0) {
      RedisQuestions.call(() -> redis.opsForValue().increment(RedisKeys.ERASE_REQUESTS));
    }
    return deleted;
  }

  /** Every key that starts with the prefix, on every master of a cluster. */
  private List<String> keysStartingWith(String prefix) {
    var pattern = glob(prefix) + "*";
    var found = redis.execute((RedisCallback<List<String>>) connection -> {
      var keys = new ArrayList<String>();
      var options = ScanOptions.scanOptions().match(pattern).count(1000).build();
      if (connection instanceof RedisClusterConnection cluster) {
        for (var node : cluster.clusterGetNodes()) {
          if (node.isMaster()) {
            collect(cluster.scan(node, options), keys);
          }
        }
      } else {
        collect(((RedisConnection) connection).keyCommands().scan(options), keys);
      }
      return keys;
    });
    return found == null ? List.of() : found;
  }

  private static void collect(Cursor<byte[]> cursor, List<String> into) {
    try (cursor) {
      cursor.forEachRemaining(key -> into.add(new String(key, java.nio.charset.StandardCharsets.UTF_8)));
    }
  }

  /** The prefix as a SCAN pattern that matches only itself: glob's special characters escaped. */
  static String glob(String literal) {
    var out = new StringBuilder(literal.length() + 8);
    for (char c : literal.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static long orZero(@org.jspecify.annotations.Nullable Long value) {
    return value == null ? 0 : value;
  }
}
