package dev.chorus.app.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} child process on a config file. Started through {@code /bin/sh} under umask
 * 077, so every file it creates (the append-only file again at each rewrite, the snapshot) is its
 * owner's only; where there is no such shell, started directly and protected by its 0700 folder.
 * Ready once it says so; stopped on close, and when the JVM exits.
 */
final class RedisServerProcess implements AutoCloseable {
  private static final String READY = "Ready to accept connections";
  private static final Path SHELL = Path.of("/bin/sh");
  /** The last lines of output shown when the server stops before it is ready. */
  private static final int LINES_KEPT = 10;

  private final Process process;
  private final Thread stopOnExit;

  private RedisServerProcess(Process process, Thread stopOnExit) {
    this.process = process;
    this.stopOnExit = stopOnExit;
  }

  static RedisServerProcess start(Path binary, Path config, Path workingDir) throws IOException {
    // exec: the shell becomes redis-server, so the process started is the server, same pid.
    var command = Files.isExecutable(SHELL)
        ? List.of(SHELL.toString(), "-c", "umask 077 && exec \"$0\" \"$1\"", binary.toString(), config.toString())
        : List.of(binary.toString(), config.toString());
    var process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
    var stopOnExit = new Thread(() -> stop(process), "embedded-redis-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    var server = new RedisServerProcess(process, stopOnExit);
    try {
      awaitReady(process);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Reads the server's output until it is ready, then keeps reading it so a full pipe never blocks it. */
  private static void awaitReady(Process process) throws IOException {
    var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    var lastLines = new ArrayDeque<String>();
    for (var line = output.readLine(); line != null; line = output.readLine()) {
      if (line.contains(READY)) {
        var drain = new Thread(() -> discard(output), "embedded-redis-output");
        drain.setDaemon(true);
        drain.start();
        return;
      }
      lastLines.addLast(line.strip());
      if (lastLines.size() > LINES_KEPT) {
        lastLines.removeFirst();
      }
    }
    throw new IOException("redis-server stopped before it was ready: " + String.join(" / ", lastLines));
  }

  private static void discard(BufferedReader output) {
    try (output) {
      while (output.readLine() != null) {
        // The server logs to its output; nobody reads it after start.
      }
    } catch (IOException | UncheckedIOException e) {
      // The server stopped.
    }
  }

  long pid() {
    return process.pid();
  }

  /**
   * Stops the server the way it saves everything: in {@code appendfsync everysec} a write it
   * acknowledged may still wait in its buffer while a slow disk finishes the previous fsync, and
   * SIGTERM makes it write and sync the append-only file before it exits. Killed if it takes too long.
   */
  @Override
  public void close() {
    stop(process);
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException e) {
      // The JVM is already exiting: the hook runs, harmlessly, on a stopped process.
    }
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
