package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the real Polis conversations are. Those shipped in {@code examples/polis} are in every clone.
 * More may be kept outside the repository, in the folder {@code -Dchorus.polis.data} names, by default
 * {@code shared/data/polis} next to the clone's own folder; a test that asks for one of those where it
 * is absent skips, saying where it looked. Paths are read from a module's folder, as Maven runs tests.
 */
public final class PolisData {
  /** Shipped with the repository (examples/polis/README.md says where they come from). */
  public static final List<String> SHIPPED = List.of("scoop-hivemind.ubi", "american-assembly.bowling-green");
  /** Not shipped: evaluated in addition where a copy is kept outside the repository. */
  public static final List<String> EXTRA = List.of("15-per-hour-seattle", "vtaiwan.uberx");

  private static final Path EXAMPLES = Path.of("..", "examples", "polis").toAbsolutePath().normalize();

  private PolisData() {}

  /** Every conversation this class knows, shipped first. */
  public static Stream<String> all() {
    return Stream.concat(SHIPPED.stream(), EXTRA.stream());
  }

  /** The shipped conversations and the extra ones that are present. */
  public static List<String> available() {
    return all().filter(name -> SHIPPED.contains(name) || hasVotes(extraFolder().resolve(name))).toList();
  }

  /** The conversation's folder; skips the calling test when it is an extra one and absent. */
  public static Path conversation(String name) {
    if (SHIPPED.contains(name)) {
      var folder = EXAMPLES.resolve(name);
      assertThat(folder.resolve("participants-votes.csv")).as("a conversation shipped with the repository")
          .isRegularFile();
      return folder;
    }
    var folder = extraFolder().resolve(name);
    assumeTrue(hasVotes(folder), "Polis conversation " + name + " is not shipped with the repository and was not"
        + " found at " + folder + " (set -Dchorus.polis.data to the folder holding it); skipping");
    return folder;
  }

  private static Path extraFolder() {
    var configured = System.getProperty("chorus.polis.data");
    return configured != null
        ? Path.of(configured)
        : Path.of("..", "..", "shared", "data", "polis").toAbsolutePath().normalize();
  }

  private static boolean hasVotes(Path folder) {
    return Files.isRegularFile(folder.resolve("participants-votes.csv"));
  }
}
