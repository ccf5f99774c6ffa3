package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: its README, its examples, its build files and its main code never
 * send a reader to material outside it. Only tests may look for optional extra data, and skip without it.
 */
class StandsOnItsOwnTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> SKIPPED = Set.of(".git", "target", ".mvn", "node_modules");
  private static final List<String> OUTSIDE = List.of("../shared", "DESIGN §", "DESIGN.md");

  private static boolean text(Path file) {
    var name = file.getFileName().toString();
    return name.endsWith(".java") || name.endsWith(".md") || name.endsWith(".xml") || name.endsWith(".properties")
        || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".txt") || name.equals("Dockerfile")
        || name.endsWith(".sh") || name.equals("run");
  }

  /** Build output, version control and test code (which may look for optional data and skip) are not read. */
  private static boolean read(Path file) {
    var segments = List.of(ROOT.relativize(file).toString().replace('\\', '/').split("/"));
    return segments.stream().noneMatch(SKIPPED::contains) && !String.join("/", segments).contains("src/test/");
  }

  @Test
  void nothingOutsideTheTestsPointsOutsideTheRepository() throws IOException {
    var pointing = new ArrayList<String>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (var file : files.filter(Files::isRegularFile).filter(StandsOnItsOwnTest::text)
          .filter(StandsOnItsOwnTest::read).toList()) {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          for (var outside : OUTSIDE) {
            if (lines.get(i).contains(outside)) {
              pointing.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(pointing).as("lines that send a reader outside the repository").isEmpty();
  }

  @Test
  void theReadmesAnalyzeExamplesAreShipped() throws IOException {
    var readme = Files.readString(ROOT.resolve("README.md"));
    for (var conversation : List.of("examples/polis/scoop-hivemind.ubi", "examples/polis/american-assembly.bowling-green")) {
      assertThat(readme).contains("analyze --polis " + conversation);
      assertThat(ROOT.resolve(conversation).resolve("participants-votes.csv")).isRegularFile();
      assertThat(ROOT.resolve(conversation).resolve("comments.csv")).isRegularFile();
    }
    assertThat(Files.readString(ROOT.resolve("examples/polis/README.md"))).contains("CC BY 4.0")
        .contains("The Computational Democracy Project");
  }
}
