package dev.chorus.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.command.ExportFormat;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.export.ExportQuestion;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftBallot;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.OutcomePolicy;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.StatementKind;
import dev.chorus.core.report.ReportContent;
import dev.chorus.testkit.Conversation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An anonymous question's report names no one, in any form, including the files' metadata. */
class AnonymousReportTest {
  private final TemplateReports reports = new TemplateReports();

  @Test
  void theAnonymousQuestionsPageAndPdfNameNoMember() throws Exception {
    var played = JointResponses.playedAnonymously(Conversation.reporting(reports));
    var member = played.members.get(1);

    var page = played.chat.say(member, "/respond #Q1 export html").file().content();
    var pdf = played.chat.say(member, "/respond #Q1 export pdf").file().content();

    var forbidden = forbidden(played);
    var pdfText = Pdfs.text(pdf);
    var pdfMetadata = Pdfs.metadata(pdf);
    // Raw bytes as well: a name in a font name, a tag or an uncompressed stream would show here.
    var pdfBytes = new String(pdf.bytes(), StandardCharsets.ISO_8859_1);
    assertThat(pdfText).contains("Rural clinics are not mentioned at all").contains("An anonymous question");
    // The disagreement is told as a count, never quoted.
    assertThat(page.text()).contains("1 member disagreed; an anonymous question counts disagreements without quoting them.");
    for (var word : forbidden) {
      assertThat(page.text()).as("the page").doesNotContain(word);
      assertThat(pdfText).as("the PDF's text").doesNotContain(word);
      assertThat(pdfMetadata).as("the PDF's metadata").doesNotContain(word);
      assertThat(pdfBytes).as("the PDF's bytes").doesNotContain(word);
    }
  }

  @Test
  void theAnonymousQuestionsMapPictureCarriesNoName() {
    var played = JointResponses.playedAnonymously(Conversation.reporting(reports));
    var report = ReportContent.of(played.stored(), ReportContent.Audience.MEMBERS, 3500,
        Instant.parse("2026-12-05T12:00:00Z"));

    var picture = reports.map(report).orElseThrow();

    var bytes = new String(picture.png().bytes(), StandardCharsets.ISO_8859_1);
    assertThat(bytes).startsWith("\u0089PNG");
    for (var word : forbidden(played)) {
      assertThat(bytes).as("the picture's bytes").doesNotContain(word);
      assertThat(picture.altText()).doesNotContain(word);
    }
  }

  @Test
  void aSharedPageNamesNoOneEvenInANamedQuestion() {
    var played = JointResponses.played(Conversation.reporting(reports));
    var report = ReportContent.of(played.stored(), ReportContent.Audience.PUBLIC, 3500,
        Instant.parse("2026-12-05T12:00:00Z"));

    var page = reports.page(report).text();

    assertThat(page).contains("Rural clinics are not mentioned at all").contains("a member");
    forbidden(played).forEach(word -> assertThat(page).doesNotContain(word));
  }

  /** Every member's name, each part of it, and their platform id. */
  private static List<String> forbidden(JointResponses played) {
    var words = new ArrayList<String>();
    for (var member : played.members) {
      words.add(member.displayName());
      words.addAll(List.of(member.displayName().split(" ")));
      words.add(member.id().value());
    }
    return words;
  }

  /** As the data exports: names stored by mistake in an anonymous question stay out of the page and the PDF. */
  @Test
  void namesStoredByMistakeInAnAnonymousQuestionStayOut() throws Exception {
    var t0 = Instant.parse("2026-11-02T09:00:00Z");
    var key = new MemberKey("anon:k1");
    var view = Statement.posted(new StatementId(1), StatementKind.VIEW, key, "Leaky Lena", "My words", t0, null, null);
    var draft = new Draft(new DraftVersion(1), "Draft", "Leaky Lena", false, t0,
        Map.of(key, new DraftBallot(DraftChoice.BLOCK, t0, "Leaky Lena", "A reason")));
    var open = new Question(new CommunityId("c"), new QuestionId(1), new ChannelId("ch"), 1, "T", "", "Body", null, true,
        key, "Leaky Lena", "salt", t0, QuestionStatus.OPEN, List.of(view), List.of(draft), List.of());
    var closed = open.closedWith(new OutcomePolicy(Outcome.Thresholds.DEFAULTS)
        .evaluate(open, Optional.of(draft), t0, "Leaky Lena"));
    var export = new ExportQuestion(reports, Settings.DEFAULTS, Clock.fixed(t0, ZoneOffset.UTC));

    for (var format : List.of(ExportFormat.HTML, ExportFormat.PDF)) {
      var file = ((Effect.Attachment) ((Decision.Accepted) export.decide(closed, format)).effects().get(0)).content();
      var text = format == ExportFormat.PDF ? Pdfs.text(file) + Pdfs.metadata(file) : file.text();
      assertThat(text).as(format.word()).contains("My words").contains("A reason").doesNotContain("Leaky")
          .doesNotContain("anon:");
    }
  }
}
