package dev.chorus.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Durations measured in a run, and their percentiles. */
final class Figures {
  private final List<Duration> values = new ArrayList<>();

  synchronized void add(Duration value) {
    values.add(value);
  }

  synchronized void addAll(Collection<Duration> more) {
    values.addAll(more);
  }

  synchronized int count() {
    return values.size();
  }

  /** The value below which {@code share} of them lie (nearest rank); zero when there are none. */
  synchronized Duration percentile(double share) {
    if (values.isEmpty()) {
      return Duration.ZERO;
    }
    var sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(share * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /** p50 and p99, in milliseconds or seconds, whichever reads better. */
  String p50p99() {
    return format(percentile(0.50)) + " / " + format(percentile(0.99));
  }

  static String format(Duration duration) {
    double millis = duration.toNanos() / 1e6;
    return millis < 1_000 ? String.format(Locale.ROOT, "%.1f ms", millis)
        : String.format(Locale.ROOT, "%.2f s", millis / 1_000);
  }
}
