package dev.chorus.app;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.Questions;
import dev.chorus.testkit.InMemoryMessageLinks;
import dev.chorus.testkit.InMemoryQuestions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the core's ports. The store is in memory until the Redis store lands. */
@Configuration(proxyBeanMethods = false)
public class ChorusConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Settings settings(ChorusProperties properties) {
    var defaults = Settings.DEFAULTS;
    return new Settings(defaults.limits(), new Outcome.Thresholds(properties.broadSupport(), properties.majority()),
        defaults.openedBy(), defaults.defaultZone(), defaults.recentlyClosed());
  }

  @Bean
  Pseudonyms pseudonyms(ChorusProperties properties) {
    if (properties.secret() != null && !properties.secret().isBlank()) {
      var bytes = properties.secret().getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 16) {
        throw new IllegalStateException("CHORUS_SECRET must be at least 16 characters long");
      }
      return new Pseudonyms(bytes);
    }
    // Nothing outlives the process while the store is in memory, so a fresh secret is enough.
    var generated = new byte[32];
    new SecureRandom().nextBytes(generated);
    return new Pseudonyms(generated);
  }

  @Bean
  Questions questions() {
    return new InMemoryQuestions();
  }

  @Bean
  MessageLinks messageLinks() {
    return new InMemoryMessageLinks();
  }
}
