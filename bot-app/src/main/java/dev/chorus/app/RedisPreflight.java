package dev.chorus.app;

import dev.chorus.app.redis.RedisUrl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

  /** Another Chorus holds the data folder's lock (its embedded Redis appends to the same file). */
  private static @Nullable String dataFolderInUse(Path dataDir) {
    var lockFile = dataDir.resolve("chorus.lock");
    if (!Files.exists(lockFile)) {
      return null;
    }
    try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      var lock = channel.tryLock();
      if (lock == null) {
        return "Chorus cannot start: another Chorus is using the data folder " + dataDir.toAbsolutePath()
            + " (CHORUS_DATA_DIR). Stop it, or set CHORUS_DATA_DIR to another folder.";
      }
      lock.release();
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
