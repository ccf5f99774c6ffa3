package dev.chorus.discord.fake;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Discord's rate limits as the fake counts them: one count per bucket and major parameter, and the
 * global count, each in a fixed window that opens with its first call, as Discord's do.
 *
 * <p>Every answer carries its bucket's {@code X-RateLimit-*} headers, so JDA paces itself exactly
 * as it does against Discord; a call past a limit gets a 429 instead of being served. JDA only
 * hits one when it could not know better (a route it has not learnt the bucket of yet), so {@link
 * #refused()} staying at zero shows a client kept within the limits.
 */
final class RateLimits {

  private final Map<String, Window> windows = new HashMap<>();
  private final Window global = new Window();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean enabled = true;

  /** One window of a count: calls left in it and when it closes (epoch milliseconds). */
  private static final class Window {
    int remaining;
    long resetAt;

    /** Opens a fresh window when the last one has closed. */
    void roll(long now, int limit, long windowMillis) {
      if (now >= resetAt) {
        remaining = limit;
        resetAt = now + windowMillis;
      }
    }
  }

  /**
   * What to do with one call.
   *
   * @param headers the rate-limit headers to send with the answer, whatever it is
   * @param refusal the 429 to answer instead of serving the call, or {@code null} to serve it
   */
  record Verdict(Map<String, String> headers, @Nullable Refusal refusal) {}

  /**
   * A call past a limit.
   *
   * @param retryAfterSeconds when the window that refused it closes
   * @param global whether it was the global limit rather than the route's bucket
   */
  record Refusal(double retryAfterSeconds, boolean global) {}

  void enabled(boolean on) {
    enabled = on;
    if (!on) {
      synchronized (this) {
        windows.clear(); // switched on again, counting starts afresh
      }
    }
  }

  boolean enabled() {
    return enabled;
  }

  /** 429s answered because a bucket or the global limit was spent; forced ones are not counted. */
  int refused() {
    return refused.get();
  }

  /** Counts a call against its bucket (and the global limit), or refuses it. Off: no headers, no count. */
  synchronized Verdict take(DiscordRules.Bucket bucket) {
    if (!enabled) {
      return new Verdict(Map.of(), null);
    }
    long now = System.currentTimeMillis();
    Window window = windows.computeIfAbsent(bucket.name() + ":" + bucket.major(), key -> new Window());
    window.roll(now, bucket.limit(), bucket.window().toMillis());
    Refusal refusal = null;
    if (window.remaining == 0) {
      refusal = new Refusal((window.resetAt - now) / 1000.0, false);
    } else if (bucket.global()) {
      global.roll(now, DiscordRules.GLOBAL_LIMIT_PER_SECOND, 1000);
      if (global.remaining == 0) {
        refusal = new Refusal((global.resetAt - now) / 1000.0, true);
      }
    }
    if (refusal == null) {
      window.remaining--;
      if (bucket.global()) {
        global.remaining--;
      }
    } else {
      refused.incrementAndGet();
    }
    return new Verdict(headers(bucket, window.remaining, window.resetAt, now), refusal);
  }

  /** The headers of a 429 forced by a test: the route's bucket, spent until the forced wait is over. */
  Map<String, String> forcedHeaders(DiscordRules.Bucket bucket, double retryAfterSeconds) {
    if (!enabled) {
      return Map.of();
    }
    long now = System.currentTimeMillis();
    return headers(bucket, 0, now + (long) Math.ceil(retryAfterSeconds * 1000), now);
  }

  /**
   * The headers JDA reads: it keys its buckets by {@code X-RateLimit-Bucket} and the major
   * parameter, and waits out {@code X-RateLimit-Reset-After} (or {@code Reset}, epoch seconds)
   * once {@code Remaining} reaches zero.
   */
  private static Map<String, String> headers(DiscordRules.Bucket bucket, int remaining, long resetAt, long now) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Limit", Integer.toString(bucket.limit()));
    headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
    headers.put("X-RateLimit-Reset", seconds(resetAt));
    headers.put("X-RateLimit-Reset-After", seconds(resetAt - now));
    headers.put("X-RateLimit-Bucket", bucket.hash());
    return headers;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
