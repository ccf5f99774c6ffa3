package dev.chorus.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.report.SharedReports;
import dev.chorus.core.report.SharedReports.SharedQuestion;
import dev.chorus.core.report.ShareTokens;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every store of shared report links must do. Each test uses communities of its own. */
public abstract class SharedReportsContract {
  private static int communities;
  private final Random random = new Random(11);

  protected abstract SharedReports sharedReports();

  private static synchronized CommunityId freshCommunity() {
    return new CommunityId("shares:" + System.nanoTime() + ":" + (++communities) + ":{odd}%\n");
  }

  private String newHash() {
    return ShareTokens.hash(ShareTokens.newToken(random));
  }

  @Test
  void aSharedQuestionIsFoundByItsHash() {
    var community = freshCommunity();
    var hash = newHash();

    sharedReports().share(community, new QuestionId(3), hash);

    assertThat(sharedReports().find(hash)).contains(new SharedQuestion(community, new QuestionId(3)));
    assertThat(sharedReports().find(newHash())).isEmpty();
  }

  @Test
  void sharingAgainEndsTheEarlierLink() {
    var community = freshCommunity();
    var first = newHash();
    var second = newHash();

    sharedReports().share(community, new QuestionId(1), first);
    sharedReports().share(community, new QuestionId(1), second);

    assertThat(sharedReports().find(first)).isEmpty();
    assertThat(sharedReports().find(second)).contains(new SharedQuestion(community, new QuestionId(1)));
  }

  @Test
  void unsharingEndsTheLinkAndSaysWhetherThereWasOne() {
    var community = freshCommunity();
    var hash = newHash();
    sharedReports().share(community, new QuestionId(2), hash);

    assertThat(sharedReports().unshare(community, new QuestionId(2))).isTrue();
    assertThat(sharedReports().unshare(community, new QuestionId(2))).isFalse();

    assertThat(sharedReports().find(hash)).isEmpty();
  }

  @Test
  void eachQuestionAndCommunityHasItsOwnLink() {
    var one = freshCommunity();
    var other = freshCommunity();
    var oneQ1 = newHash();
    var oneQ2 = newHash();
    var otherQ1 = newHash();
    sharedReports().share(one, new QuestionId(1), oneQ1);
    sharedReports().share(one, new QuestionId(2), oneQ2);
    sharedReports().share(other, new QuestionId(1), otherQ1);

    sharedReports().unshare(other, new QuestionId(1));

    assertThat(sharedReports().find(oneQ1)).contains(new SharedQuestion(one, new QuestionId(1)));
    assertThat(sharedReports().find(oneQ2)).contains(new SharedQuestion(one, new QuestionId(2)));
    assertThat(sharedReports().find(otherQ1)).isEmpty();
  }
}
