package dev.chorus.app.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A redis-server still running when Chorus starts on a folder is stopped only when it is this
 * folder's own, left behind by a Chorus that was killed: never the server of the folder this one was
 * copied from, nor a process that got the recorded pid since.
 */
class EmbeddedRedisLeftoverTest {
  @TempDir
  Path original;

  @TempDir
  Path copy;

  private static long recordedPid(Path folder) throws Exception {
    return Long.parseLong(Files.readAllLines(folder.resolve(EmbeddedRedis.PID_FILE)).get(0).strip());
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void assertServes(Path folder, int port) throws Exception {
    try (var client = new RawRedis(port)) {
      assertThat(client.call("AUTH", Files.readString(folder.resolve("redis-password")).strip())).isEqualTo("+OK");
      assertThat(client.call("GET", "chorus:probe")).isEqualTo("original");
    }
  }

  @Test
  void startingOnACopyOfARunningChorussFolderLeavesTheOriginalServerRunning() throws Exception {
    try (var running = EmbeddedRedis.start(original)) {
      long pid = recordedPid(original);
      try (var client = new RawRedis(running.port())) {
        assertThat(client.call("AUTH", Files.readString(original.resolve("redis-password")).strip())).isEqualTo("+OK");
        assertThat(client.call("SET", "chorus:probe", "original")).isEqualTo("+OK");
      }
      // A backup taken while it runs: pid file, password, settings, append-only file and all.
      try (var files = Files.list(original)) {
        for (var file : files.toList()) {
          Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }

      try (var second = EmbeddedRedis.start(copy)) {
        assertThat(alive(pid)).as("the original's redis-server, after a Chorus started on the copy").isTrue();
        assertServes(original, running.port());
        assertThat(recordedPid(copy)).as("the copy's own server").isNotEqualTo(pid);
      }
      assertThat(alive(pid)).as("the original's redis-server, after the copy's Chorus stopped").isTrue();
      assertServes(original, running.port());
    }
  }

  @Test
  void aProcessThatGotTheRecordedPidIsLeftAlone() throws Exception {
    // A process named like the server, working in the folder, under the recorded pid: not the server recorded.
    var impostor = Files.copy(Path.of("/bin/sleep"), copy.resolve("redis-server"));
    var process = new ProcessBuilder(impostor.toString(), "60").directory(original.toFile()).start();
    try {
      Files.writeString(original.resolve(EmbeddedRedis.PID_FILE),
          process.pid() + "\n/tmp/redis-1/redis-server-6.2.6-v5-linux-amd64 127.0.0.1:6379\n");

      try (var started = EmbeddedRedis.start(original)) {
        assertThat(process.isAlive()).as("the process that got the recorded pid").isTrue();
        assertThat(recordedPid(original)).isNotEqualTo(process.pid());
      }
    } finally {
      process.destroyForcibly().waitFor();
    }
  }

  @Test
  void aPidOnlyRecordOfAnEarlierVersionNamingAProcessInThisFolderIsRefusedNotStopped() throws Exception {
    // Without a recorded command line, nothing tells that this is the folder's server: ask, do not kill.
    var impostor = Files.copy(Path.of("/bin/sleep"), copy.resolve("redis-server"));
    var process = new ProcessBuilder(impostor.toString(), "60").directory(original.toFile()).start();
    try {
      Files.writeString(original.resolve(EmbeddedRedis.PID_FILE), process.pid() + "\n");

      assertThatThrownBy(() -> EmbeddedRedis.start(original).close()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("process " + process.pid()).hasMessageContaining("stop it");
      assertThat(process.isAlive()).as("the process the record names").isTrue();
      assertThat(EmbeddedRedis.folderInUse(original)).as("the folder's lock, let go").isFalse();
    } finally {
      process.destroyForcibly().waitFor();
    }
  }

  @Test
  void aFolderInUseIsRefusedAndItsServerKeepsRunning() throws Exception {
    try (var running = EmbeddedRedis.start(original)) {
      long pid = recordedPid(original);
      assertThatThrownBy(() -> EmbeddedRedis.start(original)).isInstanceOf(IllegalStateException.class);
      assertThat(alive(pid)).isTrue();
      assertThat(recordedPid(original)).isEqualTo(pid);
    }
  }

  /** Starts an embedded Redis and keeps it, until killed: a Chorus that {@code kill -9} will stop. */
  public static final class KeepsRunning {
    public static void main(String[] args) throws Exception {
      EmbeddedRedis.start(Path.of(args[0]));
      System.out.println("started");
      System.out.flush();
      Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }
  }

  @Test
  void theServerOfAKilledChorusOnThisFolderIsStoppedBeforeANewOneStarts() throws Exception {
    var java = ProcessHandle.current().info().command().orElse("java");
    var killed = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), KeepsRunning.class.getName(),
        original.toString())).redirectErrorStream(true).start();
    long leftover;
    try (var output = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(output.lines().filter(line -> line.equals("started")).findFirst()).as("the first Chorus started").isPresent();
      leftover = recordedPid(original);
      killed.destroyForcibly().waitFor();
    }
    assertThat(alive(leftover)).as("kill -9 of the JVM leaves its redis-server running").isTrue();

    try (var next = EmbeddedRedis.start(original)) {
      assertThat(alive(leftover)).as("the leftover was stopped first").isFalse();
      assertThat(recordedPid(original)).isNotEqualTo(leftover);
    }
  }
}
