package dev.chorus.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.polis.PolisExport;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.report.ReportContent;
import dev.chorus.testkit.Conversation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportFilesTest {
  private final TemplateReports reports = new TemplateReports();
  private final Path out = Path.of("target", "reports");

  @Test
  void smoke() throws Exception {
    Files.createDirectories(out);
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open New data policy --for the Ministry <script>alert(1)</script>");
    String[] names = {"ben", "cem", "dana", "eli", "fay", "gus", "hal", "ivy", "jo", "kai", "lu", "max"};
    for (int i = 0; i < names.length; i++) {
      chat.say(chat.member(names[i]), "/respond View number " + i + (i % 2 == 0 ? " supports it" : " opposes it"));
    }
    for (int i = 0; i < names.length; i++) {
      for (int v = 1; v <= names.length; v++) {
        chat.say(chat.member(names[i]), "/respond vote V" + v + " " + ((i + v) % 2 == 0 ? "agree" : "disagree"));
      }
    }
    chat.say(ana, "/respond draft");
    chat.say(chat.member("ben"), "/respond vote v1 agree");
    chat.say(chat.member("cem"), "/respond vote v1 block");
    chat.say(chat.member("cem"), "/respond reason Not yet </style><b>bold</b>");
    chat.say(ana, "/respond close");
    var question = chat.questions().find(chat.community(), new dev.chorus.core.question.QuestionId(1)).orElseThrow();
    var report = ReportContent.of(question, ReportContent.Audience.MEMBERS, Outcome.Thresholds.DEFAULTS, 3500,
        Instant.parse("2026-12-05T12:00:00Z"));
    Files.write(out.resolve("q1.html"), reports.page(report).bytes());
    Files.write(out.resolve("q1.pdf"), reports.pdf(report).bytes());
    Files.write(out.resolve("q1.png"), reports.map(report).orElseThrow().png().bytes());

    var polis = Path.of("..", "examples", "polis", "scoop-hivemind.ubi");
    var export = PolisExport.read(polis);
    var polisReport = ReportContent.of(export, "scoop-hivemind.ubi", 3500, Instant.parse("2026-12-05T12:00:00Z"));
    Files.write(out.resolve("polis.html"), reports.page(polisReport).bytes());
    Files.write(out.resolve("polis.pdf"), reports.pdf(polisReport).bytes());
    Files.write(out.resolve("polis.png"), reports.map(polisReport).orElseThrow().png().bytes());
    assertThat(out.resolve("polis.pdf")).exists();
  }
}
