package dev.chorus.app.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;

/**
 * A real {@code redis-server} (from the embedded-redis jar) on a free loopback port, with the
 * append-only file on ({@code appendfsync everysec}) in the data folder, so a local Chorus keeps its
 * state across restarts with nothing installed. Stopped with the application.
 *
 * <p>The data folder is its owner's only (0700), and so is every file in it: Chorus creates its own
 * 0600, and the server runs under umask 077. Other local users can still reach the port, so the
 * server asks for a password, generated once and kept in the folder, never on a command line; and
 * the commands that could write files elsewhere, load code or copy another server's data are unknown
 * to it.
 */
public final class EmbeddedRedis implements AutoCloseable {
  /** Held while a Chorus runs an embedded Redis on the folder. */
  public static final String LOCK_FILE = "chorus.lock";
  /** The embedded redis-server's pid, then its command line: how a leftover one is told ({@link ServerRecord}). */
  public static final String PID_FILE = "redis.pid";
  /** The server's settings, password included, written at each start. */
  static final String CONFIG_FILE = "redis.conf";
  /** The password the server asks for, generated at the first start. */
  static final String PASSWORD_FILE = "redis-password";
  /**
   * Renamed to nothing: {@code CONFIG SET dir} with {@code SAVE} writes files anywhere as Chorus,
   * {@code MODULE LOAD} runs code, {@code DEBUG} can crash the server, {@code REPLICAOF} replaces the
   * data with another server's. Neither Chorus, Lettuce nor Spring's health check uses them.
   */
  static final List<String> DISABLED_COMMANDS = List.of("CONFIG", "DEBUG", "MODULE", "REPLICAOF", "SLAVEOF");
  static final String APPEND_ONLY_FILE = "chorus.aof";
  static final String SNAPSHOT_FILE = "chorus.rdb";
  private static final Pattern WELL_FORMED_PASSWORD = Pattern.compile("[0-9a-f]{32,}");

  /** The redis-server binary taken out of the embedded-redis jar, once per JVM. */
  private static java.io.@Nullable File extracted;

  private final RedisServerProcess server;
  private final int port;
  private final String password;
  private final Path dataDir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private EmbeddedRedis(RedisServerProcess server, int port, String password, Path dataDir, FileChannel lockChannel,
      FileLock lock) {
    this.server = server;
    this.port = port;
    this.password = password;
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
    return start(dataDir, port, false);
  }

  /**
   * A node of a Redis Cluster on loopback, for the cluster tests: cluster mode on, its state in the
   * folder, and the folder's password asked of clients and of the other nodes alike (so a test gives
   * every node the same one). It holds no slots until it is given some.
   *
   * @param password the cluster's password: 64 hexadecimal digits
   */
  public static EmbeddedRedis startClusterNode(Path dataDir, int port, String password) {
    if (!WELL_FORMED_PASSWORD.matcher(password).matches()) {
      throw new IllegalArgumentException("a node's password is 64 hexadecimal digits");
    }
    try {
      OwnerOnly.replace(OwnerOnly.folder(dataDir).resolve(PASSWORD_FILE), password);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the node's password", e);
    }
    return start(dataDir, port, true);
  }

  private static EmbeddedRedis start(Path dataDir, int port, boolean clusterNode) {
    FileChannel channel = null;
    String password = null;
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
        ServerRecord.stopLeftover(folder, lock);
        // Files an earlier version wrote at the default umask.
        OwnerOnly.narrowFile(folder.resolve(APPEND_ONLY_FILE));
        OwnerOnly.narrowFile(folder.resolve(SNAPSHOT_FILE));
        password = password(folder);
        var config = folder.resolve(CONFIG_FILE);
        OwnerOnly.replace(config, config(folder, port, password, clusterNode));
        var server = RedisServerProcess.start(binary(), config, folder);
        try {
          ServerRecord.of(server.pid()).write(folder.resolve(PID_FILE));
        } catch (IOException | RuntimeException e) {
          server.close();
          throw e;
        }
        return new EmbeddedRedis(server, port, password, dataDir, channel, lock);
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
      var problem = "could not start the embedded Redis in " + dataDir.toAbsolutePath()
          + " (set REDIS_URL to use another Redis): " + e.getMessage();
      if (password != null && problem.contains(password)) {
        // The server's output, quoted in the message, could show a line of its settings.
        var hidden = problem.replace(password, "(password hidden)");
        throw new UncheckedIOException(hidden, new IOException(hidden));
      }
      throw new UncheckedIOException(problem, e);
    }
  }

  /** The folder's password: 256 random bits in hexadecimal, generated at the first start. */
  private static String password(Path folder) throws IOException {
    var file = folder.resolve(PASSWORD_FILE);
    if (Files.isRegularFile(file)) {
      OwnerOnly.narrowFile(file);
      var kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (WELL_FORMED_PASSWORD.matcher(kept).matches()) {
        return kept;
      }
    }
    // None yet, or a damaged one: only this Chorus uses the server, and it holds the folder's lock.
    var bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    var password = HexFormat.of().formatHex(bytes);
    OwnerOnly.replace(file, password);
    return password;
  }

  private static String config(Path folder, int port, String password, boolean clusterNode) {
    var lines = new ArrayList<>(List.of(
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
        "requirepass " + password));
    if (clusterNode) {
      lines.addAll(List.of("cluster-enabled yes", "cluster-config-file nodes.conf", "cluster-node-timeout 5000",
          "masterauth " + password));
    }
    for (var command : DISABLED_COMMANDS) {
      lines.add("rename-command " + command + " \"\"");
    }
    lines.add("");
    return String.join("\n", lines);
  }

  /** A value for redis.conf, whatever characters the path has. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
  }

  /** The redis-server shipped in the embedded-redis jar, written out once per JVM. */
  private static synchronized Path binary() throws IOException {
    if (extracted == null || !extracted.canExecute()) {
      extracted = ExecutableProvider.newJarResourceProvider().get();
    }
    return extracted.toPath();
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

  /** Where the server is, with its password. */
  public RedisUrl url() {
    return new RedisUrl(false, "127.0.0.1", port, null, password, 0);
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
