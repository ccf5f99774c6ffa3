package dev.chorus.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.StatementStatus;
import dev.chorus.core.question.SupportLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays {@code examples/joint-response.txt} (the script the README shows) through the shell and
 * checks what it means: outcome levels, tallies, dissent, what was public and what private to whom,
 * and what the exports hold. Not a golden transcript: wording may change, meaning may not.
 */
class ExampleConversationTest {
  private static final ShellHarness shell = new ShellHarness();

  @BeforeAll
  static void playTheExample() throws Exception {
    var script = Files.readString(Path.of("..", "examples", "joint-response.txt"));
    shell.run(script);
  }

  @Test
  void eightMembersTookPartInTheFirstQuestionAndTheTwoWhoLeftAreNotNamed() {
    var q1 = shell.question(1);
    var authors = q1.statements().stream().map(s -> s.authorName()).collect(Collectors.toSet());
    assertThat(q1.statements()).extracting(s -> s.author().value()).contains("shell-alice", "shell-bob", "shell-carol",
        "shell-dave", "shell-erin", "shell-frank", "forgotten").doesNotContain("shell-grace", "shell-heidi");
    assertThat(authors).contains("alice", "bob", "carol", "dave", "erin", "frank").doesNotContain("grace", "heidi");
    assertThat(q1.forBody()).isEqualTo("the Ministry of Health");
    assertThat(q1.deadline()).isNotNull();
  }

  @Test
  void theFirstQuestionClosesInConsensusOnTheSecondDraftAfterABlockOnTheFirst() {
    var q1 = shell.question(1);
    assertThat(q1.status()).isEqualTo(QuestionStatus.CLOSED);
    var outcome = q1.latestOutcome().orElseThrow();
    assertThat(outcome.level()).isEqualTo(SupportLevel.CONSENSUS);
    assertThat(outcome.draft()).isEqualTo(new DraftVersion(2));
    assertThat(outcome.tally().agree()).isEqualTo(7);
    assertThat(outcome.tally().block()).isZero();

    var v1 = q1.draft(new DraftVersion(1)).orElseThrow();
    assertThat(v1.tally().agree()).isEqualTo(1);
    assertThat(v1.tally().block()).isEqualTo(1);
    var block = v1.ballots().values().stream().filter(b -> b.choice() == DraftChoice.BLOCK).findFirst().orElseThrow();
    assertThat(block.voterName()).isEqualTo("dave");
    assertThat(block.reason()).isEqualTo("Rural clinics are not mentioned at all");
  }

  @Test
  void editsHidesAmendmentsAndForgettingLeaveTheirMarks() {
    var q1 = shell.question(1);
    var oldBob = q1.statement(new StatementId(2)).orElseThrow();
    assertThat(oldBob.status()).isEqualTo(StatementStatus.REPLACED);
    assertThat(oldBob.replacedBy()).isEqualTo(new StatementId(9));
    var newBob = q1.statement(new StatementId(9)).orElseThrow();
    assertThat(newBob.text()).isEqualTo("Sharing helps research, but only with independent audits");
    assertThat(newBob.tally().agree()).as("bob himself and carol").isEqualTo(2);

    var insult = q1.statement(new StatementId(6)).orElseThrow();
    assertThat(insult.status()).isEqualTo(StatementStatus.HIDDEN);
    assertThat(insult.hiddenReason()).startsWith("Personal insult");

    var amendment = q1.statement(new StatementId(10)).orElseThrow();
    assertThat(amendment.amends()).isEqualTo(new DraftVersion(1));
    assertThat(amendment.tally().agree()).as("erin (author) and dave").isEqualTo(2);

    var grace = q1.statement(new StatementId(7)).orElseThrow();
    assertThat(grace.status()).isEqualTo(StatementStatus.WITHDRAWN);
    assertThat(grace.text()).isEmpty();
    assertThat(q1.statement(new StatementId(1)).orElseThrow().tally().agree()).as("alice, bob, carol").isEqualTo(3);
    assertThat(q1.statement(new StatementId(4)).orElseThrow().tally().pass()).isEqualTo(1);
  }

