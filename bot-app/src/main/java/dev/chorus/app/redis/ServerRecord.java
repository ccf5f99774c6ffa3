package dev.chorus.app.redis;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a data folder records of its embedded {@code redis-server} ({@link EmbeddedRedis#PID_FILE}: the
 * pid on the first line, the command line on the second), and what that proves when Chorus starts
 * again.
 *
 * <p>A Chorus killed outright leaves its server appending to the folder's files: it must stop before
 * another starts on them. But a copy of a running Chorus's folder carries that Chorus's record, so the
 * record alone proves nothing. A server is stopped only when its pid and command line are the
 * recorded ones (not a process that got the pid since), its working directory is this folder's real
 * path (redis-server moves into its {@code dir}; a copy's original works elsewhere), and no running
 * Chorus holds this folder's lock (the caller holds it).
 *
 * @param commandLine empty in a record written by an earlier version, which kept only the pid
 */
record ServerRecord(long pid, String commandLine) {

  /** The server as it runs now. */
  static ServerRecord of(long pid) {
    return new ServerRecord(pid, commandLine(pid).orElse(""));
  }

  void write(Path file) throws IOException {
    OwnerOnly.replace(file, pid + "\n" + commandLine + "\n");
  }

  static Optional<ServerRecord> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    try {
      return Optional.of(new ServerRecord(Long.parseLong(lines.get(0).strip()), lines.size() > 1 ? lines.get(1) : ""));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /**
   * Stops the server the folder records if it was left running on this folder, then forgets the
   * record.
   *
   * @param folder the data folder's real path
   * @param folderLock this folder's lock, held by the caller: no other Chorus uses the folder
   * @throws IllegalStateException when a recorded server still runs and Chorus cannot tell whether
   *     it works on this folder, or it will not stop
   */
  static void stopLeftover(Path folder, FileLock folderLock) throws IOException {
    if (!folderLock.isValid()) {
      throw new IllegalStateException("the data folder's lock must be held to look for a leftover server");
    }
    var file = folder.resolve(EmbeddedRedis.PID_FILE);
    var record = read(file);
    if (record.isPresent()) {
      record.get().stopIfLeftOn(folder, file);
    }
    Files.deleteIfExists(file);
  }

  private void stopIfLeftOn(Path folder, Path file) {
    var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return;
    }
    if (!commandLine.isEmpty() && !commandLine.equals(commandLine(pid).orElse(null))) {
      // Another process got the pid since.
      return;
    }
    var directory = workingDirectory(pid);
    if (directory.isEmpty()) {
      if (process.get().isAlive()) {
        throw new IllegalStateException("the redis-server recorded in " + file + " (process " + pid
            + ") may still be running, and Chorus cannot tell which folder it works on: stop it, or delete "
            + file + " if it is not this folder's");
      }
      return;
    }
    if (!directory.get().equals(folder)) {
      // The server of the folder this one was copied from, or an unrelated process.
      return;
    }
    if (commandLine.isEmpty()) {
      throw new IllegalStateException("process " + pid + ", recorded in " + file + " by an earlier Chorus, still "
          + "runs in this folder; if it is that Chorus's redis-server, stop it, else delete " + file);
    }
    stop(process.get(), folder);
  }

  private static void stop(ProcessHandle leftover, Path folder) {
    try {
      leftover.destroy();
      try {
        leftover.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        leftover.destroyForcibly();
        leftover.onExit().get(5, TimeUnit.SECONDS);
      }
    } catch (TimeoutException | ExecutionException e) {
      // Said below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (leftover.isAlive()) {
      throw new IllegalStateException("could not stop the redis-server left running on " + folder + " (process "
          + leftover.pid() + ")");
    }
  }

  /** What {@code ps} shows, one line (redis-server puts its address in it once started). */
  static Optional<String> commandLine(long pid) {
    try {
      var text = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ').replace('\n', ' ').strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException e) {
      // No /proc: the JDK asks the system.
      return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).map(line -> line.replace('\n', ' ').strip());
    }
  }

  /** Where the process works, when the system says (Linux's /proc); its real path. */
  private static Optional<Path> workingDirectory(long pid) {
    try {
      return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }
}
