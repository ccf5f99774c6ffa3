package dev.chorus.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.question.QuestionId;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.MutableClock;
import dev.chorus.testkit.RecordingChat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Erasing a community's data takes every key of it, and nothing of any other community, even one
 * whose id a careless pattern would match.
 */
class RedisCommunityErasureIT {
  @TempDir
  Path data;

  /** An id with a pattern's special characters: erasing it must not erase {@link #LOOKALIKE}. */
  static final CommunityId GLOBBY = new CommunityId("erase:T*");
  static final CommunityId LOOKALIKE = new CommunityId("erase:T1");
  static final CommunityId OTHER = new CommunityId("erase:[T]2");

  @Test
  void erasingACommunityTakesEveryKeyOfItsAndNothingElse() {
    try (var redis = new RedisFixture(data.resolve("redis"))) {
      eraseOneOfThree(redis.redis);
    }
  }

  /** Three communities with questions, views, votes, a draft, digests and a shared link; the first erased. */
  static void eraseOneOfThree(StringRedisTemplate redis) {
    var clock = MutableClock.at("2026-12-01T09:00:00Z");
    var stores = RedisConfiguration.stores(redis, clock);
    var chorus = new Chorus(stores, new RecordingChat(), new Pseudonyms(Conversation.TEST_SECRET), clock, Settings.DEFAULTS,
        new Random(1));
    var events = new AtomicLong();
    for (var community : List.of(GLOBBY, LOOKALIKE, OTHER)) {
      for (var line : List.of("/respond open Shall we answer the consultation? --deadline 2d",
          "/respond We should, with an opt-out", "/respond digest daily 09:00 UTC", "/respond draft We answer yes.")) {
        chorus.handle(new Inbound.CommandInvoked(community, new ChannelId("general"), Actor.member("ana", "ana"),
            new EventId("e" + events.incrementAndGet()), line));
      }
      chorus.handle(new Inbound.CommandInvoked(community, new ChannelId("general"), Actor.member("ben", "ben"),
          new EventId("e" + events.incrementAndGet()), "/respond vote V1 agree"));
      stores.sharedReports().share(community, new QuestionId(1), "hash-" + community.value());
    }
    var kept = new TreeMap<String, String>();
    kept.putAll(dump(redis, LOOKALIKE));
    kept.putAll(dump(redis, OTHER));
    assertThat(dump(redis, GLOBBY)).hasSizeGreaterThan(5);
    assertThat(kept).hasSizeGreaterThan(10);

    long deleted = new RedisCommunityErasure(redis).erase(GLOBBY);

    assertThat(deleted).isGreaterThan(5);
    // Only the question counter stays, so numbers are never given twice.
    assertThat(dump(redis, GLOBBY)).containsOnlyKeys(RedisKeys.lastNumber(GLOBBY));
    assertThat(stores.questions().lastNumber(GLOBBY)).isEqualTo(1);
    assertThat(stores.questions().find(GLOBBY, new QuestionId(1))).isEmpty();
    assertThat(stores.sharedReports().find("hash-" + GLOBBY.value())).isEmpty();
    assertThat(redis.opsForSet().isMember(RedisKeys.COMMUNITIES, GLOBBY.value())).isFalse();
    assertThat(redis.opsForZSet().score(RedisAgenda.DUE, GLOBBY.value())).isNull();
    assertThat(redis.opsForValue().get(RedisKeys.ERASE_REQUESTS)).as("a rewrite of Redis's files is asked for").isNotNull();
    var after = new TreeMap<String, String>();
    after.putAll(dump(redis, LOOKALIKE));
    after.putAll(dump(redis, OTHER));
    assertThat(after).isEqualTo(kept);
    assertThat(stores.sharedReports().find("hash-" + LOOKALIKE.value())).isPresent();
    assertThat(redis.opsForSet().isMember(RedisKeys.COMMUNITIES, LOOKALIKE.value())).isTrue();

    assertThat(new RedisCommunityErasure(redis).erase(GLOBBY)).as("erasing again").isZero();
  }

  /** Every key under the community's prefix, with its value as text. */
  static Map<String, String> dump(StringRedisTemplate redis, CommunityId community) {
    var out = new TreeMap<String, String>();
    var prefix = RedisKeys.prefix(community);
    var keys = redis.keys(RedisCommunityErasure.glob(prefix) + "*");
    for (var key : keys == null ? java.util.Set.<String>of() : keys) {
      var type = redis.type(key);
      Object value = type == DataType.STRING ? redis.opsForValue().get(key)
          : type == DataType.HASH ? new TreeMap<>(redis.opsForHash().entries(key))
          : type == DataType.SET ? new java.util.TreeSet<>(redis.opsForSet().members(key))
          : type == DataType.LIST ? redis.opsForList().range(key, 0, -1)
          : type == DataType.ZSET ? redis.opsForZSet().rangeWithScores(key, 0, -1).stream()
              .map(t -> t.getValue() + "=" + t.getScore()).toList()
          : type;
      out.put(key, String.valueOf(value));
    }
    return out;
  }
}
