package dev.chorus.app.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The fingerprint of the server secret the stored pseudonyms were made with, in one key that is set
 * once and never expires: the first Chorus to start on an empty Redis records its own, every later one
 * compares.
 */
public final class RedisSecretFingerprint {
  /** The key, for messages telling an operator how to start over. */
  public static final String KEY = RedisKeys.SECRET_FINGERPRINT;
  private static final int ATTEMPTS = 3;

  private RedisSecretFingerprint() {}

  /**
   * Records the fingerprint when none is recorded, else tells whether it is the recorded one. SET NX:
   * of replicas starting together on an empty Redis, one records and the others compare with it.
   */
  public static boolean recordOrMatch(StringRedisTemplate redis, String fingerprint) {
    var values = redis.opsForValue();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (Boolean.TRUE.equals(values.setIfAbsent(RedisKeys.SECRET_FINGERPRINT, fingerprint))) {
        return true;
      }
      var recorded = values.get(RedisKeys.SECRET_FINGERPRINT);
      if (recorded != null) {
        return MessageDigest.isEqual(recorded.getBytes(StandardCharsets.US_ASCII), fingerprint.getBytes(StandardCharsets.US_ASCII));
      }
      // Deleted between the two commands: record again.
    }
    throw new IllegalStateException("the key " + RedisKeys.SECRET_FINGERPRINT + " keeps disappearing; cannot check CHORUS_SECRET");
  }
}
