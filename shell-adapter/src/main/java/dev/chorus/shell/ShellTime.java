package dev.chorus.shell;

import dev.chorus.core.digest.RunSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The shell's clock: the real time, moved on by {@code :tick}, so digests, reminders and deadlines
 * can be tried out without waiting. After every line the shell does what has come due.
 */
public final class ShellTime extends Clock {
  private final Clock base;
  private volatile Duration ahead = Duration.ZERO;
  private volatile @Nullable Instant lastRun;
  private @Nullable RunSchedule schedule;

  public ShellTime(Clock base) {
    this.base = base;
  }

  /** The schedule to run; set once Chorus's parts are built around this clock. */
  public void schedule(RunSchedule schedule) {
    this.schedule = schedule;
  }

  /** Moves the clock on and does what became due; what was done. */
  public RunSchedule.Report advance(Duration by) {
    ahead = ahead.plus(by);
    return runDue();
  }

  private RunSchedule.Report runDue() {
    lastRun = instant().truncatedTo(ChronoUnit.MINUTES);
    return schedule == null ? RunSchedule.Report.NONE : schedule.run();
  }

  /**
   * What came due, looked for at most once a minute of the shell's clock — as often as a running
   * Chorus looks — rather than after every line, each look reading every community.
   */
  public RunSchedule.Report runDueEachMinute() {
    return instant().truncatedTo(ChronoUnit.MINUTES).equals(lastRun) ? RunSchedule.Report.NONE : runDue();
  }

  @Override
  public Instant instant() {
    return base.instant().plus(ahead);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    var moved = new ShellTime(base.withZone(zone));
    moved.ahead = ahead;
    moved.schedule = schedule;
    return moved;
  }
}
