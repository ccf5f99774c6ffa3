package dev.chorus.app;

import dev.chorus.core.Chorus;
import dev.chorus.core.report.Reports;
import dev.chorus.report.TemplateReports;
import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.message.Chat;
import java.security.SecureRandom;
import java.util.function.Function;
import dev.chorus.core.conversation.Settings;
import dev.chorus.app.operations.MicrometerObserver;
import dev.chorus.app.redis.RedisSettings;
import dev.chorus.core.conversation.Observer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import dev.chorus.app.redis.ResolvedSecret;
import dev.chorus.app.redis.ServerSecret;
import dev.chorus.core.question.Outcome;
import java.time.Clock;
import dev.chorus.app.schedule.ScheduleProperties;
import dev.chorus.core.digest.RunSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the core: clock, settings, pseudonyms, and Chorus for each chat platform. The store is wired in {@code RedisConfiguration}. */
@Configuration(proxyBeanMethods = false)
public class ChorusConfiguration {

  /** Chorus around a platform's chat: each chat platform builds its own on the shared stores and settings. */
  @Bean
  Function<Chat, Chorus> chorusOnChat(Stores stores, Pseudonyms pseudonyms, Clock clock, Settings settings,
      Observer observer, Reports reports) {
    return chat -> new Chorus(stores, chat, pseudonyms, clock, settings, new SecureRandom(), observer, reports);
  }

  /** Reports as a page, a PDF and the opinion map, from templates compiled into the jar. */
  @Bean
  Reports reports() {
    return new TemplateReports();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Settings settings(ChorusProperties properties) {
    var defaults = Settings.DEFAULTS;
    return new Settings(defaults.limits(), new Outcome.Thresholds(properties.broadSupport(), properties.majority()),
        defaults.openedBy(), defaults.defaultZone(), defaults.recentlyClosed(), defaults.caps(), properties.publicUrl());
  }

  /** Metrics when a registry is there (always, with Actuator on the class path); nothing otherwise. */
  @Bean
  Observer observer(ObjectProvider<MeterRegistry> registry) {
    var meters = registry.getIfAvailable();
    return meters == null ? Observer.NONE : new MicrometerObserver(meters);
  }

  @Bean
  RunSchedule.Timing scheduleTiming(ScheduleProperties schedule) {
    return new RunSchedule.Timing(schedule.remindBefore(), schedule.lease());
  }

  /** Refuses to start with a secret other than the one the stored data was written with. */
  @Bean
  ResolvedSecret serverSecret(ChorusProperties properties, RedisSettings redis, StringRedisTemplate store) {
    var secret = ServerSecret.resolve(properties.secret(), redis.embedded(), redis.dataDir());
    var configured = properties.secret() != null && !properties.secret().isBlank();
    ServerSecret.requireTheRecordedOne(secret, configured, redis.dataDir(), store);
    return new ResolvedSecret(secret);
  }

  @Bean
  Pseudonyms pseudonyms(ResolvedSecret secret) {
    return new Pseudonyms(secret.bytes());
  }
}
