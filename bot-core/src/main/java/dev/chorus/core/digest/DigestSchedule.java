package dev.chorus.core.digest;

import dev.chorus.core.command.Command.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a digest comes: every day, or every week on a weekday, at a local time in a time zone. A
 * local time that a daylight-saving change skips comes at the first instant after the gap; one
 * that repeats comes once, at its first occurrence.
 */
public record DigestSchedule(Cadence cadence, DayOfWeek weekday, LocalTime at, ZoneId zone) {
  public static final DayOfWeek DEFAULT_WEEKDAY = DayOfWeek.MONDAY;
  public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

  public DigestSchedule {
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(weekday, "weekday");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
    if (cadence == Cadence.OFF) {
      throw new IllegalArgumentException("a schedule is daily or weekly");
    }
  }

  /** The instant the digest of that local day comes, or null when none comes that day. */
  public @Nullable Instant on(LocalDate day) {
    if (cadence == Cadence.WEEKLY && day.getDayOfWeek() != weekday) {
      return null;
    }
    var local = day.atTime(at);
    var transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    // In an overlap this is the earlier of the two instants: the time comes once.
    return ZonedDateTime.of(local, zone).toInstant();
  }

  /** The latest time a digest was due at or before {@code now}. */
  public Instant latestDue(Instant now) {
    var day = now.atZone(zone).toLocalDate();
    for (int back = 0; back <= 8; back++) {
      var due = on(day.minusDays(back));
      if (due != null && !due.isAfter(now)) {
        return due;
      }
    }
    throw new IllegalStateException("a weekly schedule comes within eight days");
  }

  /** The first time a digest is due after {@code instant}. */
  public Instant nextAfter(Instant instant) {
    var day = instant.atZone(zone).toLocalDate();
    for (int ahead = 0; ahead <= 8; ahead++) {
      var due = on(day.plusDays(ahead));
      if (due != null && due.isAfter(instant)) {
        return due;
      }
    }
    throw new IllegalStateException("a weekly schedule comes within eight days");
  }

  /** In words, for confirmations: "daily at 09:00 (Europe/Berlin)". */
  public String describe() {
    return (cadence == Cadence.DAILY ? "daily" : "weekly on " + name(weekday)) + " at " + at + " (" + zone.getId() + ")";
  }

  private static String name(DayOfWeek day) {
    var lower = day.name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
