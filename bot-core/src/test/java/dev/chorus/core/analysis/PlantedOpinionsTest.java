package dev.chorus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance: "3 members → one group and a draft; 8 members in two camps of 4 → exactly
 * those two groups; 5 members of whom one dissents on everything → one group, with the dissenter's
 * view among the minority views; never an exception or NaN."
 */
class PlantedOpinionsTest {

  private static final int LIMIT = 3500;

  @Nested
  class ThreeMembers {

    private Views threeMembersWhoVotedOnEverything() {
      var views = new Views(3);
      int opening = views.view(0, "Open the garden to the neighbours on weekends.");
      int compost = views.view(1, "Start a compost heap behind the shed.");
      int fence = views.view(2, "Build a fence along the road.");
      views.vote(1, opening, 1).vote(2, opening, 1);
      views.vote(0, compost, 1).vote(2, compost, -1);
      views.vote(0, fence, 0).vote(1, fence, -1);
      return views;
    }

    @Test
    void threeMembersFormOneGroup() {
      // Given three members who each wrote a view and voted on the others'
      var views = threeMembersWhoVotedOnEverything();

      // When
      var landscape = views.landscape();

      // Then all three are in the one group
      assertThat(landscape.groups().groups()).isEqualTo(1);
      assertThat(landscape.groups().groupOf()).containsExactly(0, 0, 0);
      assertThat(landscape.representative()).hasSize(1);
      assertThat(landscape.divisive()).isEmpty();
    }

    @Test
    void threeMembersGetADraftThatCoversEveryone() {
      // Given
      var views = threeMembersWhoVotedOnEverything();

      // When
      var draft = views.draft(LIMIT);

      // Then
      assertThat(draft.text()).isNotBlank().doesNotContain("NaN").doesNotContain("Infinity");
      assertThat(draft.text()).contains(views.text(0));
      assertThat(draft.members()).isEqualTo(3);
      assertThat(draft.coverage()).isEqualTo(1.0);
      assertThat(draft.text()).contains("Coverage: 100%");
    }
  }

  @Nested
  class TwoCampsOfFour {

    private static final Set<Integer> CAMP_A = Set.of(0, 1, 2, 3);
    private static final Set<Integer> CAMP_B = Set.of(4, 5, 6, 7);

    private final Views views = new Views(8);
    private final List<Integer> campAStatements = new ArrayList<>();
    private final List<Integer> campBStatements = new ArrayList<>();
    private final List<Integer> shared = new ArrayList<>();

    TwoCampsOfFour() {
      campAStatements.add(views.view(0, "Keep the library open on Sundays."));
      campAStatements.add(views.view(1, "Spend the surplus on new books."));
      campAStatements.add(views.view(2, "Hire a second librarian."));
      campBStatements.add(views.view(4, "Close on Sundays to save on heating."));
      campBStatements.add(views.view(5, "Return the surplus to the members."));
      campBStatements.add(views.view(6, "Let volunteers run the front desk."));
      shared.add(views.view(3, "Publish the budget every quarter."));
      shared.add(views.view(7, "Fix the leaking roof before winter."));
      for (int member = 0; member < 8; member++) {
        boolean inA = CAMP_A.contains(member);
        for (int j : campAStatements) {
          views.vote(member, j, inA ? 1 : -1);
        }
        for (int j : campBStatements) {
          views.vote(member, j, inA ? -1 : 1);
        }
        for (int j : shared) {
          views.vote(member, j, 1);
        }
      }
    }

    @Test
    void twoCampsBecomeExactlyThoseTwoGroups() {
      // When
      var groups = views.landscape().groups();

      // Then (group numbering may differ)
      assertThat(groups.groups()).isEqualTo(2);
      assertThat(Views.membersByGroup(groups)).containsExactlyInAnyOrder(CAMP_A, CAMP_B);
      assertThat(groups.silhouette()).isGreaterThanOrEqualTo(OpinionGroups.MIN_SILHOUETTE);
    }

    @Test
    void whatBothCampsAgreeOnIsCommonGround() {
      // When
      var landscape = views.landscape();

      // Then
      assertThat(landscape.commonGround()).containsExactlyInAnyOrderElementsOf(shared);
    }

