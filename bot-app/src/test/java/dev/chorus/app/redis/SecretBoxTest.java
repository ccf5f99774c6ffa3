package dev.chorus.app.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sealed tokens open only with the same secret, under the same name, unaltered; and never show. */
class SecretBoxTest {
  private static final String TOKEN = "xoxb-1234-5678-abcdefghijkl";
  private final ResolvedSecret secret = new ResolvedSecret("the-server-secret-0123456789".getBytes(StandardCharsets.UTF_8));
  private final SecretBox box = new SecretBox(secret, "slack-installations/v1");

  @Test
  void whatIsSealedOpensAndIsNotReadableSealed() {
    var sealed = box.seal(TOKEN, "installations/T1");

    assertThat(box.open(sealed, "installations/T1")).isEqualTo(TOKEN);
    assertThat(sealed).startsWith("v1:").doesNotContain(TOKEN).doesNotContain("abcdefghijkl");
    assertThat(box.seal(TOKEN, "installations/T1")).as("a fresh nonce each time").isNotEqualTo(sealed);
  }

  @Test
  void anotherSecretAnotherPurposeAnotherNameOrAnAlterationDoesNotOpenItAndTheErrorShowsNothing() {
    var sealed = box.seal(TOKEN, "installations/T1");
    var otherSecret = new SecretBox(new ResolvedSecret("another-secret-0123456789".getBytes(StandardCharsets.UTF_8)),
        "slack-installations/v1");
    var otherPurpose = new SecretBox(secret, "something-else/v1");
    var bytes = java.util.Base64.getDecoder().decode(sealed.substring(3));
    bytes[bytes.length - 1] ^= 1;
    var altered = "v1:" + java.util.Base64.getEncoder().encodeToString(bytes);

    for (var attempt : java.util.List.<Runnable>of(() -> otherSecret.open(sealed, "installations/T1"),
        () -> otherPurpose.open(sealed, "installations/T1"), () -> box.open(sealed, "installations/T2"),
        () -> box.open(altered, "installations/T1"), () -> box.open("v1:%%%", "installations/T1"),
        () -> box.open(TOKEN, "installations/T1"))) {
      assertThatThrownBy(attempt::run).isInstanceOf(IllegalStateException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("abcdefghijkl"));
    }
  }

  @Test
  void neitherTheSecretNorTheKeyShows() {
    assertThat(secret.toString()).doesNotContain("the-server-secret");
    assertThat(box.toString()).isEqualTo("SecretBox[key=hidden]");
    assertThat(secret.derive("a")).isNotEqualTo(secret.derive("b")).hasSize(32);
    // No purpose's key is the fingerprint Redis keeps in plain text, whatever its label.
    var fingerprint = java.util.HexFormat.of().parseHex(ServerSecret.fingerprint(secret.bytes()));
    assertThat(secret.derive("server-secret-fingerprint/v1")).isNotEqualTo(fingerprint);
  }
}
