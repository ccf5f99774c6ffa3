package dev.chorus.benchmarks;

import dev.chorus.core.analysis.Landscape;
import dev.chorus.core.analysis.VoteMatrix;
import dev.chorus.core.polis.PolisExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
 * The analysis on the largest real conversation (2,031 members × 607 statements, about 225,000
 * votes), beside a naive baseline in the same run: a dense matrix and a full recomputation.
 * Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar AnalysisBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalysisBenchmark {
  @Param("examples/polis/american-assembly.bowling-green")
  public String conversation;

  private VoteMatrix votes;
  private int[] noAuthors;

  @Setup
  public void load() throws IOException {
    votes = PolisExport.read(Path.of(conversation)).votes();
    noAuthors = new int[votes.statements()];
    Arrays.fill(noAuthors, -1);
  }

  @Benchmark
  public Landscape chorus() {
    return Landscape.of(votes, noAuthors);
  }

  @Benchmark
  public Object naiveDenseFullRecomputation() {
    return NaiveAnalysis.run(votes);
  }
}
