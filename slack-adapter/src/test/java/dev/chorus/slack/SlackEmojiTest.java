package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.vote.Reactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackEmojiTest {

  @ParameterizedTest
  @ValueSource(strings = {"+1", "thumbsup", "thumbs_up", "+1::skin-tone-3", ":+1:", ":thumbsup::skin-tone-2:"})
  void thumbsUpInEverySlackFormReachesTheCoreAsAnAgreeingEmoji(String name) {
    assertThat(SlackEmoji.unicode(name)).startsWith("👍");
    assertThat(Reactions.statementChoice(SlackEmoji.unicode(name))).contains(StatementChoice.AGREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "thumbsdown", "thumbs_down"})
  void thumbsDownDisagrees(String name) {
    assertThat(Reactions.statementChoice(SlackEmoji.unicode(name))).contains(StatementChoice.DISAGREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"shrug", "person_shrugging", "man-shrugging", "woman-shrugging", "man_shrugging",
      ":woman-shrugging::skin-tone-4:"})
  void shruggingPassesOnAViewAndAbstainsOnADraft(String name) {
    assertThat(Reactions.statementChoice(SlackEmoji.unicode(name))).contains(StatementChoice.PASS);
    assertThat(Reactions.draftChoice(SlackEmoji.unicode(name))).contains(DraftChoice.ABSTAIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"white_check_mark", ":white_check_mark:", "heavy_check_mark"})
  void checkMarksAgreeWithADraft(String name) {
    assertThat(Reactions.draftChoice(SlackEmoji.unicode(name))).contains(DraftChoice.AGREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"raised_hand", "hand", ":raised_hand::skin-tone-5:"})
  void aRaisedHandBlocksADraft(String name) {
    assertThat(Reactions.draftChoice(SlackEmoji.unicode(name))).contains(DraftChoice.BLOCK);
  }

  @Test
  void aCrossDisagreesWithADraft() {
    assertThat(Reactions.draftChoice(SlackEmoji.unicode("x"))).contains(DraftChoice.DISAGREE);
  }

  @Test
  void aSkinToneBecomesUnicodesModifierAfterTheBaseEmoji() {
    assertThat(SlackEmoji.unicode("+1::skin-tone-3")).isEqualTo("👍🏼");
    assertThat(SlackEmoji.unicode("woman-shrugging::skin-tone-6")).isEqualTo("🤷🏿\u200D♀️");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tada", ":tada:", "heart", "partyparrot"})
  void otherNamesPassAsSlackWroteThemAndAreNoVote(String name) {
    assertThat(SlackEmoji.unicode(name)).isEqualTo(name);
    assertThat(Reactions.vote(SlackEmoji.unicode(name))).isFalse();
  }

  @Test
  void onlyTheSeededVoteEmojiHaveANameToSeedBy() {
    assertThat(SlackEmoji.name("👍")).contains("+1");
    assertThat(SlackEmoji.name("✋")).contains("raised_hand");
    assertThat(SlackEmoji.name("🎉")).isEmpty();
  }
}
