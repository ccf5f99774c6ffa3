package dev.chorus.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs and prints its figures; the figures themselves are for the operator guide, not a gate. */
class HistoryBenchTest {
  @Test
  void aSmallHistoryPrintsEveryFigureBesideItsBaseline() throws Exception {
    var bytes = new ByteArrayOutputStream();

    int code = HistoryBench.run(List.of("--communities", "3", "--closed", "60", "--open", "3"),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    var printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(printed).contains("3 communities, 60 closed and 3 open questions")
        .contains("baseline (open questions only): /respond status (no #Q) p50")
        .contains("with the history: a schedule pass with nothing due took")
        .contains("heap after GC")
        .contains("command without #Q, p50:");
  }

  @Test
  void badArgumentsAreRefusedWithTheUsage() throws Exception {
    var bytes = new ByteArrayOutputStream();

    int code = HistoryBench.run(List.of("--communities", "many"), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Usage: bench-history");
  }
}
