package dev.chorus.app.store;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.report.SharedReports;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Shared report links in Redis. Each community keeps its questions' current token hashes
 * ({@code …:shares}); a global key per hash ({@code chorus:shared:<hash>}) leads back to the
 * question. The community's entry decides: a link works only while it is the question's current
 * one, so a stale global key left by a crash between two writes never reopens an ended link. The
 * entry is read and changed in one script, so a share and an unshare racing each other end with
 * one of them whole.
 */
public final class RedisSharedReports implements SharedReports {
  /** Sets the question's current hash and answers the one it replaces ("" for none), in one step. */
  private static final RedisScript<String> SWAP = RedisScript.of("""
      local old = redis.call('HGET', KEYS[1], ARGV[1])
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
      return old or ''
      """, String.class);

  /** Removes the question's current hash and answers it ("" for none), in one step. */
  private static final RedisScript<String> TAKE = RedisScript.of("""
      local old = redis.call('HGET', KEYS[1], ARGV[1])
      if old then
        redis.call('HDEL', KEYS[1], ARGV[1])
      end
      return old or ''
      """, String.class);

  private final StringRedisTemplate redis;

  public RedisSharedReports(StringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  public void share(CommunityId community, QuestionId question, String tokenHash) {
    // The way back first, then the switch: the new link works from the moment the member is told.
    RedisQuestions.call(() -> {
      redis.opsForValue().set(RedisKeys.sharedLink(tokenHash), community.value() + "\n" + question.number());
      return null;
    });
    var old = RedisQuestions.call(() -> redis.execute(SWAP, List.of(RedisKeys.shares(community)),
        String.valueOf(question.number()), tokenHash));
    if (old != null && !old.isEmpty() && !old.equals(tokenHash)) {
      RedisQuestions.call(() -> redis.delete(RedisKeys.sharedLink(old)));
    }
  }

  @Override
  public boolean unshare(CommunityId community, QuestionId question) {
    // The community's entry goes first, in one step with reading it: once it is gone the link is dead.
    var old = RedisQuestions.call(() -> redis.execute(TAKE, List.of(RedisKeys.shares(community)),
        String.valueOf(question.number())));
    if (old == null || old.isEmpty()) {
      return false;
    }
    RedisQuestions.call(() -> redis.delete(RedisKeys.sharedLink(old)));
    return true;
  }

  @Override
  public Optional<SharedQuestion> find(String tokenHash) {
    var stored = RedisQuestions.call(() -> redis.opsForValue().get(RedisKeys.sharedLink(tokenHash)));
    if (stored == null) {
      return Optional.empty();
    }
    int newline = stored.lastIndexOf('\n');
    if (newline < 0) {
      return Optional.empty();
    }
    var community = new CommunityId(stored.substring(0, newline));
    int number;
    try {
      number = Integer.parseInt(stored.substring(newline + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    var current = RedisQuestions.call(() -> redis.<String, String>opsForHash()
        .get(RedisKeys.shares(community), String.valueOf(number)));
    return tokenHash.equals(current) ? Optional.of(new SharedQuestion(community, new QuestionId(number)))
        : Optional.empty();
  }
}
