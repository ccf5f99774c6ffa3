package dev.chorus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DraftComposerTest {

  private static final int LIMIT = 3500;
  private static final String NOT_INCLUDED = "Not included for length: ";

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  /** The labels the draft names as not included, in order. */
  private static List<String> namedAsLeftOut(String text) {
    int at = text.indexOf(NOT_INCLUDED);
    assertThat(at).as("the draft says what did not fit").isNotNegative();
    var list = text.substring(at + NOT_INCLUDED.length()).strip();
    assertThat(list).endsWith(".");
    return Arrays.asList(list.substring(0, list.length() - 1).split(", "));
  }

  @Nested
  class NearDuplicates {

    // Members 0–2 agreed with both wordings; member 3 only with the second, member 4 only with the first.
    private final Views views = new Views(5);
    private final int first = views.view(0, "We need a two-year transition period.");
    private final int second = views.view(1, "We need a two year transition period!");
    private final int minutes = views.view(2, "Publish the meeting minutes every week.");
    private final int evening = views.view(3, "Move the meetings to the evening.");
    private final int coffee = views.view(4, "Serve coffee at every meeting.");

    NearDuplicates() {
      for (int member = 0; member < 3; member++) {
        views.vote(member, first, 1).vote(member, second, 1);
      }
      views.vote(3, second, 1).vote(4, first, 1);
      views.vote(0, minutes, 1).vote(1, minutes, 1).vote(3, minutes, -1).vote(4, minutes, -1);
      views.vote(0, evening, -1).vote(1, evening, 1).vote(4, evening, -1);
      views.vote(0, coffee, 1).vote(1, coffee, -1).vote(3, coffee, -1);
    }

    @Test
    void nearDuplicateStatementsAreQuotedOnce() {
      // Given
      assertThat(TextSimilarity.of(List.of(views.text(first), views.text(second))).cosine(0, 1))
          .isGreaterThanOrEqualTo(DraftComposer.NEAR_DUPLICATE);

      // When
      var draft = views.draft(LIMIT);

      // Then
      assertThat(occurrences(draft.text(), "transition period")).isEqualTo(1);
      assertThat(draft.included().stream().filter(j -> j == first || j == second)).hasSize(1);
    }

    @Test
    void whoAgreedWithTheWordingNotQuotedIsStillCovered() {
      // When
      var draft = views.draft(LIMIT);

      // Then whichever wording is quoted, the member who agreed only with the other one is covered
      // without any other statement of theirs being quoted
      int quoted = draft.included().contains(first) ? first : second;
      int memberOfTheOther = quoted == first ? 3 : 4;
      int theirOwn = memberOfTheOther == 3 ? evening : coffee;
      assertThat(draft.included()).doesNotContain(theirOwn);
      assertThat(draft.members()).isEqualTo(5);
      assertThat(draft.covered()).isEqualTo(5);
      assertThat(draft.coverage()).isEqualTo(1.0);
    }
  }

  @Nested
  class LengthLimit {

    private static final String[] PLACES = {
        "library", "swimming pool", "parking garage", "town hall", "bus station", "football pitch",
        "community garden", "fire station", "market square", "old cinema", "river bank", "primary school"};

    /** Twelve members, each with a long view that only its author agrees with. */
    private Views twelveLongViews() {
      var views = new Views(12);
      for (int i = 0; i < 12; i++) {
        views.view(i, "The " + PLACES[i] + " deserves a thorough renovation because " + PLACES[i]
            + " visitors keep telling us it is in a bad state and needs attention before the next winter arrives.");
      }
      for (int i = 0; i < 12; i++) {
        for (int j = 0; j < 12; j++) {
          if (i != j) {
            views.vote(i, j, -1);
          }
        }
      }
      return views;
    }

    /** Two camps of four, each agreeing with its own camp's long proposals and rejecting the other's. */
    private Views twoCampsWithLongProposals() {
      var views = new Views(8);
      for (int i = 0; i < 8; i++) {
        views.view(i, "Camp " + (i < 4 ? "A" : "B") + " proposal about the " + PLACES[i]
            + ", which is fairly long so that the length limit bites somewhere in this draft.");
      }
      for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 8; j++) {
          if (i != j) {
            views.vote(i, j, (i < 4) == (j < 4) ? 1 : -1);
          }
        }
      }
      return views;
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {400, 500, 600, 700, 800, 1000, 1500})
    void theDraftNeverExceedsTheLimit(int limit) {
      // When
      var longViews = twelveLongViews().draft(limit);
      var camps = twoCampsWithLongProposals().draft(limit);

      // Then
      assertThat(longViews.text().length()).isLessThanOrEqualTo(limit);
      assertThat(camps.text().length()).isLessThanOrEqualTo(limit);
    }

    @Test
    void whatDidNotFitIsNamedOnceEach() {
      // Given
      var views = twelveLongViews();

      // When
      var draft = views.draft(600);

      // Then
      assertThat(draft.text().length()).isLessThanOrEqualTo(600);
      assertThat(draft.coverage()).isLessThan(1.0);
      var expected = new ArrayList<String>();
      for (int j = 0; j < views.statementCount(); j++) {
        if (!draft.included().contains(j)) {
          expected.add(Views.label(j)); // each would reach its author, who is not covered
        }
      }
      var named = namedAsLeftOut(draft.text());
      assertThat(named).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(named).doesNotHaveDuplicates();
      assertThat(draft.leftOut()).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {480, 560, 640, 720})
    void aStatementNamedAsNotIncludedIsNotInTheDraft(int limit) {
      // Given
      var views = twoCampsWithLongProposals();

      // When
      var draft = views.draft(limit);

      // Then
      assertThat(draft.text().length()).isLessThanOrEqualTo(limit);
      var named = namedAsLeftOut(draft.text());
      assertThat(named).isNotEmpty();
      for (int j = 0; j < views.statementCount(); j++) {
        if (named.contains(Views.label(j))) {
          assertThat(draft.text()).as("%s is named as not included", Views.label(j)).doesNotContain(views.text(j));
          assertThat(draft.included()).as("%s is named as not included", Views.label(j)).doesNotContain(j);
        }
      }
      assertThat(draft.leftOut()).doesNotContainAnyElementsOf(draft.included());
    }

    @Test
    void aDraftThatFitsSaysNothingIsLeftOut() {
      // When
      var draft = twoCampsWithLongProposals().draft(LIMIT);

      // Then
      assertThat(draft.text()).doesNotContain("Not included for length");
      assertThat(draft.leftOut()).isEmpty();
      assertThat(draft.coverage()).isEqualTo(1.0);
    }
  }

  @Nested
  class Themes {

    @Test
    void withNoMembersInTheAnalysisTheDraftGathersThemesAndCoversEveryone() {
      // Given four members who each only wrote a view (their implicit agreement is their only vote)
      var views = new Views(4);
      int bikes = views.view(0, "More bike lanes downtown.");
      int parking = views.view(1, "Cheaper parking near the station.");
      int widerBikes = views.view(2, "Wider bike lanes on Main Street downtown.");
      int trees = views.view(3, "Plant trees in the schoolyard.");

      // When
      var landscape = views.landscape();
      var draft = views.draft(LIMIT);

      // Then
      assertThat(landscape.groups().groups()).isZero();
      assertThat(landscape.groups().groupOf()).containsOnly(-1);
      assertThat(draft.text()).contains("Themes raised so far").doesNotContain("Where we agree", "NaN");
      assertThat(draft.coverage()).isEqualTo(1.0);
      assertThat(draft.text()).contains("Coverage: 100%");
      // the second bike-lane view follows the first, indented, before the other themes
      assertThat(draft.included()).containsExactly(bikes, widerBikes, parking, trees);
      assertThat(draft.text()).contains("• " + views.text(bikes) + "\n   – " + views.text(widerBikes) + "\n");
    }
  }

  @Nested
  class TwoCamps {

    private static final Set<Integer> CAMP_A = Set.of(0, 1, 2, 3);

    private final Views views = new Views(8);
    private final List<Integer> campStatements = new ArrayList<>();
    private final int shared;

    TwoCamps() {
      campStatements.add(views.view(0, "Build the new clinic in the town centre."));
      campStatements.add(views.view(1, "Raise the local tax to pay for the clinic."));
      campStatements.add(views.view(4, "Build the new clinic next to the motorway."));
      campStatements.add(views.view(5, "Pay for the clinic with a loan."));
      shared = views.view(7, "Ask the nurses before deciding anything.");
      for (int member = 0; member < 8; member++) {
        boolean inA = CAMP_A.contains(member);
        for (int j : campStatements) {
          boolean statementOfA = CAMP_A.contains(views.authorOf()[j]);
          views.vote(member, j, inA == statementOfA ? 1 : -1);
        }
        views.vote(member, shared, 1);
      }
    }

    @Test
    void theDraftSaysWhereWeAgreeAndWhereWeDiffer() {
      // When
      var draft = views.draft(LIMIT);

      // Then
      var text = draft.text();
      assertThat(text).startsWith("Draft written by Chorus.");
      assertThat(text).contains("\nWhere we agree\n", "\nWhere we differ\n");
      assertThat(text.indexOf("Where we agree")).isLessThan(text.indexOf("Where we differ"));
      assertThat(text).contains("• " + views.text(shared));
      assertThat(text).contains("Group A (4 members)", "Group B (4 members)");
      assertThat(draft.coverage()).isEqualTo(1.0);
    }

    @Test
    void eachDivisiveLineGivesEachGroupsAgreeShare() {
      // Given
      var landscape = views.landscape();
      var groupOfCampA = landscape.groups().groupOf()[0];
      assertThat(landscape.divisive()).isNotEmpty();

      // When
      var draft = views.draft(LIMIT);

      // Then
      var line = Pattern.compile("• (.+) — Group A (\\d+)% agree, Group B (\\d+)% agree");
      int lines = 0;
      for (var each : draft.text().split("\n")) {
        var match = line.matcher(each);
        if (!match.matches()) {
          continue;
        }
        lines++;
        int j = views.statements().texts().indexOf(match.group(1));
        assertThat(campStatements).as(each).contains(j);
        boolean agreedByA = CAMP_A.contains(views.authorOf()[j]);
        int shareOfA = groupOfCampA == 0 ? Integer.parseInt(match.group(2)) : Integer.parseInt(match.group(3));
        int shareOfB = groupOfCampA == 0 ? Integer.parseInt(match.group(3)) : Integer.parseInt(match.group(2));
        assertThat(shareOfA).as(each).isEqualTo(agreedByA ? 100 : 0);
        assertThat(shareOfB).as(each).isEqualTo(agreedByA ? 0 : 100);
      }
      assertThat(lines).isEqualTo(landscape.divisive().size());
    }

    @Test
    void everyStatementIsQuotedAtMostOnce() {
      // When
      var text = views.draft(LIMIT).text();

      // Then
      for (int j = 0; j < views.statementCount(); j++) {
        assertThat(occurrences(text, views.text(j))).as(views.text(j)).isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void aViewNoOneElseSharesIsAlsoRaisedAsAMinorityView() {
    // Given four members who agree with each other and a fifth whose view they all reject
    var views = new Views(5);
    for (int i = 0; i < 4; i++) {
      views.view(i, "Shared idea number " + (i + 1) + " about the garden.");
    }
    int lonely = views.view(4, "Pave the garden over for parking.");
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        if (i != j) {
          views.vote(i, j, (i == 4) == (j == lonely) ? 1 : -1);
        }
      }
    }

    // When
    var draft = views.draft(LIMIT);

    // Then
    assertThat(draft.text()).contains("\nAlso raised\n• " + views.text(lonely) + " (a minority view)\n");
    assertThat(draft.coverage()).isEqualTo(1.0);
  }

  @Test
  void aStatementManyPassedOnIsStillOpen() {
    // Given five members who agree with two views; on the third, its author and two others agree, two pass
    var views = new Views(5);
    views.view(0, "Repaint the hall in green.");
    views.view(1, "Repair the hall windows.");
    int unsure = views.view(2, "Sell the hall to the council.");
    for (int i = 0; i < 5; i++) {
      views.vote(i, 0, 1).vote(i, 1, 1);
    }
    views.vote(0, unsure, 1).vote(1, unsure, 1).vote(3, unsure, 0).vote(4, unsure, 0);

    // When
    var landscape = views.landscape();
    var draft = views.draft(LIMIT);

    // Then
    assertThat(landscape.uncertain()).containsExactly(unsure);
    assertThat(landscape.commonGround()).doesNotContain(unsure);
    assertThat(landscape.minority()).doesNotContain(unsure);
    assertThat(draft.text()).contains("\nStill open\n• " + views.text(unsure) + " (many passed)\n");
  }
}
