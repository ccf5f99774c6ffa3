package dev.chorus.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Text;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a report says about outcomes, drafts and hidden amendments, whatever the settings are today. */
class ReportContentTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  @Test
  void theRuleIsExplainedWithTheThresholdsTheOutcomeWasDecidedWith() {
    // 3 of 4 agree: broad support at 0.75, only a majority at 0.9.
    var strict = new Outcome.Thresholds(0.9, 0.6);
    var question = closed(strict, DraftChoice.AGREE, DraftChoice.AGREE, DraftChoice.AGREE, DraftChoice.DISAGREE);

    var report = ReportContent.of(question, ReportContent.Audience.MEMBERS, 3500, T0);

    var result = report.result().orElseThrow();
    assertThat(result.level()).isEqualTo("majority");
    assertThat(result.rule()).startsWith("Majority: 3 of the 4 members who did not abstain agreed, more than 60%")
        .contains("fewer than 90%");
    assertThat(report.drafts().get(0).fate()).isEqualTo("adopted (majority)");
  }

  @Test
  void aDraftClosedWithoutConsensusIsNotCalledAdopted() {
    var question = closed(Outcome.Thresholds.DEFAULTS, DraftChoice.AGREE, DraftChoice.DISAGREE, DraftChoice.DISAGREE,
        DraftChoice.BLOCK);

    var report = ReportContent.of(question, ReportContent.Audience.MEMBERS, 3500, T0);

    assertThat(report.result().orElseThrow().level()).isEqualTo("no consensus");
    assertThat(report.drafts().get(0).fate()).isEqualTo("closed on it, with no consensus");
  }

  @Test
  void aHiddenAmendmentsReasonIsForMembersNotForThePublicPage() {
    var opener = new MemberKey("U1");
    var hidden = Statement.posted(new StatementId(1), StatementKind.AMENDMENT, opener, "Ana", "Rude words", T0, null,
        new DraftVersion(1)).hidden("Insults Bea by name");
    var draft = new Draft(new DraftVersion(1), "Text", "Ana", false, T0, java.util.Map.of());
    var question = new Question(new CommunityId("c"), new QuestionId(1), new ChannelId("ch"), 1, "T", "", "", null,
        false, opener, "Ana", "", T0, QuestionStatus.OPEN, List.of(hidden), List.of(draft), List.of());

    var members = ReportContent.of(question, ReportContent.Audience.MEMBERS, 3500, T0);
    var page = ReportContent.of(question, ReportContent.Audience.PUBLIC, 3500, T0);

    assertThat(members.amendments().get(0).fate()).isEqualTo("hidden by a facilitator: Insults Bea by name");
    assertThat(page.amendments().get(0).fate()).isEqualTo("hidden by a facilitator");
    assertThat(page.amendments().get(0).amendment().text()).isEqualTo("(hidden)");
  }

  @Test
  void anAnonymousQuestionCountsItsDisagreementsWithoutQuotingThem() {
    var question = closed(Outcome.Thresholds.DEFAULTS, true, DraftChoice.AGREE, DraftChoice.AGREE, DraftChoice.AGREE,
        DraftChoice.DISAGREE);

    var dissent = ReportContent.of(question, ReportContent.Audience.MEMBERS, 3500, T0).dissent();

    assertThat(dissent.disagreements()).isEmpty();
    assertThat(dissent.unquotedDisagreements()).isEqualTo(1);
    assertThat(dissent.empty()).isFalse();
  }

  @Test
  void onlyAddressesThatCannotBreakALinkAreShownAsOne() {
    assertThat(Text.Span.Address.allowed("https://chorus.example.org/reports/Ab_cd-9")).isTrue();
    assertThat(Text.Span.Address.allowed("javascript:alert(1)")).isFalse();
    assertThat(Text.Span.Address.allowed("https://x.example/<script>")).isFalse();
    assertThat(Text.Span.Address.allowed("https://x.example/a|b")).isFalse();
    assertThatThrownBy(() -> new Text.Span.Address("https://x.example/ a")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Question closed(Outcome.Thresholds thresholds, DraftChoice... ballots) {
    return closed(thresholds, false, ballots);
  }

  private static Question closed(Outcome.Thresholds thresholds, boolean anonymous, DraftChoice... ballots) {
    var statements = new java.util.ArrayList<Statement>();
    var votes = new LinkedHashMap<MemberKey, DraftBallot>();
    for (int i = 0; i < ballots.length; i++) {
      var member = new MemberKey("U" + i);
      statements.add(Statement.posted(new StatementId(i + 1), StatementKind.VIEW, member, anonymous ? null : "M" + i,
          "View " + i, T0, null, null));
      votes.put(member, new DraftBallot(ballots[i], T0, anonymous ? null : "M" + i, null));
    }
    var draft = new Draft(new DraftVersion(1), "The text", anonymous ? null : "M0", false, T0, votes);
    var open = new Question(new CommunityId("c"), new QuestionId(1), new ChannelId("ch"), 1, "T", "", "", null,
        anonymous, new MemberKey("U0"), anonymous ? null : "M0", "", T0, QuestionStatus.OPEN, statements,
        List.of(draft), List.of());
    return open.closedWith(new OutcomePolicy(thresholds).evaluate(open, Optional.of(draft), T0, null));
  }
}
