package dev.chorus.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.StatementKind;
import dev.chorus.core.question.VoteChange;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The store answers a vote with counts, so the recent question keeps the votes this replica
 * recorded itself: a member voting again must find their own vote there, or each of their later
 * votes would be refused as stale and read again.
 */
class RecentQuestionsTest {
  private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
  private static final StatementId V1 = new StatementId(1);
  private static final CommunityId COMMUNITY = new CommunityId("c");
  private static final QuestionId Q1 = new QuestionId(1);

  private static Question question(long revision) {
    var view = Statement.posted(V1, StatementKind.VIEW, new MemberKey("U-author"), "Author", "A view", T0, null, null);
    return new Question(COMMUNITY, Q1, new ChannelId("general"), revision, "Title", "", "", null, false,
        new MemberKey("U-author"), "Author", "", T0, QuestionStatus.OPEN, List.of(view), List.of(), List.of());
  }

  private static VoteChange vote(String member, @Nullable StatementChoice before, StatementChoice after) {
    return new VoteChange.OnStatement(Q1, V1, new MemberKey(member), before, after);
  }

  /** As Chorus does after a cast: the decided-on question with the vote applied, at the cast's revision. */
  private static void remember(RecentQuestions recent, Question decidedOn, VoteChange change, long revision) {
    recent.rememberVote(decidedOn, change, change.appliedTo(decidedOn).atRevision(revision));
  }

  private static Question kept(RecentQuestions recent) {
    return recent.get(COMMUNITY, Q1).orElseThrow();
  }

  private static @Nullable StatementChoice voteOf(RecentQuestions recent, String member) {
    return kept(recent).statement(V1).orElseThrow().votes().get(new MemberKey(member));
  }

  @Test
  void votesDecidedOnTheSameReadAreAllKeptAndEachMemberFindsTheirOwn() {
    var recent = new RecentQuestions();
    var read = question(5);
    recent.remember(read);
    // Three members decided on the same read; their casts came back in another order than recorded.
    remember(recent, read, vote("U-a", null, StatementChoice.AGREE), 7);
    remember(recent, read, vote("U-b", null, StatementChoice.DISAGREE), 6);
    remember(recent, read, vote("U-c", null, StatementChoice.PASS), 8);

    assertThat(voteOf(recent, "U-a")).isEqualTo(StatementChoice.AGREE);
    assertThat(voteOf(recent, "U-b")).isEqualTo(StatementChoice.DISAGREE);
    assertThat(voteOf(recent, "U-c")).isEqualTo(StatementChoice.PASS);
    assertThat(kept(recent).revision()).isEqualTo(8);
  }

  @Test
  void anOlderCastComingBackLateDoesNotUndoTheMembersLaterVote() {
    var recent = new RecentQuestions();
    var read = question(5);
    recent.remember(read);
    var first = vote("U-a", null, StatementChoice.AGREE);
    remember(recent, read, first, 6);
    remember(recent, kept(recent), vote("U-a", StatementChoice.AGREE, StatementChoice.DISAGREE), 9);
    // The first cast's answer is told again, late (a slow thread): it must not bring AGREE back.
    remember(recent, read, first, 6);

    assertThat(voteOf(recent, "U-a")).isEqualTo(StatementChoice.DISAGREE);
    assertThat(kept(recent).revision()).isEqualTo(9);
  }

  @Test
  void aVoteDecidedOnANewerReadThanTheOneKeptStartsFromThatRead() {
    var recent = new RecentQuestions();
    recent.remember(question(3).withStatementChanged(V1, s -> s.withVote(new MemberKey("U-old"), StatementChoice.PASS)));
    // Read again after changes made elsewhere (another replica): that read is what counts now.
    remember(recent, question(10), vote("U-a", null, StatementChoice.AGREE), 11);

    assertThat(kept(recent).revision()).isEqualTo(11);
    assertThat(kept(recent).statement(V1).orElseThrow().votes()).containsOnlyKeys(new MemberKey("U-a"));
  }
}
