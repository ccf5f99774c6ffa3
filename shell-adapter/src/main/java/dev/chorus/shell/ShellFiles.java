package dev.chorus.shell;

import dev.chorus.core.conversation.Effect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the shell puts the files Chorus hands a member. Text (Markdown, JSON, CSV) is printed where
 * it can be read at once; a PDF or a picture would be noise in a terminal, so it is written into a
 * folder and its path printed.
 */
public final class ShellFiles {
  private final Path folder;

  /** @param folder created when the first file is written */
  public ShellFiles(Path folder) {
    this.folder = folder;
  }

  /** Whether a terminal shows this kind of file as it is. */
  public static boolean printable(String mediaType) {
    var type = mediaType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/") && !type.startsWith("text/html") || type.startsWith("application/json");
  }

  /**
   * Writes the file, replacing an older one of the same name (each export is the question as it is
   * now).
   *
   * @return where it is
   */
  public Path write(Effect.Attachment file) throws IOException {
    Files.createDirectories(folder);
    // The name is Chorus's own (chorus-Q3.pdf), but a name is never allowed to leave the folder.
    var name = Path.of(file.fileName()).getFileName();
    var target = folder.resolve(name == null ? "chorus-file" : name.toString()).toAbsolutePath().normalize();
    var written = Files.createTempFile(folder, ".chorus-", ".part");
    Files.write(written, file.content().bytes());
    Files.move(written, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
