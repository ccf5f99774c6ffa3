package dev.chorus.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.command.Command.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static DigestSchedule daily(String at) {
    return new DigestSchedule(Cadence.DAILY, DayOfWeek.MONDAY, LocalTime.parse(at), BERLIN);
  }

  @Test
  void aTimeTheSpringChangeSkipsComesAtTheFirstInstantAfterTheGap() {
    // 2027-03-28: Berlin's clocks go from 02:00 straight to 03:00.
    assertThat(daily("02:30").on(LocalDate.parse("2027-03-28"))).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    assertThat(daily("02:30").on(LocalDate.parse("2027-03-27"))).isEqualTo(Instant.parse("2027-03-27T01:30:00Z"));
    assertThat(daily("02:30").on(LocalDate.parse("2027-03-29"))).isEqualTo(Instant.parse("2027-03-29T00:30:00Z"));
  }

  @Test
  void aTimeTheAutumnChangeRepeatsComesOnceAtItsFirstOccurrence() {
    // 2027-10-31: 02:00–03:00 happens twice in Berlin.
    var schedule = daily("02:30");
    var first = Instant.parse("2027-10-31T00:30:00Z");
    assertThat(schedule.on(LocalDate.parse("2027-10-31"))).isEqualTo(first);
    assertThat(schedule.nextAfter(first)).isEqualTo(Instant.parse("2027-11-01T01:30:00Z"));
    // During the repeated hour, the latest due time is still the first 02:30.
    assertThat(schedule.latestDue(Instant.parse("2027-10-31T01:45:00Z"))).isEqualTo(first);
  }

  @Test
  void aWeeklyDigestComesOnItsWeekdayOnly() {
    var friday = new DigestSchedule(Cadence.WEEKLY, DayOfWeek.FRIDAY, LocalTime.of(17, 0), BERLIN);
    var wednesday = Instant.parse("2027-03-24T12:00:00Z");
    assertThat(friday.nextAfter(wednesday)).isEqualTo(Instant.parse("2027-03-26T16:00:00Z"));
    assertThat(friday.latestDue(wednesday)).isEqualTo(Instant.parse("2027-03-19T16:00:00Z"));
    assertThat(friday.on(LocalDate.parse("2027-03-25"))).isNull();
    // After the change to summer time the same local time is an hour earlier in UTC.
    assertThat(friday.nextAfter(Instant.parse("2027-03-27T00:00:00Z"))).isEqualTo(Instant.parse("2027-04-02T15:00:00Z"));
    assertThat(friday.describe()).isEqualTo("weekly on Friday at 17:00 (Europe/Berlin)");
  }
}
