package dev.chorus.app;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.app.redis.RedisUrl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Before anything starts: when {@code REDIS_URL} names a Redis that cannot be reached, say so in one
 * line that names the setting (never its password) instead of a page of stack trace.
 */
final class RedisPreflight {
  static final int TIMEOUT_MILLIS = 3000;

  private RedisPreflight() {}

  /** What is wrong, or null when the embedded Redis can have its data folder, or REDIS_URL's server answers. */
  static @Nullable String problem(@Nullable String redisUrl, Path dataDir) {
    if (redisUrl == null || redisUrl.isBlank()) {
      return dataFolderInUse(dataDir);
    }
    RedisUrl url;
    try {
      url = RedisUrl.parse(redisUrl);
    } catch (IllegalArgumentException e) {
      return "Chorus cannot start: " + e.getMessage() + ".";
    }
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.host(), url.port()), TIMEOUT_MILLIS);
      return null;
    } catch (IOException e) {
      return "Chorus cannot start: no Redis answers at REDIS_URL=" + url.describe() + " (" + e.getMessage()
          + "). Start Redis there, fix REDIS_URL, or unset it to use the embedded Redis.";
    }
  }

  private static @Nullable String dataFolderInUse(Path dataDir) {
    return EmbeddedRedis.folderInUse(dataDir)
        ? "Chorus cannot start: another Chorus is using the data folder " + dataDir.toAbsolutePath()
            + " (CHORUS_DATA_DIR). Stop it, or set CHORUS_DATA_DIR to another folder."
        : null;
  }
}
