package dev.chorus.app.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals text for keeping at rest: AES-256-GCM under a key derived from the server secret for one
 * purpose, a fresh random nonce each time, and the name the text is kept under bound in as associated
 * data, so a sealed value moved to another name does not open. Sealed text is {@code v1:} and Base64
 * of nonce and ciphertext. What it seals never shows in an exception.
 */
public final class SecretBox {
  private static final String VERSION = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** @param purpose what the key is for; each purpose gets a key of its own */
  public SecretBox(ResolvedSecret secret, String purpose) {
    this.key = new SecretKeySpec(secret.derive(purpose), "AES");
  }

  /** The text sealed, bound to {@code keptUnder}. */
  public String seal(String text, String keptUnder) {
    var nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(keptUnder.getBytes(StandardCharsets.UTF_8));
      var sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
          .put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
    }
  }

  /**
   * The text, when it was sealed by this box under {@code keptUnder}; an exception naming neither
   * otherwise (another secret, another name, or altered).
   */
  public String open(String sealed, String keptUnder) {
    if (!sealed.startsWith(VERSION)) {
      throw new IllegalStateException("a sealed value of an unknown kind is stored under " + keptUnder);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the sealed value stored under " + keptUnder + " is damaged");
    }
    if (bytes.length <= NONCE_BYTES) {
      throw new IllegalStateException("the sealed value stored under " + keptUnder + " is damaged");
    }
    try {
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(keptUnder.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("the value stored under " + keptUnder
          + " does not open with this server secret: it was sealed under another CHORUS_SECRET, or altered");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "SecretBox[key=hidden]";
  }
}
