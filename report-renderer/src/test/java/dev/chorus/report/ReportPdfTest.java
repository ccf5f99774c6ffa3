package dev.chorus.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.polis.PolisExport;
import dev.chorus.core.report.Report;
import dev.chorus.core.report.ReportContent;
import dev.chorus.core.question.Outcome;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.PolisData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The PDF as a reader gets it: its text, its fonts, its pictures. */
class ReportPdfTest {
  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private final TemplateReports reports = new TemplateReports();

  @Test
  void aClosedQuestionsPdfCarriesItsOutcomeTallyDissentAndEveryQuotedStatement() throws Exception {
    var played = JointResponses.played(Conversation.reporting(reports));

    var answer = played.chat.say(played.members.get(2), "/respond #Q1 export pdf");

    var file = answer.file();
    assertThat(file.fileName()).isEqualTo("chorus-Q1.pdf");
    assertThat(file.mediaType()).isEqualTo("application/pdf");
    var text = flat(Pdfs.text(file.content()));
    var report = content(played);
    var result = report.result().orElseThrow();
    assertThat(result.level()).isEqualTo("broad support");
    assertThat(text).contains("Broad support on draft v2").contains(flat(result.rule()))
        .contains("6 agree · 1 abstain · 1 disagree · 0 block")
        .contains("Rural clinics are not mentioned at all")
        .contains("Fitzgerald Umberfield disagreed");
    assertThat(quotedIds(report)).isNotEmpty().allSatisfy(id -> assertThat(text).contains(id));
    assertThat(Pdfs.outsideThePage(file.content())).isEmpty();
  }

  @Test
  void theOpinionMapIsDrawnInThePdf() throws Exception {
    var export = PolisExport.read(PolisData.conversation("scoop-hivemind.ubi"));
    var report = ReportContent.of(export, "scoop-hivemind.ubi", 3500, NOW);

    var pages = Pdfs.pages(reports.pdf(report));

    // The two groups' colours, in the dots of the map (the bars use them only in their small swatches).
    var blue = pages.stream().mapToInt(page -> Pdfs.pixelsOf(page, 0x0072B2)).max().orElse(0);
    var orange = pages.stream().mapToInt(page -> Pdfs.pixelsOf(page, 0xE69F00)).max().orElse(0);
    assertThat(blue).as("pixels of group A's dots").isGreaterThan(2000);
    assertThat(orange).as("pixels of group B's squares").isGreaterThan(200);
  }

  @Test
  void vtaiwansChineseIsDrawnWithRealGlyphs() throws Exception {
    var export = PolisExport.read(PolisData.conversation("vtaiwan.uberx"));
    var report = ReportContent.of(export, "vtaiwan.uberx", 3500, NOW);

    // Chinese lines break without a space, so the text is compared with no white space at all.
    var text = Pdfs.text(reports.pdf(report)).replaceAll("\\s+", "");

    var quoted = quoted(report).map(Report.Quoted::text).map(words -> words.replaceAll("\\s+", "")).toList();
    assertThat(quoted).isNotEmpty().anyMatch(words -> words.codePoints().anyMatch(cp ->
        Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
    // A glyph the fonts lack is drawn as a placeholder, which reads back as something else.
    assertThat(quoted).allSatisfy(words -> assertThat(text).contains(words));
  }

  private static Report content(JointResponses played) {
    return ReportContent.of(played.stored(), ReportContent.Audience.MEMBERS, 3500, NOW);
  }

  static Stream<Report.Quoted> quoted(Report report) {
    var all = new ArrayList<Report.Quoted>(report.dissent().minority());
    report.landscape().commonGround().forEach(bars -> all.add(bars.statement()));
    report.landscape().divisive().forEach(bars -> all.add(bars.statement()));
    report.amendments().forEach(amendment -> all.add(amendment.amendment()));
    return all.stream();
  }

  static List<String> quotedIds(Report report) {
    return quoted(report).map(Report.Quoted::id).distinct().toList();
  }

  /** Text with its line breaks and runs of spaces as single spaces: a PDF breaks lines where it likes. */
  static String flat(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
