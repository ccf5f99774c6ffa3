package dev.chorus.app.analyze;

import dev.chorus.testkit.PolisData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.polis.PolisExport;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chorus's analysis on real Polis conversations: its support model predicts held-out votes better than
 * each statement's majority and at least as well as Polis's own groups, it finds opinion groups, which
 * match Polis's where Polis found two clear ones, and its draft fits a platform message. The
 * conversations shipped with the repository are evaluated in every clone; the extra ones (see
 * {@link PolisData}) in addition where present, their cases skipped where not. Figures are printed for
 * the record.
 */
class PolisEvaluationIT {
  /** Each conversation is analysed once, by the first test that needs it. */
  private static final Map<String, AnalyzeCommand.Report> REPORTS = new HashMap<>();

  static Stream<String> conversations() {
    return PolisData.all();
  }

  private static synchronized AnalyzeCommand.Report report(String name) throws IOException {
    var report = REPORTS.get(name);
    if (report == null) {
      report = AnalyzeCommand.analyze(PolisExport.read(PolisData.conversation(name)));
      REPORTS.put(name, report);
      System.out.printf("%s: held-out %.4f ± %.4f (statement majority %.4f, Polis groups %.4f), ARI %.3f over %d, "
              + "%d groups (silhouette %.2f), %d common ground, %d divisive, coverage %.2f, %d ms%n", name,
          report.chorus().mean(), report.chorus().std(), report.statementMajority().mean(),
          report.polisGroups().mean(), report.ari().ari(), report.ari().members(),
          report.landscape().groups().groups(), report.landscape().groups().silhouette(),
          report.landscape().commonGround().size(), report.landscape().divisive().size(),
          report.draft().coverage(), report.millis());
    }
    return report;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conversations")
  void heldOutVotesArePredictedAtLeastAsWellAsByPolissGroups(String name) throws IOException {
    var report = report(name);
    assertThat(report.chorus().mean()).isGreaterThanOrEqualTo(report.polisGroups().mean() - 0.01);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conversations")
  void heldOutVotesArePredictedBetterThanByEachStatementsMajority(String name) throws IOException {
    var report = report(name);
    assertThat(report.chorus().mean()).isGreaterThanOrEqualTo(report.statementMajority().mean() + 0.01);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conversations")
  void theMembersSplitIntoOpinionGroups(String name) throws IOException {
    var groups = report(name).landscape().groups();
    assertThat(groups.groups()).as("Polis found groups in every one of these conversations").isGreaterThanOrEqualTo(2);
    for (int group = 0; group < groups.groups(); group++) {
      assertThat(groups.size(group)).as("members in group " + group).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conversations")
  void everyDraftFitsAPlatformMessageAndSaysItsCoverage(String name) throws IOException {
    var draft = report(name).draft();
    assertThat(draft.text().length()).isLessThanOrEqualTo(AnalyzeCommand.DRAFT_LIMIT);
    assertThat(draft.text()).contains("Coverage: ").doesNotContain("NaN");
    assertThat(draft.coverage()).isBetween(0.5, 1.0);
    // Each section holds only its own kind: "Still open" lists only what many passed on, so what is
    // quoted for everyone to be heard never lands under it.
    var stillOpen = draft.text().indexOf("\nStill open\n");
    if (stillOpen >= 0) {
      var section = draft.text().substring(stillOpen + "\nStill open\n".length()).split("\n\n")[0];
      for (var line : section.split("\n")) {
        if (line.startsWith("• ")) {
          assertThat(line).as("a line under Still open").endsWith("(many passed)");
        }
      }
    }
  }

  @Test
  void onAverageTheyArePredictedBetterThanByPolissGroups() throws IOException {
    var margins = new HashMap<String, Double>();
    for (var name : PolisData.available()) {
      var report = report(name);
      margins.put(name, report.chorus().mean() - report.polisGroups().mean());
    }
    double mean = margins.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertThat(mean).as("mean margin over Polis's groups " + margins).isGreaterThanOrEqualTo(0.01);
  }

  @Test
  void theGroupsMatchPolissTwoClearGroupsInBowlingGreen() throws IOException {
    var report = report("american-assembly.bowling-green");
    assertThat(report.landscape().groups().groups()).isEqualTo(2);
    assertThat(report.ari().ari()).isGreaterThanOrEqualTo(0.7);
    assertThat(report.ari().members()).isGreaterThan(1000);
  }
}
