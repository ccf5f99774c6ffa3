package dev.chorus.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.polis.PolisExport;
import dev.chorus.core.report.ReportContent;
import dev.chorus.report.TemplateReports;
import dev.chorus.testkit.PolisData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports as a reader's browser shows them: a real headless Chromium opens the page exported
 * from the example conversation's Q1 and the report of a shipped Polis conversation, takes a
 * full-page screenshot of each (under target/browser), and finds no console message and no request.
 */
class ReportInBrowserIT {
  private static final Path OUT = Path.of("target", "browser").toAbsolutePath();
  private static HeadlessChromium chromium;

  @BeforeAll
  static void startChromium() throws Exception {
    chromium = HeadlessChromium.start();
  }

  @AfterAll
  static void stopChromium() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theExampleQuestionsReportShowsItsTitleOutcomeTallyAndDissent() throws Exception {
    var page = ExampleQuestionOne.exported(OUT.resolve("exports"), "html");

    chromium.open(page);
    chromium.screenshot(OUT.resolve("joint-response-q1.png"));

    var text = chromium.visibleText();
    assertThat(chromium.problems()).isEmpty();
    assertThat(chromium.language()).isEqualTo("en");
    assertThat(text).contains("New national data-sharing policy")
        .contains("Consensus on draft v2")
        .contains("7 agree · 0 abstain · 0 disagree · 0 block")
        .contains("Dissent")
        .contains("Rural clinics are not mentioned at all");
  }

  @Test
  void thePolisReportShowsTheMapTheGroupBarsAndTheCommonGround() throws Exception {
    var export = PolisExport.read(PolisData.conversation("scoop-hivemind.ubi"));
    var report = ReportContent.of(export, "scoop-hivemind.ubi", 3500, Instant.parse("2026-12-05T12:00:00Z"));
    var page = OUT.resolve("scoop-hivemind.ubi.html");
    Files.createDirectories(OUT);
    Files.write(page, new TemplateReports().page(report).bytes());

    chromium.open(page);
    chromium.screenshot(OUT.resolve("scoop-hivemind.ubi.png"));

    var text = chromium.visibleText();
    assertThat(chromium.problems()).isEmpty();
    assertThat(text).contains("Opinion map: each dot is a member").contains("Group A").contains("Group B")
        .contains("Common ground").contains("Each group's votes on #")
        .contains(report.landscape().commonGround().get(0).statement().text());
  }

  @Test
  void theBrowserCheckWouldSeeARequestElsewhere() throws Exception {
    // The check itself, on a page that breaks the rules: it must not pass by seeing nothing.
    var bad = OUT.resolve("reaches-out.html");
    Files.createDirectories(OUT);
    Files.writeString(bad, "<!DOCTYPE html><html lang=\"en\"><head><meta http-equiv=\"Content-Security-Policy\" content=\""
        + "default-src 'none'\"/></head><body><p>x</p><img src=\"http://127.0.0.1:9/x.png\" alt=\"\"/></body></html>");

    chromium.open(bad);

    assertThat(chromium.problems()).isNotEmpty();
  }
}
