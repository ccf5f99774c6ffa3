package dev.chorus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpinionGroupsTest {

  /**
   * Two camps, sized {@code sizeA} and {@code sizeB} (camp A first), over 12 statements: each camp agrees with
   * its six and disagrees with the other six; each member sees 80 % of the statements (seeded).
   */
  private static VoteMatrix twoCamps(int sizeA, int sizeB, long seed) {
    var random = new Random(seed);
    int members = sizeA + sizeB;
    var builder = VoteMatrix.builder(members, 12);
    for (int i = 0; i < members; i++) {
      boolean campA = i < sizeA;
      for (int j = 0; j < 12; j++) {
        if (random.nextDouble() < 0.8 || j < 3) {
          builder.add(i, j, campA == (j < 6) ? 1 : -1);
        }
      }
    }
    return builder.build();
  }

  private static Set<Integer> range(int from, int to) {
    var set = new TreeSet<Integer>();
    for (int i = from; i < to; i++) {
      set.add(i);
    }
    return set;
  }

  @Test
  void twoCampsAboveTheBaseClusterThresholdAreStillFoundExactly() {
    // Given 1,200 members, above the threshold where members are first gathered into base clusters
    var votes = twoCamps(700, 500, 3);
    assertThat(votes.members()).isGreaterThan(OpinionGroups.BASE_CLUSTER_THRESHOLD);

    // When
    var groups = new OpinionGroups().find(votes);

    // Then the larger camp is group 0
    assertThat(groups.groups()).isEqualTo(2);
    assertThat(Views.membersByGroup(groups)).containsExactly(range(0, 700), range(700, 1200));
  }

  @Test
  void theLargestGroupIsGroupZero() {
    // Given camp A of 5 and camp B of 9, camp A listed first
    var votes = twoCamps(5, 9, 4);

    // When
    var groups = new OpinionGroups().find(votes);

    // Then
    assertThat(groups.groups()).isEqualTo(2);
    assertThat(Views.membersByGroup(groups)).containsExactly(range(5, 14), range(0, 5));
    assertThat(groups.size(0)).isEqualTo(9);
  }

  @Test
  void membersWithTooFewVotesAreInNoGroup() {
    // Given 8 members who voted on all 5 statements and one who voted on 2 (fewer than min(3, 5))
    var builder = VoteMatrix.builder(9, 5);
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 5; j++) {
        builder.add(i, j, (i < 4) == (j < 2) ? 1 : -1);
      }
    }
    builder.add(8, 0, 1).add(8, 1, 1);

    // When
    var groups = new OpinionGroups().find(builder.build());

    // Then
    assertThat(OpinionGroups.inAnalysis(builder.build())).containsExactly(true, true, true, true, true, true, true, true, false);
    assertThat(groups.groupOf()[8]).isEqualTo(-1);
    assertThat(groups.projection()[8]).containsExactly(0.0, 0.0);
  }

  @Test
  void fewerThanSixMembersInAreOneGroupEvenWhenSplit() {
    // Given 5 members split 3 against 2 on everything
    var votes = twoCamps(3, 2, 5);

    // When
    var groups = new OpinionGroups().find(votes);

    // Then
    assertThat(groups.groups()).isEqualTo(1);
    assertThat(groups.groupOf()).containsOnly(0);
    assertThat(groups.silhouette()).isZero();
  }

  @Test
  void theSameVotesGiveTheSameGroups() {
    // Given
    var votes = twoCamps(40, 30, 6);

    // When
    var first = new OpinionGroups().find(votes);
    var second = new OpinionGroups().find(votes);

    // Then
    assertThat(second.groupOf()).containsExactly(first.groupOf());
    assertThat(second.projection()).isDeepEqualTo(first.projection());
  }

  @Test
  void wholeSupportWeighsGroupsBySizeNotByHowMuchTheyVoted() {
    // Given camps of 4 and 4; on statement 0 all of camp A agree, but only one member of camp B voted (disagree)
    var builder = VoteMatrix.builder(8, 6);
    for (int i = 0; i < 8; i++) {
      for (int j = 1; j < 6; j++) {
        builder.add(i, j, (i < 4) == (j < 3) ? 1 : -1);
      }
      if (i < 4) {
        builder.add(i, 0, 1);
      }
    }
    builder.add(4, 0, -1);
    var votes = builder.build();

    // When
    var landscape = Landscape.of(votes, new int[] {-1, -1, -1, -1, -1, -1});
    var support = landscape.support(0);

    // Then the whole is the size-weighted mean of the groups' agree rates, not the pooled rate
    assertThat(landscape.groups().groups()).isEqualTo(2);
    var figures = landscape.figures();
    assertThat(support.perGroup()).containsExactly(figures.pa(0, 0), figures.pa(1, 0));
    assertThat(support.whole()).isEqualTo((4 * figures.pa(0, 0) + 4 * figures.pa(1, 0)) / 8);
    assertThat(support.whole()).isNotEqualTo(figures.pa(figures.everyone(), 0));
  }
}
