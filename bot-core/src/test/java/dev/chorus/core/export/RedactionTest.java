package dev.chorus.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.command.ExportFormat;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
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
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.report.Reports;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RedactionTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  @ParameterizedTest
  // The page and the PDF are drawn outside core; report-renderer's AnonymousReportTest checks them the same way.
  @EnumSource(value = ExportFormat.class, names = {"MARKDOWN", "JSON", "CSV"})
  void anAnonymousQuestionExportsNoNameEvenIfOneWasStoredByMistake(ExportFormat format) {
    // Given an anonymous question in which every name field was (wrongly) filled
    var key = new MemberKey("anon:k1");
    var view = Statement.posted(new StatementId(1), StatementKind.VIEW, key, "Leaky Lena", "My words", T0, null, null);
    var draft = new Draft(new DraftVersion(1), "Draft", "Leaky Lena", false, T0,
        Map.of(key, new DraftBallot(DraftChoice.BLOCK, T0, "Leaky Lena", "A reason")));
    var open = new Question(new CommunityId("c"), new QuestionId(1), new ChannelId("ch"), 1, "T", "", "Body", null, true,
        key, "Leaky Lena", "salt", T0, QuestionStatus.OPEN, List.of(view), List.of(draft), List.of());
    var closed = open.closedWith(new OutcomePolicy(Outcome.Thresholds.DEFAULTS)
        .evaluate(open, Optional.of(draft), T0, "Leaky Lena"));

    // When it is exported
    var decision = (Decision.Accepted) new ExportQuestion(Reports.UNAVAILABLE, Settings.DEFAULTS, Clock.systemUTC())
        .decide(closed, format);
    var file = (Effect.Attachment) decision.effects().get(0);

    // Then the words are there, the name and the pseudonym are not
    assertThat(file.content().text()).contains("My words").contains("A reason").doesNotContain("Leaky").doesNotContain("anon:");
  }

  /** A member who asks for a page or a PDF where no renderer was wired is told so, and nothing changes. */
  @ParameterizedTest
  @EnumSource(value = ExportFormat.class, names = {"HTML", "PDF"})
  void aReportWithoutARendererIsRefusedWithTheReason(ExportFormat format) {
    var open = new Question(new CommunityId("c"), new QuestionId(1), new ChannelId("ch"), 1, "T", "", "", null, false,
        new MemberKey("U1"), "Ana", "salt", T0, QuestionStatus.OPEN, List.of(), List.of(), List.of());

    var decision = new ExportQuestion(Reports.UNAVAILABLE, Settings.DEFAULTS, Clock.systemUTC()).decide(open, format);

    assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected ->
        assertThat(rejected.reason().plainText()).contains("could not be made").contains("without its report renderer"));
  }
}
