package dev.chorus.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.polis.PolisExport;
import dev.chorus.core.report.ReportContent;
import dev.chorus.report.TemplateReports;
import dev.chorus.shell.Shell;
import dev.chorus.shell.ShellChat;
import dev.chorus.shell.ShellFiles;
import dev.chorus.shell.ShellRenderer;
import dev.chorus.shell.ShellTime;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.InMemoryStores;
import dev.chorus.testkit.MutableClock;
import dev.chorus.testkit.PolisData;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
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
    var page = exampleQuestionOne();

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

  /** Plays examples/joint-response.txt in the shell, as its first line says, and exports Q1 as a page. */
  private static Path exampleQuestionOne() throws Exception {
    // The example ends the shell with :quit; the export goes just before it.
    var script = Files.readString(Path.of("..", "examples", "joint-response.txt"))
        .replaceFirst("(?m)^:quit\\s*$", ":in general\n:as alice\n/respond #Q1 export html\n:quit\n");
    var clock = MutableClock.at("2026-11-02T09:00:00Z");
    var time = new ShellTime(clock);
    var stores = new InMemoryStores(time);
    var bytes = new ByteArrayOutputStream();
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    var renderer = new ShellRenderer(ZoneOffset.UTC);
    var chat = new ShellChat(out, renderer);
    var pseudonyms = new Pseudonyms(Conversation.TEST_SECRET);
    var chorus = new Chorus(stores.stores(), chat, pseudonyms, time, Settings.DEFAULTS, new Random(7), Observer.NONE,
        new TemplateReports());
    time.schedule(new RunSchedule(stores.stores(), ChannelMembers.UNKNOWN, chat, pseudonyms, time, Settings.DEFAULTS,
        RunSchedule.Timing.DEFAULTS, Observer.NONE));
    new Shell(chorus, chat, renderer, out, time, new ShellFiles(OUT.resolve("exports")))
        .run(new BufferedReader(new StringReader(script)), false);
    var printed = bytes.toString(StandardCharsets.UTF_8);
    var page = OUT.resolve("exports").resolve("chorus-Q1.html");
    assertThat(printed).contains("file chorus-Q1.html (").contains("written to " + page);
    return page;
  }
}
