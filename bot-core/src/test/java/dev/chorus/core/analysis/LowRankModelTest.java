package dev.chorus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LowRankModelTest {

  private static final int MEMBERS = 60;
  private static final int STATEMENTS = 20;

  /** A planted two-camp matrix with 5 % of the votes flipped, and 20 % of its cells hidden. */
  private static final class Planted {
    final int[][] truth = new int[MEMBERS][STATEMENTS];
    final List<int[]> hidden = new ArrayList<>();
    final VoteMatrix training;

    Planted(long seed) {
      var random = new Random(seed);
      var builder = VoteMatrix.builder(MEMBERS, STATEMENTS);
      for (int i = 0; i < MEMBERS; i++) {
        boolean campA = i < MEMBERS / 2;
        for (int j = 0; j < STATEMENTS; j++) {
          boolean campAStatement = j < STATEMENTS / 2;
          int vote = campA == campAStatement ? 1 : -1;
          if (random.nextDouble() < 0.05) {
            vote = -vote;
          }
          truth[i][j] = vote;
          if (random.nextDouble() < 0.2) {
            hidden.add(new int[] {i, j});
          } else {
            builder.add(i, j, vote);
          }
        }
      }
      training = builder.build();
    }

    double accuracy(VotePredictor.Fitted fitted) {
      int right = 0;
      for (var cell : hidden) {
        if (fitted.predict(cell[0], cell[1]) == truth[cell[0]][cell[1]]) {
          right++;
        }
      }
      return (double) right / hidden.size();
    }
  }

  @Test
  void predictsHiddenVotesOfTwoCampsFarBetterThanTheStatementMajority() {
    // Given
    var planted = new Planted(42);
    assertThat(planted.hidden).hasSizeGreaterThan(150);

    // When
    double lowRank = planted.accuracy(LowRankModel.standard().fit(planted.training));
    double majority = planted.accuracy(VotePredictor.statementMajority().fit(planted.training));

    // Then
    assertThat(lowRank).isGreaterThanOrEqualTo(0.9);
    assertThat(majority).isLessThanOrEqualTo(0.7);
  }

  @Test
  void holdsUpAcrossSeveralPlantings() {
    for (long seed = 1; seed <= 5; seed++) {
      // Given
      var planted = new Planted(seed);

      // When
      double lowRank = planted.accuracy(LowRankModel.standard().fit(planted.training));

      // Then
      assertThat(lowRank).as("seed %d", seed).isGreaterThanOrEqualTo(0.9);
    }
  }

  @Test
  void twoFitsOnTheSameVotesPredictTheSame() {
    // Given
    var planted = new Planted(7);

    // When
    var first = LowRankModel.standard().fit(planted.training);
    var second = LowRankModel.standard().fit(planted.training);

    // Then
    for (int i = 0; i < MEMBERS; i++) {
      for (int j = 0; j < STATEMENTS; j++) {
        assertThat(second.predict(i, j)).as("member %d, statement %d", i, j).isEqualTo(first.predict(i, j));
      }
    }
  }

  @Test
  void predictsOnlyAgreeOrDisagree() {
    // Given
    var planted = new Planted(8);

    // When
    var fitted = LowRankModel.standard().fit(planted.training);

    // Then
    for (int i = 0; i < MEMBERS; i++) {
      for (int j = 0; j < STATEMENTS; j++) {
        assertThat(fitted.predict(i, j)).isIn(-1, 1);
      }
    }
  }

  @Test
  void aMemberWithNoVotesIsPredictedByTheStatementsLean() {
    // Given 20 members who all agree with statement 0 and all disagree with statement 1, and member 20 who never voted
    var builder = VoteMatrix.builder(21, 2);
    for (int i = 0; i < 20; i++) {
      builder.add(i, 0, 1).add(i, 1, -1);
    }

    // When
    var fitted = LowRankModel.standard().fit(builder.build());

    // Then
    assertThat(fitted.predict(20, 0)).isEqualTo(1);
    assertThat(fitted.predict(20, 1)).isEqualTo(-1);
  }
}
