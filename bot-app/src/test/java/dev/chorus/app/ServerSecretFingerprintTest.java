package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarted with another server secret (a changed CHORUS_SECRET, a lost secret file), Chorus would count
 * anonymous members again under new pseudonyms ("4 took part" with two people): it refuses to start
 * instead, in one line naming CHORUS_SECRET.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerSecretFingerprintTest {
  @TempDir
  Path data;

  private ConfigurableApplicationContext start(String... properties) {
    return startOn(data, properties);
  }

  private static ConfigurableApplicationContext startOn(Path folder, String... properties) {
    var args = new ArrayList<String>();
    args.add("--chorus.redis.data-dir=" + folder);
    for (var property : properties) {
      args.add("--" + property);
    }
    return new SpringApplicationBuilder(ChorusApplication.class).web(WebApplicationType.NONE).run(args.toArray(String[]::new));
  }

  @Test
  void theSameSecretStartsAgain() {
    start("chorus.secret=the-first-secret-0123456789").close();
    start("chorus.secret=the-first-secret-0123456789").close();
    var generated = data.resolve("generated");
    startOn(generated).close();
    startOn(generated).close();
  }

  @Test
  void anotherChorusSecretIsRefusedInOneLineNamingIt(CapturedOutput output) {
    start("chorus.secret=the-first-secret-0123456789").close();

    assertThatThrownBy(() -> start("chorus.secret=another-secret-0123456789").close())
        .rootCause().hasMessageContaining("CHORUS_SECRET").hasMessageNotContaining("\n")
        .hasMessageNotContaining("another-secret").hasMessageNotContaining("the-first-secret");
    assertThat(output).contains("Chorus cannot start: CHORUS_SECRET is not the secret this Redis's data was written with")
        .doesNotContain("\tat dev.chorus.app.redis.ServerSecret");
  }

  @Test
  void aLostSecretFileIsRefusedNamingChorusSecret() throws Exception {
    start().close();
    Files.delete(data.resolve("chorus-secret"));

    assertThatThrownBy(() -> start().close())
        .rootCause().hasMessageContaining("CHORUS_SECRET").hasMessageContaining("chorus-secret")
        .hasMessageNotContaining("\n");
  }
}
