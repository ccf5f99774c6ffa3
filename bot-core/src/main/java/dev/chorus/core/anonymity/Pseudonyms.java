package dev.chorus.core.anonymity;

import dev.chorus.core.community.MemberId;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys members of a question: their member id in named questions, in anonymous ones an HMAC-SHA256
 * of the member id under the server secret and the question's salt. The secret never leaves this
 * object, not even through {@link #toString()}.
 */
public final class Pseudonyms {
  private static final String ALGORITHM = "HmacSHA256";
  private final byte[] secret;

  public Pseudonyms(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the server secret must have at least 16 bytes");
    }
    this.secret = Arrays.copyOf(secret, secret.length);
  }

  public MemberKey keyOf(Question question, MemberId member) {
    return question.anonymous() ? pseudonym(question.pseudonymSalt(), member) : MemberKey.of(member);
  }

  /** The pseudonym of a member under a salt; the same inputs always give the same key. */
  public MemberKey pseudonym(String salt, MemberId member) {
    try {
      var mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      mac.update(salt.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      var digest = mac.doFinal(member.value().getBytes(StandardCharsets.UTF_8));
      return new MemberKey("anon:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "Pseudonyms[secret hidden]";
  }
}
