package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.conversation.Cards;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import org.junit.jupiter.api.Test;

/**
 * Votes are decided on the question a replica saw last, without reading it again; these are the
 * cases where another replica changed it in between, and the vote must still come out right.
 */
class ReplicaVotingTest {
  private static final StatementId V1 = new StatementId(1);

  private final Conversation one = Conversation.start();
  private final Conversation two = one.replica("two");
  private int card;

  /** Q1 with ana's view V1, and replica one has seen it (bob's vote went through it). */
  private void openWithAVoteThroughReplicaOne() {
    one.say(one.facilitator("ana"), "/respond open Shared across replicas");
    one.say(one.member("ana"), "/respond Replicas must agree");
    card = one.message("Replicas must agree");
    assertThat(one.react(one.member("bob"), card, "👍").silent()).isTrue();
  }

  private Question q1() {
    return one.questions().find(one.community(), new QuestionId(1)).orElseThrow();
  }

  @Test
  void theTallyEditedInPlaceCountsVotesTakenByTheOtherReplica() {
    openWithAVoteThroughReplicaOne();
    two.react(two.member("carol"), card, "👍");
    two.react(two.member("dave"), card, "👎");

    one.react(one.member("erin"), card, "👍");

    var stored = q1();
    assertThat(stored.statement(V1).orElseThrow().tally()).isEqualTo(
        new dev.chorus.core.question.Statement.StatementTally(4, 1, 0));
    // The card's newest version is the whole truth, though replica one had not seen carol's and dave's votes.
    assertThat(one.chat().find(one.community(), card).orElseThrow().card())
        .isEqualTo(Cards.statement(stored, stored.statement(V1).orElseThrow()));
  }

  @Test
  void aVoteOnAStatementTheOtherReplicaHidMeanwhileIsRefusedAndNotCounted() {
    openWithAVoteThroughReplicaOne();
    two.say(two.facilitator("ana"), "/respond hide V1 off topic");

    var answer = one.react(one.member("carol"), card, "👎");

    assertThat(answer.refused()).isTrue();
    assertThat(answer.text()).contains("V1 was hidden");
    assertThat(q1().statement(V1).orElseThrow().votes()).doesNotContainKey(new MemberKey(one.member("carol").id().value()));
  }

  @Test
  void aVoteOnAQuestionTheOtherReplicaClosedMeanwhileIsRefused() {
    openWithAVoteThroughReplicaOne();
    two.say(two.facilitator("ana"), "/respond close");
    var revision = q1().revision();

    var answer = one.react(one.member("carol"), card, "👍");

    assertThat(answer.text()).contains("Q1 is closed");
    assertThat(q1().revision()).isEqualTo(revision);
  }

  @Test
  void aVoteAlreadyTakenThroughTheOtherReplicaIsNotTakenTwice() {
    openWithAVoteThroughReplicaOne();
    var carol = one.member("carol");
    two.say(carol, "/respond vote V1 disagree");
    var revision = q1().revision();

    // Replica one still shows carol without a vote; her command says what it is.
    var answer = one.say(carol, "/respond vote V1 disagree");

    assertThat(answer.text()).contains("already disagree");
    assertThat(q1().revision()).isEqualTo(revision);
    assertThat(q1().statement(V1).orElseThrow().votes().get(new MemberKey(carol.id().value())))
        .isEqualTo(StatementChoice.DISAGREE);
  }

  @Test
  void aReactionRemovedThroughOneReplicaTakesBackTheVoteCastThroughTheOther() {
    openWithAVoteThroughReplicaOne();
    var carol = one.member("carol");
    one.react(carol, card, "👎");
    two.react(carol, card, "👍");

    // Replica one saw carol disagree; the vote that counts is now agree, so removing 👎 changes nothing.
    one.unreact(carol, card, "👎");
    assertThat(q1().statement(V1).orElseThrow().votes().get(new MemberKey(carol.id().value())))
        .isEqualTo(StatementChoice.AGREE);
    one.unreact(carol, card, "👍");
    assertThat(q1().statement(V1).orElseThrow().votes()).doesNotContainKey(new MemberKey(carol.id().value()));
  }
}
