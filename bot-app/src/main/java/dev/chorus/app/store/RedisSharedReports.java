package dev.chorus.app.store;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.report.SharedReports;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Shared report links in Redis. Each community keeps its questions' current token hashes
 * ({@code …:shares}); a global key per hash ({@code chorus:shared:<hash>}) leads back to the
 * question. The community's entry decides: a link works only while it is the question's current
 * one, so a stale global key left by a crash between two writes never reopens an ended link.
 */
public final class RedisSharedReports implements SharedReports {
  private final StringRedisTemplate redis;

  public RedisSharedReports(StringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  public void share(CommunityId community, QuestionId question, String tokenHash) {
    var field = String.valueOf(question.number());
    var old = RedisQuestions.call(() -> redis.<String, String>opsForHash().get(RedisKeys.shares(community), field));
    // The way back first, then the switch: the new link works from the moment the member is told.
    RedisQuestions.call(() -> {
      redis.opsForValue().set(RedisKeys.sharedLink(tokenHash), community.value() + "\n" + question.number());
      return null;
    });
    RedisQuestions.call(() -> {
      redis.opsForHash().put(RedisKeys.shares(community), field, tokenHash);
      return null;
    });
    if (old != null && !old.equals(tokenHash)) {
      RedisQuestions.call(() -> redis.delete(RedisKeys.sharedLink(old)));
    }
  }

  @Override
  public boolean unshare(CommunityId community, QuestionId question) {
    var field = String.valueOf(question.number());
    var old = RedisQuestions.call(() -> redis.<String, String>opsForHash().get(RedisKeys.shares(community), field));
    if (old == null) {
      return false;
    }
    // The community's entry first: once it is gone the link is dead, whatever happens next.
    RedisQuestions.call(() -> redis.opsForHash().delete(RedisKeys.shares(community), field));
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
