package dev.chorus.app.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} (from the embedded-redis jar) on a free loopback port, with the
 * append-only file on ({@code appendfsync everysec}) in the data folder, so a local Chorus keeps its
 * state across restarts with nothing installed. Stopped with the application.
 */
public final class EmbeddedRedis implements AutoCloseable {
  /** Held while a Chorus runs an embedded Redis on the folder. */
  public static final String LOCK_FILE = "chorus.lock";
  /** The embedded redis-server's process id, so a leftover one can be found. */
  public static final String PID_FILE = "redis.pid";

  private final RedisServer server;
  private final int port;
  private final Path dataDir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private EmbeddedRedis(RedisServer server, int port, Path dataDir, FileChannel lockChannel, FileLock lock) {
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
      Files.createDirectories(dataDir);
      // Two servers appending to one file would corrupt it: one Chorus per data folder.
      channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      var lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("another Chorus is using the data folder " + dataDir.toAbsolutePath()
            + "; stop it, or set CHORUS_DATA_DIR to another folder");
      }
      var server = RedisServer.newRedisServer()
          .bind("127.0.0.1")
          .port(port)
          .setting("dir " + dataDir.toAbsolutePath())
          .setting("appendonly yes")
          .setting("appendfsync everysec")
          .setting("appendfilename chorus.aof")
          .setting("dbfilename chorus.rdb")
          .setting("save 900 1")
          .setting("protected-mode yes")
          .setting("daemonize no")
          .onShutdownForceStop(true)
          .build();
      stopLeftover(dataDir);
      try {
        server.start();
        recordPid(dataDir);
      } catch (IOException | RuntimeException e) {
        lock.release();
        channel.close();
        throw e;
      }
      return new EmbeddedRedis(server, port, dataDir, channel, lock);
    } catch (java.nio.channels.OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new IllegalStateException("this process already runs a Chorus on the data folder " + dataDir.toAbsolutePath(), e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("could not start the embedded Redis in " + dataDir.toAbsolutePath()
          + " (set REDIS_URL to use another Redis): " + e.getMessage(), e);
    }
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
        leftover.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (NumberFormatException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // An unreadable pid file or a process that will not stop: the new server's start will say what is wrong.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(pidFile);
  }

  /** The server is this process's child: the newest redis-server among them. */
  private static void recordPid(Path dataDir) throws IOException {
    var child = ProcessHandle.current().children()
        .filter(p -> p.info().command().orElse("").contains("redis-server"))
        .max(java.util.Comparator.comparing(p -> p.info().startInstant().orElse(java.time.Instant.EPOCH)));
    if (child.isPresent()) {
      Files.writeString(dataDir.resolve(PID_FILE), String.valueOf(child.get().pid()));
    }
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
    } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
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
      server.stop();
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
