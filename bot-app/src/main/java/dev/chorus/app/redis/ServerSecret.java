package dev.chorus.app.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
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
      OwnerOnly.folder(dataDir);
      if (!Files.isRegularFile(file)) {
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
          OwnerOnly.writeNew(file, HexFormat.of().formatHex(secret));
          return secret;
        } catch (FileAlreadyExistsException e) {
          // Another start wrote one first: use it.
        }
      }
      OwnerOnly.narrowFile(file);
      return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the server secret in " + dataDir.toAbsolutePath()
          + "; set CHORUS_SECRET instead", e);
    } catch (IllegalArgumentException e) {
      // Not chained: the parser's message quotes the file's content.
      throw new IllegalStateException("the server secret file " + file.toAbsolutePath()
          + " is not hexadecimal; restore it, or set CHORUS_SECRET instead");
    }
  }
}
