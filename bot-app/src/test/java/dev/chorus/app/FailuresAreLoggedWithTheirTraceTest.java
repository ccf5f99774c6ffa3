package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One rule for logging a failure, in every module's main code: through {@code Failures.log}, with its
 * stack trace and without its message. A log line that names a failure by its class (trace dropped) or
 * prints its message (which may quote a member) breaks it.
 */
class FailuresAreLoggedWithTheirTraceTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> MODULES = List.of("bot-core", "bot-app", "shell-adapter", "slack-adapter",
      "discord-adapter");
  /** A logging call that names a failure by its class, or passes a failure's message. */
  private static final Pattern DROPS_THE_TRACE = Pattern.compile(
      "(LOG\\.log|\\.(warn|error|info)\\()[^;]*(getClass\\(\\)\\.getSimpleName\\(\\)|\\b(e|failure|error)\\.getMessage\\(\\))");

  @Test
  void noMainCodeLogsAFailureWithoutItsTraceOrWithItsMessage() throws IOException {
    var breaking = new ArrayList<String>();
    for (var module : MODULES) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          var where = ROOT.relativize(file).toString().replace('\\', '/');
          // Joined, so a call split over lines is read whole up to its semicolon.
          var code = String.join(" ", Files.readAllLines(file));
          var matcher = DROPS_THE_TRACE.matcher(code);
          while (matcher.find()) {
            breaking.add(where + ": " + matcher.group());
          }
        }
      }
    }
    assertThat(breaking).isEmpty();
  }
}
