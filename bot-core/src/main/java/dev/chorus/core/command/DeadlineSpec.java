package dev.chorus.core.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/** A deadline as written: a duration from now, a day (ending at 23:59), or a day and time. */
public sealed interface DeadlineSpec {

  /** The instant this deadline names, in the given zone. */
  Instant resolve(Clock clock, ZoneId zone);

  /** How it was written, to repeat it in messages. */
  String written();

  record After(Duration duration, String written) implements DeadlineSpec {
    @Override
    public Instant resolve(Clock clock, ZoneId zone) {
      return clock.instant().plus(duration);
    }
  }

  record OnDay(LocalDate day, String written) implements DeadlineSpec {
    @Override
    public Instant resolve(Clock clock, ZoneId zone) {
      return day.atTime(LocalTime.of(23, 59)).atZone(zone).toInstant();
    }
  }

  record At(LocalDateTime dateTime, String written) implements DeadlineSpec {
    @Override
    public Instant resolve(Clock clock, ZoneId zone) {
      return dateTime.atZone(zone).toInstant();
    }
  }

  /** Removes the deadline (only in {@code edit}). */
  record None(String written) implements DeadlineSpec {
    @Override
    public Instant resolve(Clock clock, ZoneId zone) {
      throw new IllegalStateException("no deadline to resolve");
    }
  }
}
