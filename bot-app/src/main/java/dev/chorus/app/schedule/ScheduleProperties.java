package dev.chorus.app.schedule;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When scheduled work runs: {@code CHORUS_SCHEDULE_INTERVAL} how often each replica
 * looks for due digests, reminders and deadlines; {@code CHORUS_REMIND_BEFORE} how long before a
 * deadline members are reminded; {@code CHORUS_SCHEDULE_LEASE} how long a replica holds a job it
 * claimed before another may do it, should the first have died; {@code CHORUS_RECONCILE_INTERVAL} how
 * often the reactions on open questions' latest drafts are reconciled with the stored votes.
 */
@Validated
@ConfigurationProperties(prefix = "chorus.schedule")
public record ScheduleProperties(
    @DefaultValue("1m") @NotNull Duration interval,
    @DefaultValue("24h") @NotNull Duration remindBefore,
    @DefaultValue("2m") @NotNull Duration lease,
    @DefaultValue("10m") @NotNull Duration reconcileInterval) {

  public ScheduleProperties {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("chorus.schedule.interval (CHORUS_SCHEDULE_INTERVAL) must be positive");
    }
    if (remindBefore.isNegative() || remindBefore.isZero()) {
      throw new IllegalArgumentException("chorus.schedule.remind-before (CHORUS_REMIND_BEFORE) must be positive");
    }
    if (reconcileInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "chorus.schedule.reconcile-interval (CHORUS_RECONCILE_INTERVAL) must be at least 1s");
    }
    if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("chorus.schedule.lease (CHORUS_SCHEDULE_LEASE) must be at least 1s");
    }
  }
}
