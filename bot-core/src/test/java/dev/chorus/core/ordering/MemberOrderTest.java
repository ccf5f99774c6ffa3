package dev.chorus.core.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemberOrderTest {

  @Test
  void oneMembersEventsRunInTheOrderTheyCame() throws Exception {
    var pool = Executors.newFixedThreadPool(4);
    try {
      var work = new MemberOrder(pool);
      var seen = Collections.synchronizedMap(new java.util.HashMap<String, List<Integer>>());
      var random = new SplittableRandom(11);
      var done = new CountDownLatch(400);
      for (int i = 0; i < 400; i++) {
        var key = "member" + random.nextInt(5);
        int number = i;
        long pause = random.nextInt(300);
        work.run(key, () -> {
          java.util.concurrent.locks.LockSupport.parkNanos(pause * 1_000);
          seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(number);
          done.countDown();
        });
      }
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      for (var numbers : seen.values()) {
        assertThat(numbers).isSorted();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void differentMembersDoNotWaitForEachOther() throws Exception {
    var pool = Executors.newFixedThreadPool(2);
    try {
      var work = new MemberOrder(pool);
      var other = new CountDownLatch(1);
      var first = new CountDownLatch(1);
      // The first member's task waits for the second's: it finishes only if both run at once.
      work.run("ana", () -> {
        try {
          if (other.await(5, TimeUnit.SECONDS)) {
            first.countDown();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      work.run("ben", other::countDown);
      assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailingTaskDoesNotStopTheNext() throws Exception {
    var pool = Executors.newSingleThreadExecutor();
    try {
      var work = new MemberOrder(pool);
      var next = new CountDownLatch(1);
      work.run("ana", () -> {
        throw new IllegalStateException("boom");
      });
      work.run("ana", () -> {
        throw new AssertionError("an Error, not an exception");
      });
      work.run("ana", next::countDown);
      assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void workTurnedAwayIsToldNotLost() {
    var refused = new java.util.concurrent.atomic.AtomicInteger();
    var work = new MemberOrder(task -> {
      throw new java.util.concurrent.RejectedExecutionException("full");
    });
    work.run("ana", () -> {}, refused::incrementAndGet);
    work.run("ana", () -> {}, refused::incrementAndGet);
    assertThat(refused).hasValue(2);
  }

  @Test
  void oneMemberFloodingIsTurnedAwayPastTheCapWhileOthersStillRun() throws Exception {
    var pool = Executors.newFixedThreadPool(2);
    try {
      var work = new MemberOrder(pool, 5);
      var blocker = new CountDownLatch(1);
      var ran = Collections.synchronizedList(new ArrayList<String>());
      var refused = new java.util.concurrent.atomic.AtomicInteger();
      // The first task holds the member's queue while the flood arrives.
      work.run("bot-like", () -> await(blocker), refused::incrementAndGet);
      for (int i = 0; i < 20; i++) {
        int n = i;
        work.run("bot-like", () -> ran.add("flood " + n), refused::incrementAndGet);
      }
      var other = new CountDownLatch(1);
      work.run("ana", () -> {
        ran.add("ana");
        other.countDown();
      }, refused::incrementAndGet);
      assertThat(other.await(5, TimeUnit.SECONDS)).as("another member is not held up").isTrue();
      assertThat(refused).as("past the five waiting, each is refused (and its member told)").hasValue(15);
      blocker.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
      assertThat(ran).contains("ana", "flood 0", "flood 4").doesNotContain("flood 5");
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
