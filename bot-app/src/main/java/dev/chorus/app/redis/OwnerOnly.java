package dev.chorus.app.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Folders (0700) and files (0600) that only their owner can open, from the moment they exist: the
 * permissions are given at creation, so there is no moment at the process's umask. On a file system
 * without POSIX permissions they get its defaults.
 */
final class OwnerOnly {
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /** The folder, created 0700 (missing parents too) or narrowed to 0700 if it exists; its real path. */
  static Path folder(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      narrow(dir, FOLDER);
    } else if (posix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
    } else {
      Files.createDirectories(dir);
    }
    return dir.toRealPath();
  }

  /** Creates the file with this content; fails with FileAlreadyExistsException when there is one. */
  static void writeNew(Path file, String content) throws IOException {
    var temp = temporary(file, content);
    try {
      Files.move(temp, file);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Replaces the file whole (readers see the old content or the new, never a part). */
  static void replace(Path file, String content) throws IOException {
    var temp = temporary(file, content);
    try {
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Narrows an existing file to 0600: one written by an earlier version may be readable by others. */
  static void narrowFile(Path file) {
    if (Files.isRegularFile(file)) {
      narrow(file, FILE);
    }
  }

  /** A new owner-only file beside the target, holding the content. */
  private static Path temporary(Path file, String content) throws IOException {
    // An absolute path to a file has a parent: only a root has none.
    var folder = Objects.requireNonNull(file.toAbsolutePath().getParent());
    var prefix = "." + file.getFileName() + "-";
    var temp = Files.createTempFile(folder, prefix, ".tmp", fileAttributes(folder));
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }

  /** What to create a file in this folder with, so it is 0600 from the start. */
  static FileAttribute<?>[] fileAttributes(Path folder) {
    return posix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Best effort: a folder or file owned by someone else cannot be narrowed, and need not stop Chorus,
   * since what it writes there is owner-only anyway.
   */
  private static void narrow(Path path, Set<PosixFilePermission> permissions) {
    if (!posix(path)) {
      return;
    }
    try {
      if (!Files.getPosixFilePermissions(path).equals(permissions)) {
        Files.setPosixFilePermissions(path, permissions);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Left as it is: see above.
    }
  }
}
