package dev.chorus.benchmarks;

import dev.chorus.core.analysis.Landscape;
import dev.chorus.core.analysis.VoteMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the analysis scales: synthetic conversations of 2,000 and 20,000 members in three planted
 * camps, each member voting on {@value #VOTES_PER_MEMBER} of {@value #STATEMENTS} statements, so the
 * votes grow with the members. Time per vote = score ÷ (members × {@value #VOTES_PER_MEMBER}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScalingBenchmark {
  static final int STATEMENTS = 300;
  static final int VOTES_PER_MEMBER = 40;
  private static final int CAMPS = 3;

  @Param({"2000", "20000"})
  public int members;

  private VoteMatrix votes;
  private int[] noAuthors;

  @Setup
  public void plant() {
    votes = planted(members, 42);
    noAuthors = new int[STATEMENTS];
    Arrays.fill(noAuthors, -1);
  }

  /** Members in three camps; each camp leans one way on each statement, with 20 % noise and some passes. */
  static VoteMatrix planted(int members, long seed) {
    var random = new SplittableRandom(seed);
    var lean = new int[CAMPS][STATEMENTS];
    for (var camp : lean) {
      for (int j = 0; j < STATEMENTS; j++) {
        camp[j] = random.nextBoolean() ? 1 : -1;
      }
    }
    var builder = VoteMatrix.builder(members, STATEMENTS);
    var order = new int[STATEMENTS];
    for (int j = 0; j < STATEMENTS; j++) {
      order[j] = j;
    }
    for (int i = 0; i < members; i++) {
      int camp = i % CAMPS;
      for (int k = 0; k < VOTES_PER_MEMBER; k++) {
        int pick = k + random.nextInt(STATEMENTS - k);
        int swap = order[pick];
        order[pick] = order[k];
        order[k] = swap;
        double roll = random.nextDouble();
        int vote = roll < 0.1 ? 0 : roll < 0.3 ? -lean[camp][swap] : lean[camp][swap];
        builder.add(i, swap, vote);
      }
    }
    return builder.build();
  }

  @Benchmark
  public Landscape analysis() {
    return Landscape.of(votes, noAuthors);
  }
}
