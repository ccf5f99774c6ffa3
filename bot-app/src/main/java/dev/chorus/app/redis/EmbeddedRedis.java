package dev.chorus.app.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;

/**
 * A real {@code redis-server} (from the embedded-redis jar) on a free loopback port, with the
 * append-only file on ({@code appendfsync everysec}) in the data folder, so a local Chorus keeps its
 * state across restarts with nothing installed. Stopped with the application.
 *
 * <p>The data folder is its owner's only (0700), and so is every file in it: Chorus creates its own
 * 0600, and the server runs under umask 077.
 */
public final class EmbeddedRedis implements AutoCloseable {
  /** Held while a Chorus runs an embedded Redis on the folder. */
  public static final String LOCK_FILE = "chorus.lock";
  /** The embedded redis-server's process id, so a leftover one can be found. */
  public static final String PID_FILE = "redis.pid";
  /** The server's settings, written at each start. */
  static final String CONFIG_FILE = "redis.conf";
  static final String APPEND_ONLY_FILE = "chorus.aof";
  static final String SNAPSHOT_FILE = "chorus.rdb";

  private final RedisServerProcess server;
  private final int port;
  private final Path dataDir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private EmbeddedRedis(RedisServerProcess server, int port, Path dataDir, FileChannel lockChannel, FileLock lock) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  public static EmbeddedRedis start(Path dataDir) {
    try {
      return start(dataDir, freePort());
    } catch (IOException e) {
      throw new UncheckedIOException("could not find a free port for the embedded Redis", e);
    }
  }

  /** Starts on the given port, for instance to come back where clients are reconnecting to. */
  public static EmbeddedRedis start(Path dataDir, int port) {
    FileChannel channel = null;
    try {
      var folder = OwnerOnly.folder(dataDir);
      // Two servers appending to one file would corrupt it: one Chorus per data folder.
      channel = FileChannel.open(folder.resolve(LOCK_FILE),
          Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OwnerOnly.fileAttributes(folder));
      var lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("another Chorus is using the data folder " + dataDir.toAbsolutePath()
            + "; stop it, or set CHORUS_DATA_DIR to another folder");
      }
      try {
        stopLeftover(folder);
        // Files an earlier version wrote at the default umask.
        OwnerOnly.narrowFile(folder.resolve(APPEND_ONLY_FILE));
        OwnerOnly.narrowFile(folder.resolve(SNAPSHOT_FILE));
        var config = folder.resolve(CONFIG_FILE);
        OwnerOnly.replace(config, config(folder, port));
        var server = RedisServerProcess.start(binary(), config, folder);
        try {
          OwnerOnly.replace(folder.resolve(PID_FILE), String.valueOf(server.pid()));
        } catch (IOException | RuntimeException e) {
          server.close();
          throw e;
        }
        return new EmbeddedRedis(server, port, dataDir, channel, lock);
      } catch (IOException | RuntimeException e) {
        lock.release();
        channel.close();
        throw e;
      }
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new IllegalStateException("this process already runs a Chorus on the data folder " + dataDir.toAbsolutePath(), e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("could not start the embedded Redis in " + dataDir.toAbsolutePath()
          + " (set REDIS_URL to use another Redis): " + e.getMessage(), e);
    }
  }

  private static String config(Path folder, int port) {
    return String.join("\n",
        "# Written by Chorus at each start of its embedded Redis: changes here are lost.",
        "bind 127.0.0.1",
        "port " + port,
        "protected-mode yes",
        "daemonize no",
        "dir " + quoted(folder.toString()),
        "appendonly yes",
        "appendfsync everysec",
        "appendfilename " + APPEND_ONLY_FILE,
        "dbfilename " + SNAPSHOT_FILE,
        "save 900 1",
        "");
  }

  /** A value for redis.conf, whatever characters the path has. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
  }

  private static java.io.@Nullable File extracted;

  /** The redis-server shipped in the embedded-redis jar, written out once per JVM. */
  private static synchronized Path binary() throws IOException {
    if (extracted == null || !extracted.canExecute()) {
      extracted = ExecutableProvider.newJarResourceProvider().get();
    }
    return extracted.toPath();
  }

  /**
   * A server left running by a Chorus that was killed outright still appends to this folder's files;
   * it must stop before another starts on them.
   */
  private static void stopLeftover(Path dataDir) throws IOException {
    var pidFile = dataDir.resolve(PID_FILE);
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    try {
      var pid = Long.parseLong(Files.readString(pidFile).strip());
      var leftover = ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").contains("redis-server"));
      if (leftover.isPresent()) {
        leftover.get().destroy();
        leftover.get().onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (NumberFormatException | ExecutionException | TimeoutException e) {
      // An unreadable pid file or a process that will not stop: the new server's start will say what is wrong.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(pidFile);
  }

  /** Whether another process holds the folder's lock: its embedded Redis appends to the same files. */
  public static boolean folderInUse(Path dataDir) {
    var lockFile = dataDir.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      var lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (IOException | OverlappingFileLockException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    try {
      server.close();
      Files.deleteIfExists(dataDir.resolve(PID_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop the embedded Redis", e);
    } finally {
      try {
        lock.release();
      } catch (IOException e) {
        // The lock goes with the channel anyway.
      }
      closeQuietly(lockChannel);
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing left to release.
      }
    }
  }
}
