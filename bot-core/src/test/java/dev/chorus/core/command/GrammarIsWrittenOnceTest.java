package dev.chorus.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code /respond} grammar is written once: in {@link StandardCommands} and
 * {@link CommandCatalog#SLASH_COMMAND}. A hint or card that spelled a command by hand would keep the
 * old words when a keyword or an option is renamed, and send members to a command that no longer exists.
 */
class GrammarIsWrittenOnceTest {
  private static final Set<String> SKIPPED = Set.of(".git", "target", ".mvn", "node_modules");
  private static final String SLASH = "/respond";

  /** A string literal of main code: where it stands and what it holds, as written between its quotes. */
  record Literal(int line, String text) {}

  @Test
  void noMainCodeSpellsACommandByHand() throws IOException {
    var handWritten = handWritten(root());
    assertThat(handWritten).as(handWritten.size() + " string literals of main code spell a command by hand: "
        + "derive them from StandardCommands and CommandCatalog").isEmpty();
  }

  @Test
  void literalsInCommentsAndJavadocAreNotCode(@TempDir Path clone) throws IOException {
    write(clone.resolve("core/src/main/java/a/Hint.java"),
        "/** Says {@code \"/respond list\"}, in javadoc. */",
        "class Hint {",
        "  // \"/respond status\" in a line comment",
        "  /* \"/respond help\"",
        "     across lines */",
        "  String hint = \"see /respond list\"; // and a comment after it",
        "  String url = \"http://example.org/\"; String later = \"/respond \\\"quoted\\\"\";",
        "  char quote = '\"'; String after = \"/respond after a char\";",
        "  String block = \"\"\"",
        "      /respond in a text block",
        "      \"\"\";",
        "  String commentLike = \"// /respond is no comment inside a string\";",
        "}");
    write(clone.resolve("core/src/main/java/a/CommandCatalog.java"),
        "class CommandCatalog {",
        "  public static final String SLASH_COMMAND = \"/respond\";",
        "  static String other = \"/respond list\";",
        "}");
    write(clone.resolve("core/src/test/java/a/HintTest.java"), "class HintTest { String s = \"/respond list\"; }");
    write(clone.resolve("core/target/generated-sources/a/Gen.java"), "class Gen { String s = \"/respond list\"; }");

    assertThat(handWritten(clone)).containsExactly(
        "core/src/main/java/a/CommandCatalog.java:3: \"/respond list\"",
        "core/src/main/java/a/Hint.java:6: \"see /respond list\"",
        "core/src/main/java/a/Hint.java:7: \"/respond \\\"quoted\\\"\"",
        "core/src/main/java/a/Hint.java:8: \"/respond after a char\"",
        "core/src/main/java/a/Hint.java:9: \"\n      /respond in a text block\n      \"",
        "core/src/main/java/a/Hint.java:12: \"// /respond is no comment inside a string\"");
  }

  /** {@code /respond} then a word: the word, or nothing at the end of a command. */
  private static final Pattern COMMAND = Pattern.compile(Pattern.quote(SLASH) + "(?: (\\S+))?");

  @Test
  void everyCommandInHelpNamesAKeyword() {
    var catalog = CommandCatalog.standard();
    // A bare help line's example is a view: it starts with any word but a keyword.
    var viewExamples = catalog.definitions().stream().flatMap(definition -> definition.help().stream())
        .filter(line -> line.bare() && !line.example().isEmpty())
        .map(line -> line.example().split(" ")[0]).collect(Collectors.toSet());
    var checked = 0;
    var wrong = new ArrayList<String>();
    for (var line : catalog.helpLines()) {
      var matcher = COMMAND.matcher(line);
      while (matcher.find()) {
        checked++;
        var first = matcher.group(1);
        var rest = line.substring(matcher.end()).strip();
        // A question named first: the command follows.
        var word = first != null && first.matches("#Q\\d+") ? (rest.isEmpty() ? null : rest.split("\\s+")[0]) : first;
        var bare = word == null || word.equals("—");
        var placeholder = word != null && word.startsWith("<");
        var keyword = word != null && catalog.find(word).filter(d -> d.keyword().equals(word)).isPresent();
        var view = word != null && viewExamples.contains(word) && catalog.find(word).isEmpty();
        if (!bare && !placeholder && !keyword && !view) {
          wrong.add(word + " in: " + line);
        }
      }
    }
    assertThat(checked).as("commands read in help").isGreaterThanOrEqualTo(catalog.helpLines().size());
    assertThat(wrong).as("help naming a command that does not exist").isEmpty();
    assertThat(viewExamples).isNotEmpty().allSatisfy(word -> assertThat(new CommandParser().parse(SLASH + " " + word))
        .isInstanceOfSatisfying(ParseResult.Parsed.class,
            parsed -> assertThat(parsed.command().command()).isInstanceOf(Command.ShareView.class)));
  }

  /** The folder holding {@code mvnw}, from the working directory up. */
  private static Path root() {
    var dir = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
      assertThat(dir).as("a folder above the working directory holding mvnw").isNotNull();
    }
    return dir;
  }

  /** Every string literal of main code under {@code root} that holds {@code /respond}, as "path:line: literal". */
  static List<String> handWritten(Path root) throws IOException {
    var found = new ArrayList<String>();
    try (Stream<Path> files = Files.walk(root)) {
      for (var file : files.filter(Files::isRegularFile).filter(file -> mainJava(root, file)).sorted().toList()) {
        var where = root.relativize(file).toString().replace('\\', '/');
        var lines = Files.readAllLines(file);
        for (var literal : literals(Files.readString(file))) {
          if (literal.text().contains(SLASH) && !theSlashCommand(file, lines.get(literal.line() - 1), literal)) {
            found.add(where + ":" + literal.line() + ": \"" + literal.text() + "\"");
          }
        }
      }
    }
    return found;
  }

  private static boolean mainJava(Path root, Path file) {
    var relative = root.relativize(file).toString().replace('\\', '/');
    return relative.endsWith(".java") && relative.contains("/src/main/java/")
        && Stream.of(relative.split("/")).noneMatch(SKIPPED::contains);
  }

  /** The one place the slash command is spelled. */
  private static boolean theSlashCommand(Path file, String line, Literal literal) {
    return file.getFileName().toString().equals("CommandCatalog.java") && literal.text().equals(SLASH)
        && line.contains("SLASH_COMMAND =");
  }

  /**
   * The string literals and text blocks of Java source, each with the line it starts on; comments
   * (line, block and javadoc) and character literals are skipped. Escapes are kept as written.
   */
  static List<Literal> literals(String source) {
    var literals = new ArrayList<Literal>();
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (source.startsWith("//", i)) {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(source, i, end);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int start = i + 3;
        int j = start;
        while (j < n && !source.startsWith("\"\"\"", j)) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        literals.add(new Literal(line, source.substring(start, Math.min(j, n))));
        line += count(source, i, Math.min(j, n));
        i = Math.min(j + 3, n);
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        if (c == '"') {
          literals.add(new Literal(line, source.substring(i + 1, Math.min(j, n))));
        }
        i = Math.min(j + 1, n);
      } else {
        i++;
      }
    }
    return literals;
  }

  private static int count(String source, int from, int to) {
    int newlines = 0;
    for (int k = from; k < to; k++) {
      if (source.charAt(k) == '\n') {
        newlines++;
      }
    }
    return newlines;
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(lines));
  }
}
