package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as a user runs it: {@code java -jar bot-app/target/chorus.jar shell < script}. */
class ShellCommandIT {
  private static final Path JAR = Path.of("target", "chorus.jar");

  record Run(int exitCode, String stdout, String stderr) {}

  private static Run run(String stdin, String... args) throws IOException, InterruptedException {
    // A fresh data folder per run: the embedded Redis keeps what it is told.
    return run(Map.of("CHORUS_DATA_DIR", Files.createTempDirectory("chorus-it").toString()), stdin, args);
  }

  private static Run run(Map<String, String> environment, String stdin, String... args)
      throws IOException, InterruptedException {
    var java = ProcessHandle.current().info().command().orElse("java");
    var command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command);
    builder.environment().remove("REDIS_URL");
    builder.environment().putAll(environment);
    var process = builder.start();
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    var stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), stdout, stderr);
  }

  @Test
  void theExampleConversationRunsToTheEndAndExitsCleanly() throws Exception {
    var script = Files.readString(Path.of("..", "examples", "joint-response.txt"));
    var run = run(script, "shell");
    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).contains("[1] #general:").contains("Q1 closed: consensus for draft v2")
        .contains("Q2 closed: broad support").contains("Q3 closed: majority").contains("Q4 closed: no consensus")
        .contains("--- file: chorus-Q1.json ---").contains("--- end of file ---");
    assertThat(run.stderr()).as("nothing goes wrong along the way").isBlank();
  }

  @Test
  void theReadmesAnalyzeExampleRunsOnTheConversationShippedWithTheRepository() throws Exception {
    var run = run("", "analyze", "--polis", Path.of("..", "examples", "polis", "scoop-hivemind.ubi").toString());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("Common ground:").contains("Divisive:").contains("Evaluation");
  }

  @Test
  void theSchedulingExampleShowsADigestAReminderAndTheDeadlineClose() throws Exception {
    var script = Files.readString(Path.of("..", "examples", "deadline-and-digest.txt"));
    var run = run(script, "shell");
    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).contains("#general:\n    Digest: 1 open question")
        .contains("direct message to shell-ben:\n    A gentle reminder: Q1")
        .contains("direct message to shell-dana:\n    Your digest: 1 question awaits you")
        .contains("Came due: 1 question closed at its deadline.").contains("Q1 closed: ")
        .doesNotContain("direct message to shell-cem");
    assertThat(run.stderr()).as("nothing goes wrong along the way").isBlank();
  }

  @Test
  void endOfInputEndsTheShellWithExitCodeZero() throws Exception {
    var run = run("", "shell");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void anAnonymousSessionLeavesNoNameInAnyOutputOrLogLine() throws Exception {
    var script = String.join("\n",
        ":as Ulrike", "/respond open Do you trust the new management? --anonymous",
        "/respond Not yet; decisions come without explanation",
        ":as Vikram", "/respond They listen more than the old team",
        ":press 2 Disagree",
        ":as Wanjiru", "/respond I need to see results first", ":press 4 Agree", ":react 2 👍",
        ":as Ulrike", "/respond draft Trust must be earned: we ask for explained decisions.",
        ":as Vikram", ":press 5 Block", "/respond reason It sounds hostile",
        ":as Wanjiru", ":press 6 Agree", "/respond status",
        ":as Ulrike", "/respond close", "/respond export markdown", "/respond export json", "/respond export csv", "");
    var run = run(script, "shell");
    assertThat(run.exitCode()).isZero();
    var everything = run.stdout() + run.stderr();
    assertThat(everything).contains("It sounds hostile").contains("✋ 1 block");
    // The shell echoes each script line, and so each ":as <name>": drop those echoes, then nothing may name anyone.
    var shown = everything.lines()
        .filter(line -> !line.contains("> :as ") && !line.startsWith("(shell) You are now"))
        .map(line -> line.replaceFirst("^[A-Za-z]+@general> ", ""))
        .reduce("", (a, b) -> a + b + "\n");
    for (var name : List.of("Ulrike", "Vikram", "Wanjiru", "ulrike", "vikram", "wanjiru")) {
      assertThat(shown).doesNotContain(name);
    }
    assertThat(shown).doesNotContain("anon:");
  }

  @Test
  void aSecondShellOnTheSameDataFolderContinuesTheConversation() throws Exception {
    var data = Map.of("CHORUS_DATA_DIR", Files.createTempDirectory("chorus-twice").toString());
    var first = run(data, ":as ana\n/respond open Kept across restarts\n/respond My view is kept\n", "shell");
    assertThat(first.exitCode()).isZero();
    var second = run(data, ":as ben\n/respond status\n/respond list\n:react 2 👍\n", "shell");
    assertThat(second.exitCode()).isZero();
    assertThat(second.stdout()).contains("Q1 · Kept across restarts · open").contains("1 member has shared a view")
        .contains("Q1 · Kept across restarts · open, 1 view");
    assertThat(second.stdout()).as("a reaction on the first session's message still counts")
        .contains("[2] edited").contains("👍 2 agree");
  }

  @Test
  void anUnreachableRedisUrlStopsStartUpWithOneLineNamingIt() throws Exception {
    var run = run(Map.of("REDIS_URL", "redis://:hunter2secret@127.0.0.1:1"), "", "shell");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().strip().lines()).hasSize(1);
    assertThat(run.stderr()).contains("REDIS_URL=redis://127.0.0.1:1").doesNotContain("hunter2secret");
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void aDataFolderInUseByAnotherChorusIsRefusedInOneLine() throws Exception {
    var folder = Files.createTempDirectory("chorus-taken");
    try (var channel = java.nio.channels.FileChannel.open(folder.resolve(dev.chorus.app.redis.EmbeddedRedis.LOCK_FILE),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.lock()) {
      var run = run(Map.of("CHORUS_DATA_DIR", folder.toString()), "", "shell");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr().strip().lines()).hasSize(1);
      assertThat(run.stderr()).contains("another Chorus is using the data folder").contains("CHORUS_DATA_DIR");
    }
  }

  @Test
  void aRedisLeftBehindByAKilledChorusIsStoppedBeforeANewOneStarts() throws Exception {
    var folder = Files.createTempDirectory("chorus-orphan");
    var java = ProcessHandle.current().info().command().orElse("java");
    var builder = new ProcessBuilder(java, "-jar", JAR.toString(), "shell");
    builder.environment().remove("REDIS_URL");
    builder.environment().put("CHORUS_DATA_DIR", folder.toString());
    var killed = builder.start();
    var pidFile = folder.resolve(dev.chorus.app.redis.EmbeddedRedis.PID_FILE);
    for (int i = 0; i < 300 && !Files.isRegularFile(pidFile); i++) {
      Thread.sleep(50);
    }
    assertThat(pidFile).exists();
    var leftover = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).orElseThrow();
    killed.destroyForcibly().waitFor();
    assertThat(leftover.isAlive()).as("kill -9 of the JVM leaves its redis-server running").isTrue();

    var next = run(Map.of("CHORUS_DATA_DIR", folder.toString()), "/respond list\n", "shell");
    assertThat(next.exitCode()).isZero();
    assertThat(leftover.isAlive()).as("the next Chorus stopped the leftover first").isFalse();
  }

  @Test
  void anUnknownCommandPrintsTheUsageAndFails() throws Exception {
    var run = run("", "dance");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("Unknown command \"dance\"").contains("shell");
  }
}
