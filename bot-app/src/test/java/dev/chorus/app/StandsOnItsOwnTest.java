package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository stands on its own: its README, its docs/, its examples, its build files and its main
 * code never send a reader to material outside it, such as design notes kept elsewhere or a folder
 * beside the clone. Only tests may look for optional extra data, and skip without it.
 */
class StandsOnItsOwnTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> SKIPPED = Set.of(".git", "target", ".mvn", "node_modules");
  /** A folder beside the clone, and design notes the repository does not ship, cited by name. */
  private static final List<Pattern> OUTSIDE = List.of(
      Pattern.compile("\\.\\./shared"), Pattern.compile("DESIGN\\s*§"), Pattern.compile("DESIGN\\.md"));
  /** In code, a section sign before a number cites those notes even without their name. */
  private static final Pattern SECTION = Pattern.compile("§\\s*\\d");

  private static boolean text(Path file) {
    var name = file.getFileName().toString();
    return name.endsWith(".java") || name.endsWith(".md") || name.endsWith(".xml") || name.endsWith(".properties")
        || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".txt") || name.equals("Dockerfile")
        || name.endsWith(".sh") || name.equals("run");
  }

  /** Build output, version control and test code (which may look for optional data and skip) are not read. */
  private static boolean read(Path root, Path file) {
    var segments = List.of(root.relativize(file).toString().replace('\\', '/').split("/"));
    return segments.stream().noneMatch(SKIPPED::contains) && !String.join("/", segments).contains("src/test/");
  }

  private static boolean pointsOutside(Path file, String line) {
    return OUTSIDE.stream().anyMatch(outside -> outside.matcher(line).find())
        || (file.getFileName().toString().endsWith(".java") || file.getFileName().toString().endsWith(".md"))
        && SECTION.matcher(line).find();
  }

  /** Every line of the files read under {@code root} that points outside it, as "path:line: text". */
  private static List<String> pointingOutside(Path root) throws IOException {
    var pointing = new ArrayList<String>();
    try (Stream<Path> files = Files.walk(root)) {
      for (var file : files.filter(Files::isRegularFile).filter(StandsOnItsOwnTest::text)
          .filter(file -> read(root, file)).sorted().toList()) {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (pointsOutside(file, lines.get(i))) {
            var where = root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1);
            pointing.add(where + ": " + lines.get(i).strip());
          }
        }
      }
    }
    return pointing;
  }

  @Test
  void nothingOutsideTheTestsPointsOutsideTheRepository() throws IOException {
    assertThat(pointingOutside(ROOT)).as("lines that send a reader outside the repository").isEmpty();
  }

  @Test
  void theDocsAndTheMainCodesCommentsAreRead(@TempDir Path clone) throws IOException {
    // The section sign is written as \u00a7 so that a search of this repository's text finds no citation here.
    var citation = "DESIGN \u00a73.1";
    write(clone.resolve("docs/user-guide.md"), "# Guide", "As " + citation + " says.");
    write(clone.resolve("bot-core/src/main/java/Cited.java"), "/** As " + citation + " says. */", "class Cited {}");
    write(clone.resolve("bot-core/src/main/java/Numbered.java"), "// Steps 1-3 of \u00a75.2.", "class Numbered {}");
    write(clone.resolve("bot-core/src/test/java/CitedTest.java"), "/** As " + citation + " says. */");
    write(clone.resolve("bot-core/target/classes/notes.txt"), "As " + citation + " says.");

    assertThat(pointingOutside(clone)).containsExactly(
        "bot-core/src/main/java/Cited.java:1: /** As " + citation + " says. */",
        "bot-core/src/main/java/Numbered.java:1: // Steps 1-3 of \u00a75.2.",
        "docs/user-guide.md:2: As " + citation + " says.");
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

  /** A Markdown link to a file of the repository: [text](path) or [text](path#anchor), not a web address. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");

  @Test
  void everyLinkInTheReadmeAndTheDocsFindsItsFileAndHeading() throws IOException {
    var documents = new ArrayList<Path>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md"),
        ROOT.resolve("CHANGELOG.md"), ROOT.resolve("examples/polis/README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(d -> d.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    var broken = new ArrayList<String>();
    int links = 0;
    for (var document : documents) {
      var matcher = LINK.matcher(Files.readString(document));
      while (matcher.find()) {
        var target = matcher.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue;
        }
        links++;
        var hash = target.indexOf('#');
        var file = hash == 0 ? document : document.getParent().resolve(hash < 0 ? target : target.substring(0, hash))
            .normalize();
        if (!file.startsWith(ROOT) || !Files.exists(file)) {
          broken.add(ROOT.relativize(document) + ": " + target + " (no such file)");
        } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
          broken.add(ROOT.relativize(document) + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(links).as("links checked").isGreaterThan(20);
    assertThat(broken).as("links that lead nowhere").isEmpty();
  }

  /** The anchors a Markdown renderer gives a file's headings: lower case, punctuation dropped, spaces as dashes. */
  private static Set<String> anchors(Path file) throws IOException {
    var anchors = new java.util.HashSet<String>();
    if (!file.toString().endsWith(".md")) {
      return anchors;
    }
    for (var line : Files.readAllLines(file)) {
      var heading = HEADING.matcher(line);
      if (heading.matches()) {
        anchors.add(heading.group(1).strip().toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(lines));
  }
}
