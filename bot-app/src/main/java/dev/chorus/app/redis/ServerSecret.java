package dev.chorus.app.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The server secret for anonymous pseudonyms: from the environment;
 * with the embedded Redis, generated once and kept beside its data (owner-only file), so pseudonyms
 * survive restarts; with another Redis it must be given, or anonymous members would change identity
 * on every replica.
 */
public final class ServerSecret {
  static final String FILE = "chorus-secret";

  private ServerSecret() {}

  public static byte[] resolve(@Nullable String configured, boolean embedded, Path dataDir) {
    if (configured != null && !configured.isBlank()) {
      var bytes = configured.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 16) {
        throw new IllegalStateException("CHORUS_SECRET must be at least 16 characters long");
      }
      return bytes;
    }
    if (!embedded) {
      throw new IllegalStateException(
          "CHORUS_SECRET is required when REDIS_URL is set: every replica must compute the same pseudonyms");
    }
    var file = dataDir.resolve(FILE);
    try {
      if (Files.isRegularFile(file)) {
        return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
      }
      Files.createDirectories(dataDir);
      var secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      Files.writeString(file, HexFormat.of().formatHex(secret), StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the file keeps the folder's permissions.
      }
      return secret;
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read or create the server secret in " + dataDir.toAbsolutePath()
          + "; set CHORUS_SECRET instead", e);
    }
  }
}