    @Test
    void theCampStatementsAreDivisive() {
      // When
      var landscape = views.landscape();

      // Then the best three by spread are camp statements, and every camp statement splits the groups
      var campStatements = new ArrayList<>(campAStatements);
      campStatements.addAll(campBStatements);
      assertThat(landscape.divisive()).hasSize(3).isSubsetOf(campStatements);
      var figures = landscape.figures();
      for (int j : campStatements) {
        assertThat(Math.abs(figures.pa(0, j) - figures.pa(1, j)))
            .as("spread of statement %d", j)
            .isGreaterThanOrEqualTo(Landscape.DIVISIVE_SPREAD);
      }
      for (int j : shared) {
        assertThat(landscape.divisive()).doesNotContain(j);
      }
    }

    @Test
    void eachGroupIsRepresentedByItsOwnCampsStatements() {
      // When
      var landscape = views.landscape();

      // Then each group stands out by agreeing with its camp's statements or rejecting the other camp's
      for (int g = 0; g < 2; g++) {
        boolean groupIsA = Views.membersByGroup(landscape.groups()).get(g).equals(CAMP_A);
        var own = groupIsA ? campAStatements : campBStatements;
        var other = groupIsA ? campBStatements : campAStatements;
        var representative = landscape.representative().get(g);
        assertThat(representative).as("group %d", g).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        for (var r : representative) {
          if (r.agreeing()) {
            assertThat(own).contains(r.statement());
          } else {
            assertThat(other).contains(r.statement());
          }
          assertThat(r.score()).isPositive().isFinite();
        }
      }
    }

    @Test
    void theDraftSaysWhereTheCampsAgreeAndWhereTheyDiffer() {
      // When
      var draft = views.draft(LIMIT);

      // Then
      assertThat(draft.text()).isNotBlank().doesNotContain("NaN").doesNotContain("Infinity");
      assertThat(draft.text()).contains("Where we agree", "Where we differ");
      for (int j : shared) {
        assertThat(draft.text()).contains(views.text(j));
      }
      assertThat(draft.coverage()).isEqualTo(1.0);
    }
  }

  @Nested
  class OneDissenterAmongFive {

    private static final int DISSENTER = 4;

    private final Views views = new Views(5);
    private final int dissentersView;

    OneDissenterAmongFive() {
      views.view(0, "Meet every second Tuesday.");
      views.view(1, "Share the minutes by email.");
      views.view(2, "Rotate who chairs the meeting.");
      views.view(3, "Keep meetings under one hour.");
      dissentersView = views.view(DISSENTER, "Abolish the meetings and decide everything online.");
      for (int member = 0; member < 5; member++) {
        for (int j = 0; j < views.statementCount(); j++) {
          boolean own = j == dissentersView ? member == DISSENTER : member == j;
          if (own) {
            continue; // the author's implicit +1
          }
          boolean agrees = (member == DISSENTER) == (j == dissentersView);
          views.vote(member, j, agrees ? 1 : -1);
        }
      }
    }

    @Test
    void theDissenterStaysInTheOneGroup() {
      // When
      var groups = views.landscape().groups();

      // Then
      assertThat(groups.groups()).isEqualTo(1);
      assertThat(groups.groupOf()).containsOnly(0);
    }

    @Test
    void theDissentersViewIsAMinorityViewAndTheRestIsCommonGround() {
      // When
      var landscape = views.landscape();

      // Then
      assertThat(landscape.minority()).contains(dissentersView);
      assertThat(landscape.commonGround()).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void theDraftQuotesTheDissenterSoEveryoneIsCovered() {
      // When
      var draft = views.draft(LIMIT);

      // Then
      assertThat(draft.text()).isNotBlank().doesNotContain("NaN").doesNotContain("Infinity");
      assertThat(draft.text()).contains(views.text(dissentersView));
      assertThat(draft.included()).contains(dissentersView);
      assertThat(draft.coverage()).isEqualTo(1.0);
    }
  }

