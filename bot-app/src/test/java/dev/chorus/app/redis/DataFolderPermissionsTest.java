package dev.chorus.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder holds the secret and every member's votes: nobody but its owner may open it or its files. */
class DataFolderPermissionsTest {
  private static final String OWNER_ONLY_FOLDER = "rwx------";
  private static final String OWNER_ONLY_FILE = "rw-------";

  @TempDir
  Path parent;

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void theGeneratedSecretAndItsFolderAreTheOwnersOnly() throws Exception {
    var data = parent.resolve("data");

    ServerSecret.resolve(null, true, data);

    assertThat(permissions(data)).as("the data folder").isEqualTo(OWNER_ONLY_FOLDER);
    assertThat(permissions(data.resolve("chorus-secret"))).as("the secret file").isEqualTo(OWNER_ONLY_FILE);
  }

  @Test
  void theEmbeddedRedisFolderAndFilesAreTheOwnersOnlyAlsoAfterTheAppendOnlyFileIsRewritten() throws Exception {
    var data = parent.resolve("data");
    try (var redis = EmbeddedRedis.start(data)) {
      assertThat(permissions(data)).as("the data folder").isEqualTo(OWNER_ONLY_FOLDER);
      try (var files = Files.list(data)) {
        for (var file : files.toList()) {
          assertThat(permissions(file)).as(file.getFileName().toString()).isEqualTo(OWNER_ONLY_FILE);
        }
      }
      var appendOnly = data.resolve("chorus.aof");
      var before = Files.getAttribute(appendOnly, "unix:ino");

      try (var client = new RawRedis(redis.port())) {
        assertThat(client.call("AUTH", Files.readString(data.resolve("redis-password")).strip())).isEqualTo("+OK");
        assertThat(client.call("SET", "k", "v")).isEqualTo("+OK");
        assertThat(client.call("BGREWRITEAOF")).startsWith("+Background append only file rewriting");
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!client.call("INFO", "persistence").contains("aof_rewrite_in_progress:0\r\naof_rewrite_scheduled:0")
            || Files.getAttribute(appendOnly, "unix:ino").equals(before)) {
          assertThat(System.nanoTime()).as("the rewrite is done in time").isLessThan(deadline);
          Thread.sleep(50);
        }
      }

      assertThat(permissions(appendOnly)).as("the append-only file redis-server wrote anew").isEqualTo(OWNER_ONLY_FILE);
      var pid = Files.readAllLines(data.resolve(EmbeddedRedis.PID_FILE)).get(0).strip();
      assertThat(Files.readAllLines(Path.of("/proc", pid, "status"))).as("the server's umask")
          .contains("Umask:\t0077");
    }
  }

  @Test
  void anExistingDataFolderAndAppendOnlyFileOpenToOthersAreNarrowed() throws Exception {
    var data = Files.createDirectory(parent.resolve("data"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    var appendOnly = Files.writeString(data.resolve("chorus.aof"), "");
    Files.setPosixFilePermissions(appendOnly, PosixFilePermissions.fromString("rw-r--r--"));

    try (var redis = EmbeddedRedis.start(data)) {
      assertThat(permissions(data)).as("the data folder").isEqualTo(OWNER_ONLY_FOLDER);
      assertThat(permissions(appendOnly)).as("the append-only file").isEqualTo(OWNER_ONLY_FILE);
    }
  }
}
