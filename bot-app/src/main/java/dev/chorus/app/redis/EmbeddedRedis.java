package dev.chorus.app.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} (from the embedded-redis jar) on a free loopback port, with the
 * append-only file on ({@code appendfsync everysec}) in the data folder, so a local Chorus keeps its
 * state across restarts with nothing installed. Stopped with the application.
 */
public final class EmbeddedRedis implements AutoCloseable {
  private final RedisServer server;
  private final int port;
  private final Path dataDir;

  private EmbeddedRedis(RedisServer server, int port, Path dataDir) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
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
    try {
      Files.createDirectories(dataDir);
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
      server.start();
      return new EmbeddedRedis(server, port, dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded Redis in " + dataDir.toAbsolutePath()
          + " (set REDIS_URL to use another Redis): " + e.getMessage(), e);
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
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop the embedded Redis", e);
    }
  }
}
