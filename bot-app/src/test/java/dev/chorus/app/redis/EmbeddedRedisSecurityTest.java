package dev.chorus.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.store.RedisFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.core.RedisCallback;

/**
 * Any local user can reach the embedded Redis's port: without the password they get nothing, and
 * with it they still cannot make the server write files elsewhere, load code or take another's data.
 */
class EmbeddedRedisSecurityTest {
  @TempDir
  Path data;

  @TempDir
  Path elsewhere;

  private static String password(Path data) throws Exception {
    var file = data.resolve("redis-password");
    assertThat(file).as("the password file").isRegularFile();
    return Files.readString(file, StandardCharsets.US_ASCII).strip();
  }

  private static String recordedPid(Path data) throws Exception {
    return Files.readAllLines(data.resolve(EmbeddedRedis.PID_FILE)).get(0).strip();
  }

  @Test
  void aConnectionWithoutThePasswordIsRefused() throws Exception {
    try (var redis = EmbeddedRedis.start(data); var stranger = new RawRedis(redis.port())) {
      // Redis names a command it does not know before it asks for the password.
      assertThat(stranger.call("CONFIG", "SET", "dir", elsewhere.toString())).as("CONFIG SET by a stranger")
          .matches("-(NOAUTH|ERR unknown command).*");
      assertThat(stranger.call("GET", "chorus:communities")).startsWith("-NOAUTH");
      assertThat(stranger.call("AUTH", "not-the-password")).startsWith("-WRONGPASS");
      assertThat(stranger.call("PING")).startsWith("-NOAUTH");
    }
  }

  @Test
  void withThePasswordConfigDebugModuleAndReplicaofAreUnknownCommands() throws Exception {
    try (var redis = EmbeddedRedis.start(data); var client = new RawRedis(redis.port())) {
      assertThat(client.call("AUTH", password(data))).isEqualTo("+OK");

      for (var command : new String[][] {{"CONFIG", "SET", "dir", elsewhere.toString()}, {"CONFIG", "SET", "dbfilename", "x"},
          {"CONFIG", "GET", "requirepass"}, {"DEBUG", "SLEEP", "0"}, {"MODULE", "LIST"}, {"REPLICAOF", "127.0.0.1", "1"},
          {"SLAVEOF", "127.0.0.1", "1"}}) {
        assertThat(client.call(command)).as(String.join(" ", command)).startsWith("-ERR unknown command");
      }
      assertThat(client.call("SAVE")).as("a snapshot still goes to the data folder").isEqualTo("+OK");
      assertThat(data.resolve("chorus.rdb")).exists();
      try (var files = Files.list(elsewhere)) {
        assertThat(files).as("files elsewhere").isEmpty();
      }
    }
  }

  @Test
  void thePasswordIsOnNoCommandLine() throws Exception {
    try (var redis = EmbeddedRedis.start(data)) {
      var password = password(data);
      var pid = recordedPid(data);
      var commandLine = Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' ');
      assertThat(commandLine).contains("127.0.0.1:" + redis.port()).doesNotContain(password);
      var ps = new ProcessBuilder("ps", "-ww", "-o", "args=", "-p", pid).redirectErrorStream(true).start();
      var shown = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      ps.waitFor();
      assertThat(shown).contains("redis-server").doesNotContain(password);
    }
  }

  @Test
  void chorusConnectsWithThePasswordAndNoTextShowsIt() throws Exception {
    try (var fixture = new RedisFixture(data)) {
      fixture.redis.opsForValue().set("chorus:probe", "kept");
      assertThat(fixture.redis.opsForValue().get("chorus:probe")).isEqualTo("kept");
      // What Spring's Redis health check asks.
      var info = fixture.redis.execute((RedisCallback<Properties>) connection -> connection.serverCommands().info("server"));
      assertThat(info).containsKey("redis_version");

      var password = password(data);
      var url = RedisServerHandle.embedded(fixture.server).url();
      assertThat(url.password()).isEqualTo(password);
      assertThat(url.toString()).doesNotContain(password).contains("password hidden");
      assertThat(url.describe()).doesNotContain(password);
      assertThat(fixture.server.toString()).doesNotContain(password);
    }
  }
}
