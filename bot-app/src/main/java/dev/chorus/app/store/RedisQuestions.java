package dev.chorus.app.store;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Questions in Redis: each question a hash ({@code rev}, {@code json}), indexes per channel and per
 * community, the highest number used, and processed event ids that expire after a day. A commit is
 * one Lua script: it refuses a redelivered event, checks every revision, then writes everything.
 */
public final class RedisQuestions implements Questions {
  static final Duration EVENT_MEMORY = Duration.ofDays(1);
  private static final EventId NO_EVENT = new EventId("none");

  private static final RedisScript<String> COMMIT = RedisScript.of("""
      -- KEYS: event, last number, all questions, then per question: its key and its channel's index
      -- ARGV: has event (0/1), event ttl seconds, write count, then per question: expected rev, number, json
      if ARGV[1] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
        return 'processed'
      end
      local writes = tonumber(ARGV[3])
      for i = 1, writes do
        local current = redis.call('HGET', KEYS[3 + 2 * i - 1], 'rev')
        current = current and tonumber(current) or 0
        if current ~= tonumber(ARGV[3 + 3 * i - 2]) then
          return 'conflict'
        end
      end
      local last = tonumber(redis.call('GET', KEYS[2]) or '0')
      for i = 1, writes do
        local number = tonumber(ARGV[3 + 3 * i - 1])
        redis.call('HSET', KEYS[3 + 2 * i - 1], 'rev', tonumber(ARGV[3 + 3 * i - 2]) + 1, 'json', ARGV[3 + 3 * i])
        redis.call('SADD', KEYS[3 + 2 * i], number)
        redis.call('SADD', KEYS[3], number)
        if number > last then
          last = number
        end
      end
      redis.call('SET', KEYS[2], last)
      if ARGV[1] == '1' then
        redis.call('SET', KEYS[1], '1', 'EX', tonumber(ARGV[2]))
      end
      return 'committed'
      """, String.class);

  // Every question of an index in one round trip: rev and json, pair after pair.
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final RedisScript<List> READ_INDEX = (RedisScript) RedisScript.of("""
      local prefix = ARGV[1]
      local out = {}
      for _, number in ipairs(redis.call('SMEMBERS', KEYS[1])) do
        local pair = redis.call('HMGET', prefix .. number, 'rev', 'json')
        if pair[1] then
          table.insert(out, pair[1])
          table.insert(out, pair[2])
        end
      end
      return out
      """, List.class);

  private final StringRedisTemplate redis;

  public RedisQuestions(StringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  public Optional<Question> find(CommunityId community, QuestionId id) {
    var pair = call(() -> redis.<String, String>opsForHash().multiGet(RedisKeys.question(community, id.number()),
        List.of("rev", "json")));
    if (pair == null || pair.get(0) == null || pair.get(1) == null) {
      return Optional.empty();
    }
    return Optional.of(QuestionCodec.read(pair.get(1), Long.parseLong(pair.get(0))));
  }

  @Override
  public List<Question> inChannel(CommunityId community, ChannelId channel) {
    return readIndex(community, RedisKeys.channel(community, channel));
  }

  @Override
  public List<Question> inCommunity(CommunityId community) {
    return readIndex(community, RedisKeys.all(community));
  }

  @SuppressWarnings("unchecked")
  private List<Question> readIndex(CommunityId community, String index) {
    List<Object> flat = call(() -> redis.execute(READ_INDEX, List.of(index), RedisKeys.prefix(community) + "q:"));
    var questions = new ArrayList<Question>();
    if (flat != null) {
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        questions.add(QuestionCodec.read((String) flat.get(i + 1), Long.parseLong((String) flat.get(i))));
      }
    }
    questions.sort(Comparator.comparing(Question::id));
    return questions;
  }

  @Override
  public int lastNumber(CommunityId community) {
    var last = call(() -> redis.opsForValue().get(RedisKeys.lastNumber(community)));
    return last == null ? 0 : Integer.parseInt(last);
  }

  @Override
  public CommitResult commit(CommunityId community, List<Question> writes, @Nullable EventId event) {
    var keys = new ArrayList<String>();
    // Without an event the script never reads its key, but Redis Cluster wants every key in the slot.
    keys.add(RedisKeys.event(community, event == null ? NO_EVENT : event));
    keys.add(RedisKeys.lastNumber(community));
    keys.add(RedisKeys.all(community));
    var args = new ArrayList<String>();
    args.add(event == null ? "0" : "1");
    args.add(String.valueOf(EVENT_MEMORY.toSeconds()));
    args.add(String.valueOf(writes.size()));
    for (var write : writes) {
      if (!write.community().equals(community)) {
        throw new IllegalArgumentException("a commit writes only its own community's questions");
      }
      keys.add(RedisKeys.question(community, write.id().number()));
      keys.add(RedisKeys.channel(community, write.channel()));
      args.add(String.valueOf(write.revision()));
      args.add(String.valueOf(write.id().number()));
      args.add(QuestionCodec.write(write));
    }
    var result = call(() -> redis.execute(COMMIT, keys, args.toArray()));
    if ("processed".equals(result)) {
      return new CommitResult.AlreadyProcessed();
    }
    if ("conflict".equals(result)) {
      return new CommitResult.Conflict();
    }
    if (!"committed".equals(result)) {
      throw new StoreUnavailableException("the commit script answered " + result);
    }
    return new CommitResult.Committed();
  }

  @Override
  public boolean processed(CommunityId community, EventId event) {
    return Boolean.TRUE.equals(call(() -> redis.hasKey(RedisKeys.event(community, event))));
  }

  /** Runs a Redis call; when Redis cannot be reached or answer in time, says so the way core understands. */
  static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (DataAccessException e) {
      throw new StoreUnavailableException("Redis did not answer: " + e.getClass().getSimpleName(), e);
    }
  }
}
