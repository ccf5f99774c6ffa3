package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Settings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ChorusPropertiesTest {

  @TempDir
  static Path data;

  /**
   * Starts the application with the settings as arguments (they win over application.properties), on
   * a data folder of its own: its Redis remembers the secret it was first started with.
   */
  private static Starter app(String... properties) throws java.io.IOException {
    var args = new java.util.ArrayList<String>();
    args.add("--chorus.redis.data-dir=" + java.nio.file.Files.createTempDirectory(data, "app"));
    for (var property : properties) {
      args.add("--" + property);
    }
    return () -> new SpringApplicationBuilder(ChorusApplication.class).web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }

  interface Starter {
    org.springframework.context.ConfigurableApplicationContext run();
  }

  @Test
  void thresholdsComeFromTheSettings() throws Exception {
    try (var context = app("chorus.broad-support=0.8", "chorus.majority=0.6").run()) {
      var settings = context.getBean(Settings.class);
      assertThat(settings.thresholds().broadSupport()).isEqualTo(0.8);
      assertThat(settings.thresholds().majority()).isEqualTo(0.6);
    }
  }

  @Test
  void aBadThresholdStopsStartUpNamingTheSetting() throws Exception {
    assertThatThrownBy(() -> app("chorus.majority=2").run())
        .hasStackTraceContaining("chorus.majority");
  }

  @Test
  void scheduleSettingsComeFromTheSettingsAndABadOneStopsStartUpNamingIt() throws Exception {
    try (var context = app("chorus.schedule.remind-before=36h", "chorus.schedule.lease=30s").run()) {
      var timing = context.getBean(dev.chorus.core.digest.RunSchedule.Timing.class);
      assertThat(timing.remindBefore()).isEqualTo(java.time.Duration.ofHours(36));
      assertThat(timing.lease()).isEqualTo(java.time.Duration.ofSeconds(30));
    }
    assertThatThrownBy(() -> app("chorus.schedule.interval=0s").run())
        .hasStackTraceContaining("chorus.schedule.interval (CHORUS_SCHEDULE_INTERVAL) must be positive");
  }

  @Test
  void aShortSecretStopsStartUp() throws Exception {
    assertThatThrownBy(() -> app("chorus.secret=short").run())
        .hasStackTraceContaining("CHORUS_SECRET must be at least 16 characters");
  }

  @Test
  void theSecretNeverShowsInTextOrLogs() throws Exception {
    var secret = "a-very-secret-value-1234567890";
    var properties = new ChorusProperties(secret, 0.75, 0.5, "");
    assertThat(properties.toString()).doesNotContain(secret).contains("hidden");
    try (var context = app("chorus.secret=" + secret).run()) {
      assertThat(context.getBean(Pseudonyms.class).toString()).doesNotContain(secret);
      assertThat(context.getBean(ChorusProperties.class).toString()).doesNotContain(secret);
    }
  }
}
