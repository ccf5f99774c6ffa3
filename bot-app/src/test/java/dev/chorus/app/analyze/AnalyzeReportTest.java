package dev.chorus.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.testkit.PolisData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --report}: the README's way to a Polis conversation's report. */
class AnalyzeReportTest {
  @TempDir
  Path out;

  @Test
  void writesThePageAndThePdfOfAShippedConversation() throws Exception {
    var folder = PolisData.conversation("scoop-hivemind.ubi").toString();

    var page = run("--polis", folder, "--report", out.resolve("scoop.html").toString());
    var pdf = run("--polis", folder, "--report", out.resolve("scoop.pdf").toString());

    assertThat(page.code()).isZero();
    assertThat(pdf.code()).isZero();
    assertThat(Files.readString(out.resolve("scoop.html"))).contains("scoop-hivemind.ubi").contains("Opinion map");
    assertThat(Files.readAllBytes(out.resolve("scoop.pdf"))).startsWith('%', 'P', 'D', 'F');
    assertThat(page.err()).contains("the report is in " + out.resolve("scoop.html").toAbsolutePath());
  }

  @Test
  void refusesAReportThatIsNeitherAPageNorAPdf() {
    var result = run("--polis", PolisData.conversation("scoop-hivemind.ubi").toString(), "--report", "scoop.docx");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains(".html or .pdf").contains("Usage: analyze --polis");
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code = AnalyzeCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
