package dev.chorus.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.chorus.core.community.CommunityId;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Web API calls no member waits for (seeding vote reactions, reading reactions back), made with the
 * synchronous client on threads of Chorus's own: one lane per workspace and method, each with at most
 * one call in flight. Bolt's asynchronous client paces calls inside a small pool of threads per
 * workspace that sleep while they wait their turn; seeds dropped into it would hold those threads,
 * and members' private answers would wait behind them. A 429 is waited out for its
 * {@code Retry-After} on the lane's own thread, and the call made again.
 */
final class SlackBackground implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SlackBackground.class.getName());
  /** A lane holds at most this many calls; past it a seed is dropped (members can still react themselves). */
  static final int LONGEST_LANE = 5_000;
  /** How often a 429 is waited out for one call before it is given up. */
  static final int MOST_RETRIES = 5;

  /** One Web API call, made with a workspace's synchronous client. */
  @FunctionalInterface
  interface Call<T extends SlackApiTextResponse> {
    T make(MethodsClient client) throws IOException, SlackApiException;
  }

  private record Lane(CommunityId community, String method) {}

  private final Function<CommunityId, MethodsClient> clients;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    var thread = new Thread(runnable, "chorus-slack-background");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<Lane, Deque<Runnable>> lanes = new HashMap<>();

  SlackBackground(Function<CommunityId, MethodsClient> clients) {
    this.clients = clients;
  }

  /**
   * Queues the call in its lane; the answer comes when it was made. It fails with the call's
   * {@link IOException} or {@link SlackApiException}, or {@link IllegalStateException} when the lane
   * was full or Slack kept answering 429.
   */
  <T extends SlackApiTextResponse> CompletableFuture<T> submit(CommunityId community, String method, Call<T> call) {
    var answer = new CompletableFuture<T>();
    Runnable task = () -> {
      try {
        answer.complete(make(community, call));
      } catch (Exception e) {
        answer.completeExceptionally(e);
      }
    };
    var lane = new Lane(community, method);
    boolean start;
    synchronized (lanes) {
      var queue = lanes.get(lane);
      start = queue == null;
      if (queue == null) {
        queue = new ArrayDeque<>();
        lanes.put(lane, queue);
      }
      if (queue.size() >= LONGEST_LANE) {
        answer.completeExceptionally(new IllegalStateException("too many " + method + " calls waiting"));
        return answer;
      }
      queue.addLast(task);
    }
    if (start) {
      try {
        threads.execute(() -> run(lane));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        synchronized (lanes) {
          lanes.remove(lane);
        }
        answer.completeExceptionally(new IllegalStateException("Chorus is stopping"));
      }
    }
    return answer;
  }

  /** Makes a lane's calls one after the other until it is empty; then the lane is gone. */
  private void run(Lane lane) {
    while (true) {
      Runnable next;
      synchronized (lanes) {
        var queue = lanes.get(lane);
        next = queue == null ? null : queue.pollFirst();
        if (next == null) {
          lanes.remove(lane);
          return;
        }
      }
      next.run();
    }
  }

  private <T extends SlackApiTextResponse> T make(CommunityId community, Call<T> call) throws Exception {
    var client = clients.apply(community);
    for (int attempt = 0; ; attempt++) {
      try {
        return call.make(client);
      } catch (SlackApiException e) {
        var wait = SlackChat.retryAfter(e);
        if (wait == null) {
          throw e;
        }
        if (attempt >= MOST_RETRIES) {
          throw new IllegalStateException("Slack kept asking to wait", e);
        }
        Thread.sleep(wait.toMillis());
      }
    }
  }

  /** Calls waiting or in flight, over every lane. */
  int waiting() {
    synchronized (lanes) {
      return lanes.values().stream().mapToInt(Deque::size).sum();
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  /** Logged with the kind of failure or Slack's error code only: never a token or a member's words. */
  static void failed(String what, String why) {
    LOG.log(Level.INFO, "{0} did not reach Slack: {1}", what, why);
  }
}
