package dev.chorus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeldOutTest {

  /** 40 members × 15 statements, 70 % of cells seen, a fifth of the votes passes. */
  private static VoteMatrix randomVotes(long seed) {
    var random = new Random(seed);
    var builder = VoteMatrix.builder(40, 15);
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 15; j++) {
        if (random.nextDouble() < 0.7) {
          double r = random.nextDouble();
          builder.add(i, j, r < 0.2 ? 0 : r < 0.6 ? -1 : 1);
        }
      }
    }
    return builder.build();
  }

  /** Every cell of a matrix, as "member,statement" → value. */
  private static Map<String, Integer> cells(VoteMatrix votes) {
    var cells = new HashMap<String, Integer>();
    for (int i = 0; i < votes.members(); i++) {
      for (int r = votes.rowFrom(i); r < votes.rowTo(i); r++) {
        cells.put(i + "," + votes.statementAt(r), votes.valueAt(r));
      }
    }
    return cells;
  }

  private static Map<String, Integer> hiddenCells(HeldOut.Split split) {
    var cells = new HashMap<String, Integer>();
    for (int h = 0; h < split.hiddenMember().length; h++) {
      cells.put(split.hiddenMember()[h] + "," + split.hiddenStatement()[h], split.hiddenValue()[h]);
    }
    return cells;
  }

  private static int count(VoteMatrix votes, boolean passes) {
    int n = 0;
    for (int value : cells(votes).values()) {
      if ((value == 0) == passes) {
        n++;
      }
    }
    return n;
  }

  @Test
  void hidesARoundedTenthOfTheAgreeAndDisagreeVotesAndNoPasses() {
    // Given
    var votes = randomVotes(11);
    int nonZero = count(votes, false);
    int passes = count(votes, true);
    assertThat(passes).isPositive();

    // When
    var split = HeldOut.split(votes, 1);

    // Then
    assertThat(split.hiddenValue()).hasSize((int) Math.round(nonZero * HeldOut.HIDDEN_SHARE));
    assertThat(split.hiddenValue()).doesNotContain(0);
    assertThat(count(split.training(), true)).isEqualTo(passes);
  }

  @Test
  void roundsTheHiddenShareHalfUp() {
    // Given 25 agree/disagree votes and 5 passes: 10 % is 2.5
    var builder = VoteMatrix.builder(5, 6);
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 6; j++) {
        builder.add(i, j, j == 5 ? 0 : (i + j) % 2 == 0 ? 1 : -1);
      }
    }
    var votes = builder.build();

    // When
    var split = HeldOut.split(votes, 3);

    // Then
    assertThat(split.hiddenMember()).hasSize(3);
    assertThat(split.training().votes()).isEqualTo(27);
  }

  @Test
  void trainingAndHiddenTogetherAreAllTheVotes() {
    // Given
    var votes = randomVotes(12);

    // When
    var split = HeldOut.split(votes, 7);

    // Then
    var training = cells(split.training());
    var hidden = hiddenCells(split);
    assertThat(hidden).hasSize(split.hiddenMember().length);
    assertThat(training.keySet()).doesNotContainAnyElementsOf(hidden.keySet());
    var together = new HashMap<>(training);
    together.putAll(hidden);
    assertThat(together).isEqualTo(cells(votes));
    assertThat(split.training().members()).isEqualTo(votes.members());
    assertThat(split.training().statements()).isEqualTo(votes.statements());
  }

  @Test
  void theSameSeedGivesTheSameSplit() {
    // Given
    var votes = randomVotes(13);

    // When
    var first = HeldOut.split(votes, 5);
    var second = HeldOut.split(votes, 5);

    // Then
    assertThat(hiddenCells(second)).isEqualTo(hiddenCells(first));
    assertThat(cells(second.training())).isEqualTo(cells(first.training()));
  }

  @Test
  void differentSeedsGiveDifferentSplits() {
    // Given
    var votes = randomVotes(14);

    // When
    var splits = new ArrayList<Map<String, Integer>>();
    for (int seed = 1; seed <= 5; seed++) {
      splits.add(hiddenCells(HeldOut.split(votes, seed)));
    }

    // Then no two seeds hide the same votes
    for (int a = 0; a < splits.size(); a++) {
      for (int b = a + 1; b < splits.size(); b++) {
        assertThat(splits.get(a).keySet()).as("seeds %d and %d", a + 1, b + 1).isNotEqualTo(splits.get(b).keySet());
      }
    }
  }

  @Test
  void everyModelIsFittedOnTheSameSplits() {
    // Given two models that remember what they were trained on
    var votes = randomVotes(15);
    var seenByFirst = new ArrayList<Map<String, Integer>>();
    var seenBySecond = new ArrayList<Map<String, Integer>>();
    VotePredictor first = training -> {
      seenByFirst.add(cells(training));
      return (member, statement) -> 1;
    };
    VotePredictor second = training -> {
      seenBySecond.add(cells(training));
      return (member, statement) -> -1;
    };

    // When
    HeldOut.evaluate(votes, List.of(first, second), 1, 4);

    // Then
    assertThat(seenByFirst).hasSize(4);
    assertThat(seenBySecond).isEqualTo(seenByFirst);
    assertThat(seenByFirst.get(0)).isNotEqualTo(seenByFirst.get(1));
  }

  @Test
  void identicalModelsScoreIdenticallySeedBySeed() {
    // Given
    var votes = randomVotes(16);

    // When
    var results = HeldOut.evaluate(votes,
        List.of(VotePredictor.statementMajority(), VotePredictor.statementMajority()), 1, 6);

    // Then
    assertThat(results).hasSize(2);
    assertThat(results.get(1).perSeed()).containsExactly(results.get(0).perSeed());
    assertThat(results.get(1).mean()).isEqualTo(results.get(0).mean());
    assertThat(results.get(0).perSeed()).hasSize(6);
  }

  @Test
  void aModelThatKnowsEveryVoteScoresOne() {
    // Given a cheat: fitted on the full matrix, it reads the true value
    var votes = randomVotes(17);
    var truth = cells(votes);
    VotePredictor cheat = training -> (member, statement) -> truth.get(member + "," + statement);

    // When
    var accuracy = HeldOut.evaluate(votes, List.of(cheat), 1, 5).get(0);

    // Then
    assertThat(accuracy.perSeed()).containsOnly(1.0);
    assertThat(accuracy.mean()).isEqualTo(1.0);
    assertThat(accuracy.std()).isZero();
  }

  @Test
  void meanAndStandardDeviationAreOverThePerSeedAccuracies() {
    // Given a model that always predicts agree: its accuracy is the agree share of the hidden votes
    var votes = randomVotes(18);
    VotePredictor alwaysAgree = training -> (member, statement) -> 1;
    var expected = new double[3];
    for (int seed = 1; seed <= 3; seed++) {
      var split = HeldOut.split(votes, seed);
      int agree = 0;
      for (int value : split.hiddenValue()) {
        if (value > 0) {
          agree++;
        }
      }
      expected[seed - 1] = (double) agree / split.hiddenValue().length;
    }
    double mean = (expected[0] + expected[1] + expected[2]) / 3;
    double variance = 0;
    for (double e : expected) {
      variance += (e - mean) * (e - mean);
    }

    // When
    var accuracy = HeldOut.evaluate(votes, List.of(alwaysAgree), 1, 3).get(0);

    // Then
    assertThat(accuracy.perSeed()).containsExactly(expected[0], expected[1], expected[2]);
    assertThat(accuracy.mean()).isCloseTo(mean, within(1e-12));
    assertThat(accuracy.std()).isCloseTo(Math.sqrt(variance / 3), within(1e-12));
  }
}
