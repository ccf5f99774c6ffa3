package dev.chorus.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.StatementChoice;
import org.junit.jupiter.api.Test;

class ShellTest {

  @Test
  void aBareRespondOpensAFormThatSubmitFills() throws Exception {
    var shell = new ShellHarness();
    var output = shell.run("""
        :as ana
        /respond
        :submit 1 Shall we pilot the new tool?
        /respond
        :submit 2 Yes, for one team first
        /respond
        :submit 3 Yes, for two teams first
        """);
    assertThat(output).contains("(private) form 1: Open a question");
    assertThat(shell.question(1).title()).isEqualTo("Shall we pilot the new tool?");
    assertThat(output).contains("(private) form 2: Your view on Q1");
    assertThat(output).as("the form is prefilled with the current view").contains("[now: Yes, for one team first]");
    var q1 = shell.question(1);
    assertThat(q1.statement(new StatementId(2)).orElseThrow().text()).isEqualTo("Yes, for two teams first");
    assertThat(q1.membersWithView()).hasSize(1);
  }

  @Test
  void anonymousQuestionsVoteWithButtonsAndIgnoreReactions() throws Exception {
    var shell = new ShellHarness();
    var output = shell.run("""
        :as ana
        /respond open Is the workload sustainable? --anonymous
        /respond No, we are stretched thin
        :as ben
        :press 2 Agree
        :react 2 👎
        :as ana
        /respond draft We ask management for two more hires.
        :as ben
        :press 4 Block
        """);
    var q1 = shell.question(1);
    assertThat(q1.statement(new StatementId(1)).orElseThrow().tally().agree()).isEqualTo(2);
    assertThat(q1.statement(new StatementId(1)).orElseThrow().tally().disagree()).isZero();
    assertThat(output).contains("reactions are public, so they are not counted");
    assertThat(q1.draft(new DraftVersion(1)).orElseThrow().tally().block()).isEqualTo(1);
    assertThat(output).contains("buttons: [Agree] [Disagree] [Pass]").contains("buttons: [Agree] [Abstain] [Disagree] [Block]");
    assertThat(output).doesNotContain("view by ana").doesNotContain("Written by ana");
  }

  @Test
  void reactionsVoteAndTakingTheCountingOneBackRetractsIt() throws Exception {
    var shell = new ShellHarness();
    shell.run("""
        :as ana
        /respond open Four-day week?
        /respond Yes, with core hours
        :as ben
        :react 2 👍
        :react 2 👎🏽
        :unreact 2 👍
        :as cy
        :react 2 👍
        :unreact 2 👍
        """);
    var view = shell.question(1).statement(new StatementId(1)).orElseThrow();
    assertThat(view.votes()).as("ben's latest choice counts; removing an older reaction retracts nothing")
        .hasSize(1).containsValue(StatementChoice.DISAGREE);
  }

  @Test
  void memberTextCannotMoveTheCursorOrPassAsChorusOutput() throws Exception {
    var shell = new ShellHarness();
    var output = shell.run(":as ana\n/respond open Test\n/respond Hi \u001b[2J\u001b[31mred\u0007 \u202eevil\n");
    assertThat(output).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
    assertThat(output).contains("│ Hi [2J[31mred evil");
  }

  @Test
  void shellCommandsAreExplainedWhenMistyped() throws Exception {
    var shell = new ShellHarness();
    var output = shell.run("""
        :dance
        hello
        :submit 9 text
        :react x 👍
        :press 3 Agree
        :as
        """);
    assertThat(output).contains("(shell) Unknown shell command :dance; :help lists them.")
        .contains("(shell) Commands start with /respond")
        .contains("(shell) There is no form 9")
        .contains("(shell) Use :react <message number> <emoji>")
        .contains("(shell) There is no message 3")
        .contains("(shell) Say who: :as <name>");
  }

  @Test
  void eachCommunityAndChannelKeepsItsOwnQuestions() throws Exception {
    var shell = new ShellHarness();
    var output = shell.run("""
        :as ana
        /respond open In the local community
        :community other
        /respond open In another community
        :in random
        /respond status
        :community local
        /respond #Q2 status
        """);
    assertThat(output).contains("There is no open or recently closed question in this channel.")
        .contains("There is no Q2 in this community.");
    assertThat(shell.question(1).title()).isEqualTo("In the local community");
  }

  @Test
  void quitEndsTheSessionAndTheRestIsNotRead() throws Exception {
    var shell = new ShellHarness();
    shell.run(":as ana\n/respond open First\n:quit\n/respond open Second\n");
    assertThat(shell.questions.lastNumber(new dev.chorus.core.community.CommunityId("local"))).isEqualTo(1);
  }
}