  @Test
  void eachOtherOutcomeLevelIsReached() {
    var q2 = shell.question(2).latestOutcome().orElseThrow();
    assertThat(q2.level()).isEqualTo(SupportLevel.BROAD_SUPPORT);
    assertThat(q2.tally().agree()).isEqualTo(4);
    assertThat(q2.tally().disagree()).isEqualTo(1);

    var q3 = shell.question(3).latestOutcome().orElseThrow();
    assertThat(q3.level()).isEqualTo(SupportLevel.MAJORITY);
    assertThat(q3.tally().block()).isEqualTo(1);
    assertThat(q3.dissent().get(0).kind()).as("a block heads the record of dissent").isEqualTo(Outcome.Dissent.Kind.BLOCK);
    assertThat(q3.dissent().get(0).who()).isEqualTo("dave");
    assertThat(q3.dissent().get(0).words()).contains("second jobs");
    assertThat(q3.dissent().get(1).kind()).isEqualTo(Outcome.Dissent.Kind.DISAGREE);

    var q4 = shell.question(4);
    assertThat(q4.outcomes()).hasSize(1);
    assertThat(q4.outcomes().get(0).level()).as("only abstentions").isEqualTo(SupportLevel.NO_CONSENSUS);
    assertThat(q4.outcomes().get(0).tally().abstain()).isEqualTo(3);
    assertThat(q4.status()).as("reopened, the outcome kept as history").isEqualTo(QuestionStatus.OPEN);
  }

  @Test
  void forgetMeWithdrawsAMemberEverywhereButKeepsPublishedOutcomes() {
    var heidiViews = shell.question(1).statements().stream()
        .filter(s -> "heidi".equals(s.authorName())).toList();
    assertThat(heidiViews).allMatch(s -> s.status() == StatementStatus.WITHDRAWN);
    assertThat(shell.question(4).draft(new DraftVersion(1)).orElseThrow().tally().abstain()).isEqualTo(2);
    assertThat(shell.question(4).outcomes().get(0).tally().abstain()).as("published before").isEqualTo(3);
  }

  @Test
  void blockPromptsStatusAndRefusalsArePrivateToTheMemberWhoActed() {
    var turns = shell.turns();
    var daveBlocks = turns.stream().filter(t -> t.member().equals("dave") && t.typed().equals(":react 13 ✋")).findFirst()
        .orElseThrow();
    assertThat(daveBlocks.privateText()).contains("/respond #Q1 reason");
    var status = turns.stream().filter(t -> t.typed().equals("/respond status")).findFirst().orElseThrow();
    assertThat(status.publicly()).isEmpty();
    assertThat(status.privateText()).contains("Your view V1");
    var frankCloses = turns.stream().filter(t -> t.member().equals("frank") && t.typed().equals("/respond #Q4 close"))
        .findFirst().orElseThrow();
    assertThat(frankCloses.publicly()).isEmpty();
    assertThat(frankCloses.privateText()).contains("Only a facilitator").contains("Try: ");
    var nonsense = turns.get(turns.size() - 2);
    assertThat(nonsense.typed()).isEqualTo("/respond vote V99 maybe");
    assertThat(nonsense.privateText()).contains("not a choice").contains("Try: /respond vote V99 agree");

    for (var turn : turns) {
      assertThat(turn.publicText()).as("public output never carries a hint meant for one member: " + turn.typed())
          .doesNotContain("Try: ").doesNotContain("Your view is shared");
    }
  }

  @Test
  void theOutcomeIsPostedPubliclyWithItsDissent() {
    var closeQ3 = shell.turns().stream().filter(t -> t.typed().equals("/respond #Q3 close")).findFirst().orElseThrow();
    assertThat(closeQ3.publicText()).contains("Q3 closed: majority").contains("Record of dissent")
        .contains("✋ Block (dave): Night shifts clash");
  }

  @Test
  void exportsHoldTheWholeRecordInThreeFormats() {
    var output = shell.output();
    var markdown = file(output, "chorus-Q1.md");
    assertThat(markdown).contains("# Q1 · New national data-sharing policy")
        .contains("> We support sharing if patients can opt out")
        .contains("V6 · frank · hidden by a facilitator: Personal insult")
        .contains("Closed ").contains("consensus on draft v2")
        .contains("## Informed opinion for the Ministry of Health");
    var json = file(output, "chorus-Q1.json");
    assertThat(json).contains("\"level\": \"consensus\"").contains("\"status\": \"hidden\"")
        .contains("\"blockReason\": \"Rural clinics are not mentioned at all\"");
    var csv = file(output, "chorus-Q1.csv");
    var rows = csv.strip().split("\r?\n");
    assertThat(rows[0]).startsWith("question,item,kind,author,status");
    assertThat(rows).as("10 statements, 2 drafts, 1 outcome and the header").hasSize(14);
    assertThat(csv).contains("Q1,V9,view,bob,active");
  }

  private static String file(String output, String name) {
    var start = output.indexOf("--- file: " + name + " ---\n");
    assertThat(start).as("file " + name + " printed").isNotNegative();
    var from = start + ("--- file: " + name + " ---\n").length();
    var end = output.indexOf("--- end of file ---", from);
    return output.substring(from, end);
  }
}
