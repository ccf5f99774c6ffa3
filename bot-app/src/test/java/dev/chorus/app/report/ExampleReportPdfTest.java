package dev.chorus.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example conversation's Q1 as a PDF, read back as a reader's PDF viewer would. */
class ExampleReportPdfTest {
  private static final Pattern QUOTED_ID = Pattern.compile("<span class=\"id\">(V\\d+)</span>");

  @TempDir
  Path folder;

  @Test
  void q1sPdfCarriesItsOutcomeTallyDissentAndEveryStatementItQuotes() throws Exception {
    var page = Files.readString(ExampleQuestionOne.exported(folder.resolve("html"), "html"));
    var pdf = ExampleQuestionOne.exported(folder.resolve("pdf"), "pdf");

    String text;
    try (var document = Loader.loadPDF(pdf.toFile())) {
      var stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      text = stripper.getText(document).replaceAll("\\s+", " ");
    }
    assertThat(text).contains("New national data-sharing policy")
        .contains("Consensus on draft v2")
        .contains("Consensus: 7 agreed, and no one disagreed or blocked.")
        .contains("7 agree · 0 abstain · 0 disagree · 0 block")
        .contains("Dissent").contains("Minority views")
        .contains("dave blocked it: Rural clinics are not mentioned at all");
    var ids = QUOTED_ID.matcher(page).results().map(match -> match.group(1)).distinct().toList();
    assertThat(ids).as("statements quoted in the page").isNotEmpty();
    assertThat(ids).allSatisfy(id -> assertThat(text).contains(id));
  }
}
