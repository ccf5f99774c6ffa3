package dev.chorus.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.question.QuestionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's scheduling example: {@code :tick} shows a channel digest, a reminder and a deadline close. */
class ScheduleScriptTest {

  @Test
  void tickingTheClockShowsDigestsAReminderAndTheDeadlineClose() throws Exception {
    var shell = new ShellHarness();
    var output = shell.run(Files.readString(Path.of("..", "examples", "deadline-and-digest.txt")));

    assertThat(output).contains("(shell) It is now 2026-11-03 10:00 Z. Came due: 1 channel digest, 1 personal digest.");
    assertThat(output).contains("(shell) It is now 2026-11-04 10:00 Z. Came due: 1 channel digest, 1 personal digest, "
        + "1 reminder.");
    assertThat(output).contains("(shell) It is now 2026-11-05 10:00 Z. Came due: 1 question closed at its deadline.");
    assertThat(output).contains("#general:\n    Digest: 1 open question");
    // The digest links to the question's thread: here, the number of the question card.
    assertThat(output).contains("Join in its thread (message 1), or /respond #Q1 status for more.");
    assertThat(output).contains("direct message to shell-ben:\n    A gentle reminder: Q1");
    assertThat(output).doesNotContain("direct message to shell-cem").doesNotContain("direct message to shell-ana:\n    A gentle");
    assertThat(output).contains("direct message to shell-dana:\n    Your digest: 1 question awaits you");
    assertThat(output).contains("Q1 closed: no consensus for draft v1");
    assertThat(shell.question(1).status()).isEqualTo(QuestionStatus.CLOSED);
    assertThat(shell.question(1).latestOutcome().orElseThrow().closedBy()).isEqualTo("its deadline");
  }
}
