package dev.chorus.core.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The tokens of shared report links: 256 random bits, URL-safe, and the SHA-256 under which a
 * token is stored and looked up. The token itself is only ever in the link.
 */
public final class ShareTokens {
  /** Bytes of randomness in a token: 256 bits, twice the 128 a link needs at least. */
  static final int BYTES = 32;
  private static final int LENGTH = 43;

  private ShareTokens() {}

  /** @param random a cryptographically strong source in production (Chorus is given a SecureRandom) */
  public static String newToken(RandomGenerator random) {
    var bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text can be a token at all: anything else is answered as unknown without a lookup. */
  public static boolean wellFormed(String token) {
    return token.length() == LENGTH && token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
        || c == '-' || c == '_');
  }

  /** The token's SHA-256, in hexadecimal: what the store keeps. */
  public static String hash(String token) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
