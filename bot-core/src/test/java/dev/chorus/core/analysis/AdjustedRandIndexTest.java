package dev.chorus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdjustedRandIndexTest {

  @Test
  void identicalGroupingsScoreOne() {
    // Given
    int[] groups = {0, 0, 1, 1, 2, 2, 2};

    // When
    var comparison = AdjustedRandIndex.of(groups, groups.clone());

    // Then
    assertThat(comparison.ari()).isCloseTo(1.0, within(1e-12));
    assertThat(comparison.members()).isEqualTo(7);
  }

  @Test
  void theSamePartitionUnderOtherLabelsScoresOne() {
    // Given the same three groups, numbered differently
    int[] chorus = {0, 0, 1, 1, 2, 2, 2};
    int[] polis = {5, 5, 0, 0, 3, 3, 3};

    // When
    var comparison = AdjustedRandIndex.of(chorus, polis);

    // Then
    assertThat(comparison.ari()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void membersOutsideAGroupInEitherAreSkippedAndNotCounted() {
    // Given members 4 and 5 placed by only one grouping, which would disagree with the other if counted
    int[] chorus = {0, 0, 1, 1, -1, 0};
    int[] polis = {0, 0, 1, 1, 1, -1};

    // When
    var comparison = AdjustedRandIndex.of(chorus, polis);

    // Then
    assertThat(comparison.members()).isEqualTo(4);
    assertThat(comparison.ari()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aSmallExampleMatchesTheHandComputedIndex() {
    // Given rows {0,0,0,1,1,1}, columns {0,0,1,1,2,2}
    // contingency: (0,0)=2 (0,1)=1 (1,1)=1 (1,2)=2 → Σ C(n_ij, 2) = 2
    // rows: C(3,2) + C(3,2) = 6; columns: 1 + 1 + 1 = 3; C(6,2) = 15
    // expected = 6·3/15 = 1.2; max = (6 + 3)/2 = 4.5; ARI = (2 − 1.2)/(4.5 − 1.2) = 8/33
    int[] a = {0, 0, 0, 1, 1, 1};
    int[] b = {0, 0, 1, 1, 2, 2};

    // When
    var comparison = AdjustedRandIndex.of(a, b);

    // Then
    assertThat(comparison.ari()).isCloseTo(8.0 / 33, within(1e-12));
    assertThat(comparison.members()).isEqualTo(6);
  }

  @Test
  void isSymmetric() {
    int[] a = {0, 0, 0, 1, 1, 1, 2, 2};
    int[] b = {0, 1, 1, 1, 2, 2, 2, 0};

    assertThat(AdjustedRandIndex.of(a, b).ari()).isCloseTo(AdjustedRandIndex.of(b, a).ari(), within(1e-12));
  }

  @Test
  void aGroupingThatCutsAcrossTheOtherScoresBelowZero() {
    // Given two groupings at right angles: every pair together in one is apart in the other
    int[] a = {0, 0, 1, 1};
    int[] b = {0, 1, 0, 1};

    // When: Σ C(n_ij,2) = 0, rows 2, columns 2, C(4,2) = 6 → expected 2/3, max 2, ARI = −(2/3)/(4/3) = −1/2
    var comparison = AdjustedRandIndex.of(a, b);

    // Then
    assertThat(comparison.ari()).isCloseTo(-0.5, within(1e-12));
  }
}
