package dev.chorus.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.ServerSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisSecretFingerprintTest {
  @TempDir
  Path data;

  private static byte[] secret(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theFingerprintTellsSecretsApartAndShowsNoneOfThem() {
    var first = ServerSecret.fingerprint(secret("the-first-secret-0123456789"));
    assertThat(ServerSecret.fingerprint(secret("the-first-secret-0123456789"))).isEqualTo(first);
    assertThat(ServerSecret.fingerprint(secret("another-secret-0123456789"))).isNotEqualTo(first);
    assertThat(first).hasSize(64).doesNotContain("secret").doesNotContain(
        java.util.HexFormat.of().formatHex(secret("the-first-secret-0123456789")));
  }

  @Test
  void theFirstStartRecordsItsSecretInTheChorusNamespaceAndLaterOnesCompare() {
    try (var redis = new RedisFixture(data)) {
      assertThat(RedisSecretFingerprint.recordOrMatch(redis.redis, "aaaa")).isTrue();
      assertThat(redis.redis.opsForValue().get("chorus:secret-fingerprint")).isEqualTo("aaaa");
      assertThat(RedisSecretFingerprint.recordOrMatch(redis.redis, "aaaa")).isTrue();
      assertThat(RedisSecretFingerprint.recordOrMatch(redis.redis, "bbbb")).isFalse();
      assertThat(redis.redis.opsForValue().get("chorus:secret-fingerprint")).as("the first stays").isEqualTo("aaaa");
    }
  }

  @Test
  void replicasStartingTogetherOnAnEmptyRedisAgreeOnOneSecret() throws Exception {
    try (var redis = new RedisFixture(data)) {
      int replicas = 8;
      var go = new CountDownLatch(1);
      var pool = Executors.newFixedThreadPool(replicas);
      try {
        var answers = new ArrayList<Future<Boolean>>();
        for (int i = 0; i < replicas; i++) {
          var fingerprint = i % 2 == 0 ? "even" : "odd";
          answers.add(pool.submit((Callable<Boolean>) () -> {
            go.await();
            return RedisSecretFingerprint.recordOrMatch(redis.redis, fingerprint);
          }));
        }
        go.countDown();
        var recorded = redis.redis.opsForValue();
        int accepted = 0;
        for (var answer : answers) {
          accepted += answer.get() ? 1 : 0;
        }
        assertThat(accepted).as("the replicas with the recorded secret, and only they, start").isEqualTo(replicas / 2);
        assertThat(recorded.get("chorus:secret-fingerprint")).isIn("even", "odd");
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
