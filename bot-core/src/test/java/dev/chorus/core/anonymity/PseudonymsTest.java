package dev.chorus.core.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

  private static final String SECRET_TEXT = "s3rver-secret-for-tests-0123456789";
  private static final byte[] SECRET = SECRET_TEXT.getBytes(StandardCharsets.UTF_8);
  private static final MemberId ALICE = new MemberId("U0ALICE42");
  private static final MemberId BOB = new MemberId("U0BOB4711");

  private final Pseudonyms pseudonyms = new Pseudonyms(SECRET);

  private static Question question(boolean anonymous, String salt) {
    return new Question(new CommunityId("slack:T1"), new QuestionId(1), new ChannelId("C1"), 0, "Title", "", "",
        null, anonymous, new MemberKey("opener"), null, salt, Instant.parse("2026-03-01T10:00:00Z"),
        QuestionStatus.OPEN, List.of(), List.of(), List.of());
  }

  @Test
  void sameSaltAndMemberGiveTheSameKey() {
    // When computed twice, even by a second instance holding the same secret
    var first = pseudonyms.pseudonym("salt-q1", ALICE);
    var second = new Pseudonyms(SECRET.clone()).pseudonym("salt-q1", ALICE);

    // Then
    assertThat(first).isEqualTo(second);
  }

  @Test
  void differentSaltsGiveDifferentKeysForTheSameMember() {
    assertThat(pseudonyms.pseudonym("salt-q1", ALICE)).isNotEqualTo(pseudonyms.pseudonym("salt-q2", ALICE));
  }

  @Test
  void differentMembersGetDifferentKeysUnderTheSameSalt() {
    assertThat(pseudonyms.pseudonym("salt-q1", ALICE)).isNotEqualTo(pseudonyms.pseudonym("salt-q1", BOB));
  }

  @Test
  void differentSecretsGiveDifferentKeys() {
    var other = new Pseudonyms("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));

    assertThat(pseudonyms.pseudonym("salt-q1", ALICE)).isNotEqualTo(other.pseudonym("salt-q1", ALICE));
  }

  @Test
  void saltAndMemberIdAreNotSimplyConcatenated() {
    // Given two (salt, member) pairs whose plain concatenation is the same
    var a = pseudonyms.pseudonym("salt-1", new MemberId("2U"));
    var b = pseudonyms.pseudonym("salt-12", new MemberId("U"));

    // Then
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void keysStartWithAnonAndRevealNeitherMemberIdNorSecret() {
    // When
    var key = pseudonyms.pseudonym("salt-q1", ALICE).value();

    // Then
    assertThat(key).startsWith("anon:");
    assertThat(key.length()).isGreaterThan("anon:".length() + 20);
    assertThat(key)
        .doesNotContain(ALICE.value())
        .doesNotContain(SECRET_TEXT)
        .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET))
        .doesNotContain("salt-q1");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    assertThat(pseudonyms.toString())
        .doesNotContain(SECRET_TEXT)
        .doesNotContain(Base64.getEncoder().encodeToString(SECRET))
        .doesNotContain("s3rver");
  }

  @Test
  void changingTheCallersArrayDoesNotChangeTheKeys() {
    // Given
    var mutable = SECRET.clone();
    var ps = new Pseudonyms(mutable);
    var before = ps.pseudonym("salt-q1", ALICE);

    // When
    mutable[0] ^= 0x55;

    // Then
    assertThat(ps.pseudonym("salt-q1", ALICE)).isEqualTo(before);
  }

  @Test
  void aSecretShorterThanSixteenBytesIsRefused() {
    assertThatThrownBy(() -> new Pseudonyms(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16");
  }

  @Test
  void aSecretOfExactlySixteenBytesIsAccepted() {
    var ps = new Pseudonyms("0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    assertThat(ps.pseudonym("s", ALICE).value()).startsWith("anon:");
  }

  @Test
  void keyOfANamedQuestionIsTheMemberIdItself() {
    // When
    var key = pseudonyms.keyOf(question(false, ""), ALICE);

    // Then
    assertThat(key).isEqualTo(new MemberKey("U0ALICE42"));
  }

  @Test
  void keyOfAnAnonymousQuestionIsThePseudonymUnderItsSalt() {
    // When
    var key = pseudonyms.keyOf(question(true, "salt-q7"), ALICE);

    // Then
    assertThat(key).isEqualTo(pseudonyms.pseudonym("salt-q7", ALICE));
    assertThat(key.value()).startsWith("anon:").doesNotContain(ALICE.value());
  }
}
