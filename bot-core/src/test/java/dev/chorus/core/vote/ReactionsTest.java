package dev.chorus.core.vote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.StatementChoice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReactionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"👍", "👍🏽", "👍🏿", "👍️"})
  void thumbsUpInEveryFormAgreesWithAStatement(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).contains(StatementChoice.AGREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"👎", "👎🏻"})
  void thumbsDownDisagreesWithAStatement(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).contains(StatementChoice.DISAGREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"🤷", "🤷‍♂️", "🤷🏻‍♀️", "🤷🏾‍♂"})
  void shruggingInEveryFormPassesOnAStatement(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).contains(StatementChoice.PASS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"🤷", "🤷‍♂️", "🤷🏻‍♀️"})
  void shruggingInEveryFormAbstainsOnADraft(String reaction) {
    assertThat(Reactions.draftChoice(reaction)).contains(DraftChoice.ABSTAIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"✋", "✋🏿", "✋🏼"})
  void raisedHandBlocksADraft(String reaction) {
    assertThat(Reactions.draftChoice(reaction)).contains(DraftChoice.BLOCK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"✅", "✔️", "✔"})
  void checkMarkAgreesWithADraft(String reaction) {
    assertThat(Reactions.draftChoice(reaction)).contains(DraftChoice.AGREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"❌"})
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
  @ValueSource(strings = {"✋"})
  void aBlockIsNotAChoiceOnAStatement(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"✅", "❌"})
  void draftReactionsAreNotStatementVotes(String reaction) {
    assertThat(Reactions.statementChoice(reaction)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1", "thumbsup", ":+1:", "-1", "shrug", "man-shrugging", "white_check_mark", "x",
      "raised_hand"})
  void aPlatformsNameForAnEmojiIsNoVoteInTheCore(String reaction) {
    // Slack's names are translated by the Slack adapter; the core knows Unicode only.
    assertThat(Reactions.vote(reaction)).isFalse();
  }
}
