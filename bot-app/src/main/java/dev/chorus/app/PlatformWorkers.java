package dev.chorus.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The workers a chat platform hands acknowledged events to: enough for bursts of votes, and bounded,
 * so that a flood cannot exhaust memory: work beyond the queue is turned away, and the member told.
 */
public final class PlatformWorkers {
  static final int WORKERS = 8;
  static final int QUEUED = 10_000;

  private PlatformWorkers() {}

  public static ExecutorService named(String name) {
    return new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUED),
        runnable -> {
          var thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }
}
