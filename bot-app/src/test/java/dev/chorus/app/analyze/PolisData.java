package dev.chorus.app.analyze;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared Polis conversations are; tests that need them skip, saying why, where they are absent. */
final class PolisData {
  static final String[] CONVERSATIONS = {
      "15-per-hour-seattle", "scoop-hivemind.ubi", "vtaiwan.uberx", "american-assembly.bowling-green"};

  private PolisData() {}

  static Path folder() {
    var configured = System.getProperty("chorus.polis.data");
    return configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data", "polis").toAbsolutePath().normalize();
  }

  static Path conversation(String name) {
    var folder = folder().resolve(name);
    assumeTrue(Files.isRegularFile(folder.resolve("participants-votes.csv")),
        "Polis data not found at " + folder + " (set -Dchorus.polis.data to its folder); skipping");
    return folder;
  }
}
