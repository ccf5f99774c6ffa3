package dev.chorus.core.vote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.StatementChoice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReactionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"👍", "👍🏽", "👍🏿", "+1", "thumbsup", "+1::skin-tone-3", ":+1:", ":thumbsup::skin-tone-2:"})
  void thumbsUpInEveryFormAgreesWithAStatement(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).contains(StatementChoice.AGREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"👎", "👎🏻", "-1", "thumbsdown"})
  void thumbsDownDisagreesWithAStatement(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).contains(StatementChoice.DISAGREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"🤷", "🤷‍♂️", "🤷🏻‍♀️", "🤷🏾‍♂", "man-shrugging", "woman-shrugging", "shrug"})
  void shruggingInEveryFormPassesOnAStatement(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).contains(StatementChoice.PASS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"🤷", "🤷‍♂️", "🤷🏻‍♀️", "man-shrugging", "woman-shrugging", ":woman-shrugging::skin-tone-4:"})
  void shruggingInEveryFormAbstainsOnADraft(String reaction) {
    assertThat(Reactions.draftChoice(reaction)).contains(DraftChoice.ABSTAIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"✋", "✋🏿", "✋🏼", "raised_hand", ":raised_hand::skin-tone-5:"})
  void raisedHandBlocksADraft(String reaction) {
    assertThat(Reactions.draftChoice(reaction)).contains(DraftChoice.BLOCK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"✅", "white_check_mark", ":white_check_mark:"})
  void checkMarkAgreesWithADraft(String reaction) {
    assertThat(Reactions.draftChoice(reaction)).contains(DraftChoice.AGREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"❌", "x", ":x:"})
  void crossDisagreesWithADraft(String reaction) {
    assertThat(Reactions.draftChoice(reaction)).contains(DraftChoice.DISAGREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"🎉", "tada", ":tada:", "heart", ""})
  void otherReactionsAreNoVote(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).isEmpty();
    assertThat(Reactions.draftChoice(reaction)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"✋", "raised_hand"})
  void aBlockIsNotAChoiceOnAStatement(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"✅", "❌", "x"})
  void draftReactionsAreNotStatementVotes(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).isEmpty();
  }
}