  @Nested
  class NeverAnExceptionOrNaN {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 2024})
    void randomVotesFromOneToTwelveMembersGiveFiniteFiguresAndADraft(long seed) {
      var random = new Random(seed);
      for (int members = 1; members <= 12; members++) {
        for (var pattern : VotePattern.values()) {
          // Given
          var views = randomViews(random, members, pattern);
          var votes = views.matrix();
          var what = "seed " + seed + ", " + members + " members, " + views.statementCount() + " statements, " + pattern;

          // When
          var landscape = Landscape.of(votes, views.authorOf());
          var draft = new DraftComposer().compose(votes, landscape, views.statements(), "Draft.", LIMIT);

          // Then
          assertFinite(landscape, views.statementCount(), what);
          assertThat(draft.text()).as(what).isNotBlank().doesNotContain("NaN").doesNotContain("Infinity");
          assertThat(draft.coverage()).as(what).isBetween(0.0, 1.0);
          assertThat(draft.text().length()).as(what).isLessThanOrEqualTo(LIMIT);
        }
      }
    }

    @Test
    void oneMemberWithOneStatementAndNoOtherVotes() {
      // Given
      var views = new Views(1);
      views.view(0, "A single lonely view.");

      // When / Then
      assertThatCode(() -> {
        var landscape = views.landscape();
        assertFinite(landscape, 1, "one member");
        assertThat(views.draft(LIMIT).text()).contains("A single lonely view.").doesNotContain("NaN");
      }).doesNotThrowAnyException();
    }
  }

  enum VotePattern { RANDOM, ALL_AGREE, ALL_PASS, ALL_DISAGREE, OWN_ONLY }

  private static Views randomViews(Random random, int members, VotePattern pattern) {
    var views = new Views(members);
    int statements = 1 + random.nextInt(8);
    for (int j = 0; j < statements; j++) {
      views.view(random.nextInt(members), "Statement number " + j + " about topic " + random.nextInt(4) + ".");
    }
    if (pattern == VotePattern.OWN_ONLY) {
      return views;
    }
    for (int member = 0; member < members; member++) {
      for (int j = 0; j < statements; j++) {
        if (random.nextDouble() < 0.3) {
          continue; // unseen
        }
        int value;
        if (pattern == VotePattern.ALL_AGREE) {
          value = 1;
        } else if (pattern == VotePattern.ALL_PASS) {
          value = 0;
        } else if (pattern == VotePattern.ALL_DISAGREE) {
          value = -1;
        } else {
          value = random.nextInt(3) - 1;
        }
        views.vote(member, j, value);
      }
    }
    return views;
  }

  private static void assertFinite(Landscape landscape, int statements, String what) {
    var groups = landscape.groups();
    assertThat(groups.silhouette()).as(what + ": silhouette").isFinite();
    for (int i = 0; i < groups.projection().length; i++) {
      assertThat(groups.projection()[i]).as(what + ": projection of member " + i).hasSize(2);
      for (double x : groups.projection()[i]) {
        assertThat(x).as(what + ": projection of member " + i).isFinite();
      }
    }
    var figures = landscape.figures();
    for (int j = 0; j < statements; j++) {
      var support = landscape.support(j);
      assertThat(support.whole()).as(what + ": support(" + j + ").whole").isFinite().isBetween(0.0, 1.0);
      assertThat(support.perGroup()).as(what + ": support(" + j + ").perGroup").hasSize(groups.groups());
      for (double p : support.perGroup()) {
        assertThat(p).as(what + ": support(" + j + ").perGroup").isFinite().isBetween(0.0, 1.0);
      }
      assertThat(Landscape.consensus(figures, j)).as(what + ": consensus(" + j + ")").isFinite();
      for (int g = 0; g <= figures.groups(); g++) {
        var label = what + ": figures of row " + g + ", statement " + j;
        for (double x : new double[] {
            figures.pa(g, j), figures.pd(g, j), figures.pat(g, j), figures.pdt(g, j),
            figures.ra(g, j), figures.rd(g, j), figures.rat(g, j), figures.rdt(g, j)}) {
          assertThat(x).as(label).isFinite();
        }
      }
    }
    for (var perGroup : landscape.representative()) {
      for (var r : perGroup) {
        assertThat(r.score()).as(what + ": representative score").isFinite();
      }
    }
  }
}
