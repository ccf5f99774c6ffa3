package dev.chorus.core.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomePolicyTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final OutcomePolicy policy = new OutcomePolicy(Outcome.Thresholds.DEFAULTS);

  private static Draft.DraftTally tally(int agree, int abstain, int disagree, int block) {
    return new Draft.DraftTally(agree, abstain, disagree, block);
  }

  @Nested
  class Quorum {

    @ParameterizedTest(name = "quorum({0}) == {1}")
    @CsvSource({"7, 4", "8, 4", "1, 1", "0, 0", "2, 1", "3, 2"})
    void quorumIsHalfOfTheMembersWithAViewRoundedUp(int membersWithView, int expected) {
      assertThat(OutcomePolicy.quorum(membersWithView)).isEqualTo(expected);
    }

    @Test
    void oneVoteShortOfQuorumIsNoConsensusEvenWhenAllAgree() {
      // Given 7 members with a view, so quorum is 4; only 3 voted, all agree

      // When
      var level = policy.level(tally(3, 0, 0, 0), 7);

      // Then
      assertThat(level).isEqualTo(SupportLevel.NO_CONSENSUS);
    }

    @Test
    void exactlyQuorumIsEnough() {
      assertThat(policy.level(tally(4, 0, 0, 0), 7)).isEqualTo(SupportLevel.CONSENSUS);
    }

    @Test
    void abstentionsCountTowardsQuorum() {
      // Given quorum 4 of 7, reached only with the abstentions
      assertThat(policy.level(tally(1, 3, 0, 0), 7)).isEqualTo(SupportLevel.CONSENSUS);
    }
  }

  @Nested
  class Levels {

    @Test
    void consensusNeedsQuorumAnAgreeAndNoBlockOrDisagree() {
      assertThat(policy.level(tally(2, 1, 0, 0), 4)).isEqualTo(SupportLevel.CONSENSUS);
    }

    @Test
    void onlyAbstentionsIsNoConsensus() {
      assertThat(policy.level(tally(0, 3, 0, 0), 3)).isEqualTo(SupportLevel.NO_CONSENSUS);
    }

    @Test
    void noVotesAtAllIsNoConsensus() {
      assertThat(policy.level(tally(0, 0, 0, 0), 0)).isEqualTo(SupportLevel.NO_CONSENSUS);
    }

    @Test
    void exactlySeventyFivePercentAgreeWithoutBlockIsBroadSupport() {
      // Given 3 agree and 1 disagree: 75% of non-abstaining votes
      assertThat(policy.level(tally(3, 0, 1, 0), 4)).isEqualTo(SupportLevel.BROAD_SUPPORT);
    }

    @Test
    void abstentionsAreLeftOutOfTheBroadSupportShare() {
      // Given 3 agree, 1 disagree, 4 abstain among 8 members: 3 of 4 non-abstaining agree
      assertThat(policy.level(tally(3, 4, 1, 0), 8)).isEqualTo(SupportLevel.BROAD_SUPPORT);
    }

    @Test
    void justUnderSeventyFivePercentIsMajority() {
      // Given 2 agree, 1 disagree: 66.7%
      assertThat(policy.level(tally(2, 0, 1, 0), 3)).isEqualTo(SupportLevel.MAJORITY);
    }

    @Test
    void aBlockPreventsConsensusAndBroadSupportButNotMajority() {
      // Given 5 agree, 1 disagree, 1 block among 7 members
      assertThat(policy.level(tally(5, 0, 1, 1), 7)).isEqualTo(SupportLevel.MAJORITY);
    }

    @Test
    void aSingleBlockAgainstOtherwiseUnanimousAgreementIsMajority() {
      // Given 9 agree and 1 block: would be consensus without the block
      assertThat(policy.level(tally(9, 0, 0, 1), 10)).isEqualTo(SupportLevel.MAJORITY);
    }

    @Test
    void exactlyHalfAgreeingIsNoConsensus() {
      // Given 2 agree, 2 disagree: majority needs more than 50%
      assertThat(policy.level(tally(2, 0, 2, 0), 4)).isEqualTo(SupportLevel.NO_CONSENSUS);
    }

    @Test
    void aBlockCountsAgainstTheMajorityShare() {
      // Given 2 agree, 1 disagree, 1 block: 2 of 4 non-abstaining votes is not more than half
      assertThat(policy.level(tally(2, 0, 1, 1), 4)).isEqualTo(SupportLevel.NO_CONSENSUS);
    }
  }

  @Nested
  class CustomThresholds {

    @Test
    void aStricterBroadSupportThresholdTurnsBroadSupportIntoMajority() {
      // Given
      var strict = new OutcomePolicy(new Outcome.Thresholds(0.9, 0.5));

      // When 3 agree, 1 disagree (75%)
      var level = strict.level(tally(3, 0, 1, 0), 4);

      // Then
      assertThat(level).isEqualTo(SupportLevel.MAJORITY);
      assertThat(policy.level(tally(3, 0, 1, 0), 4)).isEqualTo(SupportLevel.BROAD_SUPPORT);
    }

    @Test
    void aLowerBroadSupportThresholdTurnsMajorityIntoBroadSupport() {
      // Given
      var lenient = new OutcomePolicy(new Outcome.Thresholds(0.66, 0.5));

      // When 2 agree, 1 disagree (66.7%)
      var level = lenient.level(tally(2, 0, 1, 0), 3);

      // Then
      assertThat(level).isEqualTo(SupportLevel.BROAD_SUPPORT);
      assertThat(policy.level(tally(2, 0, 1, 0), 3)).isEqualTo(SupportLevel.MAJORITY);
    }

    @Test
    void aHigherMajorityThresholdTurnsMajorityIntoNoConsensus() {
      // Given
      var higher = new OutcomePolicy(new Outcome.Thresholds(0.75, 0.6));

      // When 3 agree, 2 disagree (exactly 60%)
      var level = higher.level(tally(3, 0, 2, 0), 5);

      // Then
      assertThat(level).isEqualTo(SupportLevel.NO_CONSENSUS);
      assertThat(policy.level(tally(3, 0, 2, 0), 5)).isEqualTo(SupportLevel.MAJORITY);
    }

    @Test
    void aMajorityExactlyAtACustomThresholdIsNotMoreThanIt() {
      // Given a majority threshold of 70% and 63 of 90 non-abstaining votes agreeing: exactly 70%
      var seventy = new OutcomePolicy(new Outcome.Thresholds(0.9, 0.7));

      // When
      var level = seventy.level(tally(63, 0, 27, 0), 90);

      // Then "more than 70%" is not met
      assertThat(level).isEqualTo(SupportLevel.NO_CONSENSUS);
    }

    @Test
    void broadSupportExactlyAtACustomThresholdCounts() {
      // Given a broad-support threshold of 56% and 14 of 25 non-abstaining votes agreeing: exactly 56%
      var fiftySix = new OutcomePolicy(new Outcome.Thresholds(0.56, 0.5));

      // When
      var level = fiftySix.level(tally(14, 0, 11, 0), 25);

      // Then "at least 56%" is met
      assertThat(level).isEqualTo(SupportLevel.BROAD_SUPPORT);
    }

    @Test
    void thresholdsOutOfOrderAreRefused() {
      assertThatThrownBy(() -> new Outcome.Thresholds(0.5, 0.75)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Outcome.Thresholds(0.75, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Evaluate {

    private final MemberKey alice = new MemberKey("U_ALICE");
    private final MemberKey bob = new MemberKey("U_BOB");
    private final MemberKey carol = new MemberKey("U_CAROL");
    private final MemberKey dave = new MemberKey("U_DAVE");
    private final MemberKey erin = new MemberKey("U_ERIN");

    private Statement view(int number, MemberKey author, String name, String text) {
      return Statement.posted(new StatementId(number), StatementKind.VIEW, author, name, text, T0, null, null);
    }

    private DraftBallot ballot(DraftChoice choice, String name, String reason) {
      return new DraftBallot(choice, T0.plusSeconds(60), name, reason);
    }

    private Question question(boolean anonymous, List<Statement> statements, List<Draft> drafts) {
      return new Question(new CommunityId("slack:T1"), new QuestionId(1), new ChannelId("C1"), 3,
          "Response to the new assessment policy", "", "", null, anonymous, alice, anonymous ? null : "Alice",
          anonymous ? "salt-1" : "", T0, QuestionStatus.OPEN, statements, drafts, List.of());
    }

    @Test
    void recordOfDissentListsBlocksFirstThenDisagreeingMembersWithTheirOwnViews() {
      // Given four members with views; the disagreements were cast before the block
      var statements = List.of(
          view(1, alice, "Alice", "Adopt it as written."),
          view(2, bob, "Bob", "The workload estimate is far too low."),
          view(3, carol, "Carol", "It ignores part-time staff."),
          view(4, dave, "Dave", "We should wait a year."));
      var ballots = new LinkedHashMap<MemberKey, DraftBallot>();
      ballots.put(bob, ballot(DraftChoice.DISAGREE, "Bob", null));
      ballots.put(alice, ballot(DraftChoice.AGREE, "Alice", null));
      ballots.put(dave, ballot(DraftChoice.DISAGREE, "Dave", null));
      ballots.put(carol, ballot(DraftChoice.BLOCK, "Carol", "Part-timers would lose their marking hours."));
      var draft = new Draft(new DraftVersion(1), "We accept the policy.", null, true, T0, ballots);
      var question = question(false, statements, List.of(draft));

      // When
      var outcome = policy.evaluate(question, Optional.of(draft), T0.plusSeconds(3600), "Alice");

      // Then
      assertThat(outcome.dissent())
          .extracting(Outcome.Dissent::kind, Outcome.Dissent::who, Outcome.Dissent::words)
          .containsExactly(
              tuple(Outcome.Dissent.Kind.BLOCK, "Carol", "Part-timers would lose their marking hours."),
              tuple(Outcome.Dissent.Kind.DISAGREE, "Bob", "The workload estimate is far too low."),
              tuple(Outcome.Dissent.Kind.DISAGREE, "Dave", "We should wait a year."));
      assertThat(outcome.draft()).isEqualTo(new DraftVersion(1));
      assertThat(outcome.draftText()).isEqualTo("We accept the policy.");
      assertThat(outcome.tally()).isEqualTo(tally(1, 0, 2, 1));
      assertThat(outcome.membersWithView()).isEqualTo(4);
      assertThat(outcome.quorum()).isEqualTo(2);
      assertThat(outcome.level()).isEqualTo(SupportLevel.NO_CONSENSUS);
      assertThat(outcome.closedBy()).isEqualTo("Alice");
    }

    @Test
    void aDisagreeingMemberIsQuotedWithTheirCurrentViewNotAReplacedOne() {
      // Given Bob replaced V2 by V3
      var statements = List.of(
          view(1, alice, "Alice", "Adopt it."),
          view(2, bob, "Bob", "Old words.").replacedBy(new StatementId(3)),
          view(3, bob, "Bob", "New words."));
      var draft = new Draft(new DraftVersion(1), "Draft.", null, true, T0,
          Map.of(alice, ballot(DraftChoice.AGREE, "Alice", null), bob, ballot(DraftChoice.DISAGREE, "Bob", null)));
      var question = question(false, statements, List.of(draft));

      // When
      var outcome = policy.evaluate(question, Optional.of(draft), T0, "Alice");

      // Then
      assertThat(outcome.dissent()).singleElement()
          .extracting(Outcome.Dissent::words).isEqualTo("New words.");
      assertThat(outcome.membersWithView()).isEqualTo(2);
    }

    @Test
    void aMajorityOutcomeCarriesItsBlockAsTheFirstDissent() {
      // Given 5 agree, 1 disagree, 1 block among 7 members with a view
      var members = List.of(alice, bob, carol, dave, erin, new MemberKey("U_F"), new MemberKey("U_G"));
      var statements = new java.util.ArrayList<Statement>();
      for (int i = 0; i < members.size(); i++) {
        statements.add(view(i + 1, members.get(i), "M" + i, "View " + i));
      }
      var ballots = new LinkedHashMap<MemberKey, DraftBallot>();
      ballots.put(members.get(0), ballot(DraftChoice.DISAGREE, "M0", null));
      for (int i = 1; i < 6; i++) {
        ballots.put(members.get(i), ballot(DraftChoice.AGREE, "M" + i, null));
      }
      ballots.put(members.get(6), ballot(DraftChoice.BLOCK, "M6", "Too rushed."));
      var draft = new Draft(new DraftVersion(2), "Text.", "Alice", false, T0, ballots);
      var question = question(false, statements, List.of(draft));

      // When
      var outcome = policy.evaluate(question, Optional.of(draft), T0, "Alice");

      // Then
      assertThat(outcome.level()).isEqualTo(SupportLevel.MAJORITY);
      assertThat(outcome.dissent()).first()
          .extracting(Outcome.Dissent::kind, Outcome.Dissent::words)
          .containsExactly(Outcome.Dissent.Kind.BLOCK, "Too rushed.");
      assertThat(outcome.dissent()).hasSize(2);
    }

    @Test
    void anAnonymousQuestionsRecordOfDissentNamesNobody() {
      // Given an anonymous question: members keyed by pseudonym, no names stored
      var p1 = new MemberKey("anon:p1");
      var p2 = new MemberKey("anon:p2");
      var p3 = new MemberKey("anon:p3");
      var statements = List.of(
          view(1, p1, null, "Yes."),
          view(2, p2, null, "No, it is unfair."),
          view(3, p3, null, "Block it."));
      var ballots = new LinkedHashMap<MemberKey, DraftBallot>();
      ballots.put(p1, ballot(DraftChoice.AGREE, null, null));
      ballots.put(p2, ballot(DraftChoice.DISAGREE, null, null));
      ballots.put(p3, ballot(DraftChoice.BLOCK, null, "Harms newcomers."));
      var draft = new Draft(new DraftVersion(1), "Draft.", null, true, T0, ballots);
      var question = question(true, statements, List.of(draft));

      // When
      var outcome = policy.evaluate(question, Optional.of(draft), T0, null);

      // Then the dissent keeps the block's reason but names nobody, and a disagreement is only counted:
      // quoting the disagreeing member's view would tie that view to a vote
      assertThat(outcome.dissent())
          .extracting(Outcome.Dissent::kind, Outcome.Dissent::who, Outcome.Dissent::words)
          .containsExactly(tuple(Outcome.Dissent.Kind.BLOCK, null, "Harms newcomers."));
      assertThat(outcome.tally().disagree()).isEqualTo(1);
      assertThat(outcome.closedBy()).isNull();
      assertThat(outcome.toString()).doesNotContain("anon:");
    }

    @Test
    void closingWithoutADraftIsNoConsensusWithTheMembersCounted() {
      // Given
      var question = question(false, List.of(view(1, alice, "Alice", "A."), view(2, bob, "Bob", "B.")), List.of());

      // When
      var outcome = policy.evaluate(question, Optional.empty(), T0, "Alice");

      // Then
      assertThat(outcome.draft()).isNull();
      assertThat(outcome.level()).isEqualTo(SupportLevel.NO_CONSENSUS);
      assertThat(outcome.membersWithView()).isEqualTo(2);
      assertThat(outcome.quorum()).isEqualTo(1);
      assertThat(outcome.dissent()).isEmpty();
    }
  }
}
