package dev.chorus.app.redis;

import dev.chorus.app.store.RedisSecretFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The server secret for anonymous pseudonyms: from the environment;
 * with the embedded Redis, generated once and kept beside its data (owner-only file), so pseudonyms
 * survive restarts; with another Redis it must be given, or anonymous members would change identity
 * on every replica.
 *
 * <p>A secret other than the one the stored data was written with would silently count anonymous
 * members again under new pseudonyms, so Redis keeps a fingerprint of the secret and Chorus refuses to
 * start with another.
 */
public final class ServerSecret {
  static final String FILE = "chorus-secret";
  /** Has no NUL byte, so it is never the input of a pseudonym, which always holds one. */
  private static final byte[] FINGERPRINT_LABEL = "chorus/server-secret-fingerprint/v1".getBytes(StandardCharsets.US_ASCII);

  private ServerSecret() {}

  public static byte[] resolve(@Nullable String configured, boolean embedded, Path dataDir) {
    if (configured != null && !configured.isBlank()) {
      var bytes = configured.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 16) {
        throw new IllegalStateException("CHORUS_SECRET must be at least 16 characters long");
      }
      return bytes;
    }
    if (!embedded) {
      throw new IllegalStateException(
          "CHORUS_SECRET is required when REDIS_URL is set: every replica must compute the same pseudonyms");
    }
    var file = dataDir.resolve(FILE);
    try {
      OwnerOnly.folder(dataDir);
      if (!Files.isRegularFile(file)) {
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
          OwnerOnly.writeNew(file, HexFormat.of().formatHex(secret));
          return secret;
        } catch (FileAlreadyExistsException e) {
          // Another start wrote one first: use it.
        }
      }
      OwnerOnly.narrowFile(file);
      return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the server secret in " + dataDir.toAbsolutePath()
          + "; set CHORUS_SECRET instead", e);
    } catch (IllegalArgumentException e) {
      // Not chained: the parser's message quotes the file's content.
      throw new IllegalStateException("the server secret file " + file.toAbsolutePath()
          + " is not hexadecimal; restore it, or set CHORUS_SECRET instead");
    }
  }

  /**
   * An HMAC-SHA256 of a fixed label under the secret, in hexadecimal: the same secret always gives the
   * same fingerprint, and the fingerprint is no value Chorus derives from the secret for anything else.
   */
  public static String fingerprint(byte[] secret) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(FINGERPRINT_LABEL));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /**
   * Records the secret's fingerprint in a Redis that has none, and refuses a secret whose fingerprint
   * is not the recorded one.
   *
   * @param configured whether the secret came from {@code CHORUS_SECRET} (else from the file in the data folder)
   * @throws MismatchException naming {@code CHORUS_SECRET}, in one line
   */
  public static void requireTheRecordedOne(byte[] secret, boolean configured, Path dataDir, StringRedisTemplate redis) {
    if (RedisSecretFingerprint.recordOrMatch(redis, fingerprint(secret))) {
      return;
    }
    var which = configured ? "CHORUS_SECRET is not the secret"
        : "the server secret in " + dataDir.resolve(FILE).toAbsolutePath() + " (used as CHORUS_SECRET is unset) is not the secret";
    var restore = configured ? "Set CHORUS_SECRET back to the earlier secret"
        : "Restore the earlier file, or set CHORUS_SECRET to the earlier secret";
    throw new MismatchException("Chorus cannot start: " + which + " this Redis's data was written with, so anonymous "
        + "members would be counted again under new pseudonyms. " + restore + " (to start over on purpose, delete "
        + "the Redis key " + RedisSecretFingerprint.KEY + ").");
  }

  /** The secret is not the one the stored data was written with. */
  public static final class MismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MismatchException(String message) {
      super(message);
    }
  }
}
