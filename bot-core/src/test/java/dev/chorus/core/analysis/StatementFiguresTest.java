package dev.chorus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatementFiguresTest {

  private static final double EXACT = 1e-12;

  // Members 0–4 form group 0, members 5–6 group 1, member 7 is in no group.
  private static final int[] GROUP_OF = {0, 0, 0, 0, 0, 1, 1, -1};

  /** Statement 0: group 0 votes 3 agree, 1 disagree, 1 pass; group 1 votes 2 disagree; member 7 agrees. Statement 1: unseen. */
  private static StatementFigures figures() {
    var votes = VoteMatrix.builder(8, 2)
        .add(0, 0, 1).add(1, 0, 1).add(2, 0, 1).add(3, 0, -1).add(4, 0, 0)
        .add(5, 0, -1).add(6, 0, -1)
        .add(7, 0, 1)
        .build();
    return StatementFigures.of(votes, GROUP_OF, 2);
  }

  @Test
  void countsAgreeDisagreeAndPassPerGroup() {
    // When
    var figures = figures();

    // Then
    assertThat(figures.groups()).isEqualTo(2);
    assertThat(figures.everyone()).isEqualTo(2);
    assertThat(figures.agree(0, 0)).isEqualTo(3);
    assertThat(figures.disagree(0, 0)).isEqualTo(1);
    assertThat(figures.pass(0, 0)).isEqualTo(1);
    assertThat(figures.seen(0, 0)).isEqualTo(5);
    assertThat(figures.agree(1, 0)).isZero();
    assertThat(figures.disagree(1, 0)).isEqualTo(2);
    assertThat(figures.seen(1, 0)).isEqualTo(2);
  }

  @Test
  void agreeAndDisagreeRatesAreLaplaceSmoothed() {
    // Given group 0 on statement 0: A = 3, D = 1, S = 5
    var figures = figures();

    // Then pa = (A + 1)/(S + 2), pd = (D + 1)/(S + 2)
    assertThat(figures.pa(0, 0)).isCloseTo(4.0 / 7, within(EXACT));
    assertThat(figures.pd(0, 0)).isCloseTo(2.0 / 7, within(EXACT));
    // group 1: A = 0, D = 2, S = 2
    assertThat(figures.pa(1, 0)).isCloseTo(1.0 / 4, within(EXACT));
    assertThat(figures.pd(1, 0)).isCloseTo(3.0 / 4, within(EXACT));
  }

  @Test
  void oneProportionTestFollowsTheFormula() {
    // Given group 0 on statement 0: A = 3, D = 1, S = 5
    var figures = figures();

    // Then pat = 2·sqrt(S + 1)·((A + 1)/(S + 1) − 0.5) = 2·sqrt(6)·(4/6 − 1/2) = sqrt(6)/3
    assertThat(figures.pat(0, 0)).isCloseTo(Math.sqrt(6) / 3, within(EXACT));
    // and pdt = 2·sqrt(6)·(2/6 − 1/2) = −sqrt(6)/3
    assertThat(figures.pdt(0, 0)).isCloseTo(-Math.sqrt(6) / 3, within(EXACT));
    // group 1, D = 2 of S = 2: pdt = 2·sqrt(3)·(3/3 − 1/2) = sqrt(3)
    assertThat(figures.pdt(1, 0)).isCloseTo(Math.sqrt(3), within(EXACT));
  }

  @Test
  void anUnseenStatementHasNeutralRates() {
    // Given nobody saw statement 1
    var figures = figures();

    // Then the prior alone: pa = pd = 1/2, pat = 2·1·(1 − 1/2) = 1
    assertThat(figures.seen(figures.everyone(), 1)).isZero();
    assertThat(figures.pa(0, 1)).isCloseTo(0.5, within(EXACT));
    assertThat(figures.pd(figures.everyone(), 1)).isCloseTo(0.5, within(EXACT));
    assertThat(figures.pat(0, 1)).isCloseTo(1.0, within(EXACT));
    assertThat(figures.rat(0, 1)).isCloseTo(0.0, within(EXACT));
  }

  @Test
  void groupAgainstTheRestComparesWithTheOtherGroupsOnly() {
    // Given group 0: A = 3 of S = 5; the rest (group 1 only, not the ungrouped member 7): A = 0 of S = 2
    var figures = figures();

    // Then ra = pa_g / pa_rest = (4/7)/(1/4)
    assertThat(figures.ra(0, 0)).isCloseTo((4.0 / 7) / (1.0 / 4), within(EXACT));
    // and rat, +1 on all four counts: p1 = 4/6, p2 = 1/3, p = 5/9, z = (p1 − p2)/sqrt(p(1 − p)(1/6 + 1/3)) = 3/sqrt(10)
    assertThat(figures.rat(0, 0)).isCloseTo(3 / Math.sqrt(10), within(1e-9));
    assertThat(figures.rat(1, 0)).isCloseTo(-3 / Math.sqrt(10), within(1e-9));
  }

  @Test
  void ratIsPositiveAndSignificantWhenTheGroupAgreesMuchMoreThanTheRest() {
    // Given group 0 (10 members) all agree, group 1 (10 members) all disagree
    var groupOf = new int[20];
    var builder = VoteMatrix.builder(20, 1);
    for (int i = 0; i < 20; i++) {
      groupOf[i] = i < 10 ? 0 : 1;
      builder.add(i, 0, i < 10 ? 1 : -1);
    }

    // When
    var figures = StatementFigures.of(builder.build(), groupOf, 2);

    // Then
    assertThat(figures.rat(0, 0)).isGreaterThan(StatementFigures.Z_90);
    assertThat(figures.ra(0, 0)).isGreaterThan(1);
    assertThat(figures.rat(1, 0)).isNegative();
    assertThat(figures.rdt(1, 0)).isGreaterThan(StatementFigures.Z_90);
    assertThat(figures.rd(1, 0)).isGreaterThan(1);
  }

  @Test
  void everyoneCountsMembersInNoGroupToo() {
    // Given member 7 (in no group) agreed with statement 0
    var figures = figures();

    // Then everyone: A = 3 + 0 + 1, D = 1 + 2, P = 1, S = 8
    int all = figures.everyone();
    assertThat(figures.agree(all, 0)).isEqualTo(4);
    assertThat(figures.disagree(all, 0)).isEqualTo(3);
    assertThat(figures.pass(all, 0)).isEqualTo(1);
    assertThat(figures.seen(all, 0)).isEqualTo(8);
    assertThat(figures.pa(all, 0)).isCloseTo(5.0 / 10, within(EXACT));
  }

  @Test
  void withNoGroupsOnlyEveryoneIsCounted() {
    // Given nobody in a group
    var votes = VoteMatrix.builder(3, 1).add(0, 0, 1).add(1, 0, 1).add(2, 0, -1).build();

    // When
    var figures = StatementFigures.of(votes, new int[] {-1, -1, -1}, 0);

    // Then
    assertThat(figures.everyone()).isZero();
    assertThat(figures.agree(0, 0)).isEqualTo(2);
    assertThat(figures.pat(0, 0)).isCloseTo(2 * Math.sqrt(4) * (3.0 / 4 - 0.5), within(EXACT));
  }
}
