package dev.chorus.app.analyze;

import dev.chorus.core.polis.PolisExport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chorus's analysis on the four real Polis conversations (DESIGN §5.8): its support model predicts
 * held-out votes at least as well as Polis's own groups, and its groups match Polis's where Polis
 * found two clear ones. Figures are printed for the record.
 */
class PolisEvaluationIT {
  private static final LinkedHashMap<String, AnalyzeCommand.Report> reports = new LinkedHashMap<>();

  @BeforeAll
  static void analyseEveryConversation() throws Exception {
    for (var name : PolisData.CONVERSATIONS) {
      var report = AnalyzeCommand.analyze(PolisExport.read(PolisData.conversation(name)));
      reports.put(name, report);
      System.out.printf("%s: held-out %.4f ± %.4f (statement majority %.4f, Polis groups %.4f), ARI %.3f over %d, "
              + "%d groups, coverage %.2f, %d ms%n", name, report.chorus().mean(), report.chorus().std(),
          report.statementMajority().mean(), report.polisGroups().mean(), report.ari().ari(), report.ari().members(),
          report.landscape().groups().groups(), report.draft().coverage(), report.millis());
    }
  }

  @Test
  void onEachConversationHeldOutVotesArePredictedAtLeastAsWellAsByPolissGroups() {
    for (var entry : reports.entrySet()) {
      var report = entry.getValue();
      assertThat(report.chorus().mean()).as(entry.getKey())
          .isGreaterThanOrEqualTo(report.polisGroups().mean() - 0.01);
    }
  }

  @Test
  void onAverageTheyArePredictedBetterThanByPolissGroups() {
    var margins = new ArrayList<Double>();
    reports.values().forEach(r -> margins.add(r.chorus().mean() - r.polisGroups().mean()));
    double mean = margins.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertThat(mean).as("mean margin over Polis's groups " + margins).isGreaterThanOrEqualTo(0.01);
  }

  @Test
  void theGroupsMatchPolissTwoClearGroupsInBowlingGreen() {
    var report = reports.get("american-assembly.bowling-green");
    assertThat(report.landscape().groups().groups()).isEqualTo(2);
    assertThat(report.ari().ari()).isGreaterThanOrEqualTo(0.7);
    assertThat(report.ari().members()).isGreaterThan(1000);
  }

  @Test
  void everyDraftFitsAPlatformMessageAndSaysItsCoverage() {
    for (var entry : reports.entrySet()) {
      var draft = entry.getValue().draft();
      assertThat(draft.text().length()).as(entry.getKey()).isLessThanOrEqualTo(AnalyzeCommand.DRAFT_LIMIT);
      assertThat(draft.text()).contains("Coverage: ").doesNotContain("NaN");
      assertThat(draft.coverage()).isBetween(0.5, 1.0);
    }
  }
}
