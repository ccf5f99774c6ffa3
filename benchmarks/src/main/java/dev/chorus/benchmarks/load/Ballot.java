package dev.chorus.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * One member's vote on one statement, and when in the run it is cast: every member votes on every
 * statement once, at a random moment of the voting window, as people do after a post appears.
 *
 * @param member from 0
 * @param statement from 0
 * @param at how long after the window opens
 */
record Ballot(int member, int statement, Duration at) {

  static List<Ballot> plan(int members, int statements, Duration window, long seed) {
    var random = new Random(seed);
    var ballots = new ArrayList<Ballot>();
    for (int m = 0; m < members; m++) {
      for (int s = 0; s < statements; s++) {
        ballots.add(new Ballot(m, s, Duration.ofNanos((long) (random.nextDouble() * window.toNanos()))));
      }
    }
    ballots.sort(Comparator.comparing(Ballot::at));
    return ballots;
  }

  /** Waits until the ballot's moment, counted from {@code start} (System.nanoTime). */
  void awaitMoment(long start) throws InterruptedException {
    long wait = start + at.toNanos() - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
