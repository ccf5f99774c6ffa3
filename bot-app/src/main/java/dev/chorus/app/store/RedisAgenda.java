package dev.chorus.app.store;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.digest.Agenda;
import dev.chorus.core.question.StoreUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The agenda in Redis: a sorted set of communities scored by their next look (epoch milliseconds; 0
 * for "at the next pass"), and a hash counting each community's changes. Both carry the one hash tag
 * {@code {agenda}}, so the scripts that use both work on Redis Cluster; no community's own key is
 * ever in the same script (they live in other slots). A change that could not be told is kept in
 * memory and told again before the next pass reads the agenda; one lost with its replica is found
 * by the start-up repair ({@link #lookAtAll}).
 */
public final class RedisAgenda implements Agenda {
  static final String DUE = "chorus:{agenda}:due";
  static final String CHANGES = "chorus:{agenda}:changes";

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final RedisScript<List> DUE_BY = (RedisScript) RedisScript.of("""
      local out = {}
      for _, community in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])) do
        table.insert(out, community)
        table.insert(out, redis.call('HGET', KEYS[2], community) or '0')
      end
      return out
      """, List.class);

  private static final RedisScript<Long> LOOKED = RedisScript.of("""
      -- Only if nothing changed since the pass read the agenda; a change left it due.
      if (redis.call('HGET', KEYS[2], ARGV[1]) or '0') ~= ARGV[2] then
        return 0
      end
      if ARGV[3] == '' then
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('HDEL', KEYS[2], ARGV[1])
      else
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
      end
      return 1
      """, Long.class);

  private static final RedisScript<Long> LOOK_SOON = RedisScript.of("""
      for _, community in ipairs(ARGV) do
        redis.call('ZADD', KEYS[1], 0, community)
        redis.call('HINCRBY', KEYS[2], community, 1)
      end
      return #ARGV
      """, Long.class);

  private final StringRedisTemplate redis;
  /** Changes that could not be told: told again before the next pass reads the agenda. */
  private final Set<String> untold = ConcurrentHashMap.newKeySet();

  public RedisAgenda(StringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Due> dueBy(Instant now) {
    tellUntold();
    List<Object> read = RedisQuestions.call(() -> redis.execute(DUE_BY, List.of(DUE, CHANGES),
        String.valueOf(now.toEpochMilli())));
    var due = new ArrayList<Due>();
    if (read != null) {
      for (int i = 0; i + 1 < read.size(); i += 2) {
        due.add(new Due(new CommunityId((String) read.get(i)), Long.parseLong((String) read.get(i + 1))));
      }
    }
    return due;
  }

  @Override
  public void looked(Due due, @Nullable Instant next) {
    RedisQuestions.call(() -> redis.execute(LOOKED, List.of(DUE, CHANGES), due.community().value(),
        String.valueOf(due.mark()), next == null ? "" : String.valueOf(Math.max(1, next.toEpochMilli()))));
  }

  /**
   * Never throws: the change it tells is already stored, and a member must not be told it failed.
   * When Redis does not answer, it is told again before this replica's next pass.
   */
  @Override
  public void lookSoon(CommunityId community) {
    try {
      RedisQuestions.call(() -> redis.execute(LOOK_SOON, List.of(DUE, CHANGES), community.value()));
    } catch (StoreUnavailableException e) {
      untold.add(community.value());
    }
  }

  @Override
  public void lookAtAll(Collection<CommunityId> communities) {
    var all = communities.stream().map(CommunityId::value).toList();
    // A thousand a call: one script holds Redis for as long as it runs.
    for (int from = 0; from < all.size(); from += 1000) {
      var slice = all.subList(from, Math.min(all.size(), from + 1000));
      RedisQuestions.call(() -> redis.execute(LOOK_SOON, List.of(DUE, CHANGES), slice.toArray()));
    }
  }

  private void tellUntold() {
    if (untold.isEmpty()) {
      return;
    }
    var told = List.copyOf(untold);
    RedisQuestions.call(() -> redis.execute(LOOK_SOON, List.of(DUE, CHANGES), told.toArray()));
    told.forEach(untold::remove);
  }
}
