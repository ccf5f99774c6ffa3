package dev.chorus.discord;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks on a shared executor, one member's in the order they arrived and the rest in parallel.
 * A member who adds a reaction and takes it back a moment later must see the vote gone, not applied
 * after its retraction because another worker was quicker.
 */
final class OrderedWork {
  private static final System.Logger LOG = System.getLogger(OrderedWork.class.getName());

  private final Executor executor;
  private final Map<String, ArrayDeque<Runnable>> queues = new HashMap<>();

  OrderedWork(Executor executor) {
    this.executor = executor;
  }

  /** Runs the task after every earlier task of the same key has finished. */
  void run(String key, Runnable task) {
    synchronized (queues) {
      var queue = queues.get(key);
      if (queue != null) {
        queue.add(task);
        return;
      }
      queues.put(key, new ArrayDeque<>());
    }
    start(key, task);
  }

  private void start(String key, Runnable task) {
    try {
      executor.execute(() -> drain(key, task));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.ERROR, "Chorus is overloaded: an event was dropped");
      synchronized (queues) {
        queues.remove(key);
      }
    }
  }

  private void drain(String key, Runnable first) {
    var task = first;
    while (task != null) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "a Discord event failed: " + e.getClass().getSimpleName(), e);
      }
      synchronized (queues) {
        var queue = queues.get(key);
        task = queue == null ? null : queue.poll();
        if (task == null) {
          queues.remove(key);
        }
      }
    }
  }
}
