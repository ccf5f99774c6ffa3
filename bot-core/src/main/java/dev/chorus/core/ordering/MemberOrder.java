package dev.chorus.core.ordering;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.logging.Failures;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks on a shared executor, one member's in the order they arrived and the rest in parallel.
 * A member who adds a reaction and takes it back a moment later must see the vote gone, not applied
 * after its retraction because another worker was quicker. Every adapter keys its events by
 * community and member (see {@link #key}), so the rule is the same on every platform.
 */
public final class MemberOrder {
  private static final System.Logger LOG = System.getLogger(MemberOrder.class.getName());
  /**
   * Tasks one member may have waiting: far more than a person reacting by hand makes, so only a
   * script is turned away, and one member's flood cannot fill the memory every member shares.
   */
  public static final int MOST_WAITING_PER_MEMBER = 200;

  private final Executor executor;
  private final int mostWaiting;
  private final Map<String, ArrayDeque<Task>> queues = new HashMap<>();

  public MemberOrder(Executor executor) {
    this(executor, MOST_WAITING_PER_MEMBER);
  }

  public MemberOrder(Executor executor, int mostWaiting) {
    this.executor = executor;
    this.mostWaiting = mostWaiting;
  }

  /**
   * Runs the task after every earlier task of the same key has finished.
   *
   * @param refused run instead when the executor takes no more work (overload), so the member can be told
   */
  public void run(String key, Runnable task, Runnable refused) {
    var entry = new Task(task, refused);
    boolean full;
    synchronized (queues) {
      var queue = queues.get(key);
      if (queue != null && queue.size() < mostWaiting) {
        queue.add(entry);
        return;
      }
      full = queue != null;
      if (!full) {
        queues.put(key, new ArrayDeque<>());
      }
    }
    if (full) {
      // Told at once, outside the lock, as when the executor is overloaded.
      LOG.log(Level.WARNING, "one member had " + mostWaiting + " events waiting; a further one was turned away");
      refused.run();
      return;
    }
    try {
      executor.execute(() -> drain(key, entry));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.ERROR, "Chorus is overloaded: events were turned away");
      ArrayDeque<Task> waiting;
      synchronized (queues) {
        waiting = queues.remove(key);
      }
      entry.refused().run();
      if (waiting != null) {
        waiting.forEach(t -> t.refused().run());
      }
    }
  }

  /** The key that orders one member's events within one community, the same on every platform. */
  public static String key(CommunityId community, String member) {
    return community.value() + "/" + member;
  }

  public void run(String key, Runnable task) {
    run(key, task, () -> {});
  }

  private record Task(Runnable work, Runnable refused) {}

  private void drain(String key, Task first) {
    var task = first;
    while (task != null) {
      try {
        task.work().run();
      } catch (Throwable e) {
        // Whatever one event does, the member's next events still run.
        Failures.log(LOG, "a member's event failed", e);
      } finally {
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
}
