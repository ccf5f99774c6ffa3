package dev.chorus.app.redis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server secret once resolved ({@link ServerSecret#resolve}) and checked against the stored
 * data's: what pseudonyms are made with, and what keys for other purposes are derived from. Never
 * shown by {@link #toString()}.
 */
public final class ResolvedSecret {
  private final byte[] bytes;

  public ResolvedSecret(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * A 256-bit key for one purpose: HMAC-SHA256 of {@code chorus/key/} and the purpose's label under
   * the secret. Each purpose gets its own key, and none reveals the secret or another purpose's key.
   * The prefix keeps every derived key apart from the stored fingerprint (whose label is not under
   * {@code chorus/key/}), and the labels hold no NUL byte, so no derived key is ever a pseudonym
   * (whose input always holds one).
   */
  public byte[] derive(String purpose) {
    if (purpose.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a purpose's label holds no NUL byte");
    }
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
      return mac.doFinal(("chorus/key/" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "ResolvedSecret[hidden]";
  }
}
