package dev.chorus.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.digest.ChannelDigests;
import dev.chorus.core.digest.Claims;
import dev.chorus.core.digest.MemberPreferences;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.SeenReactions;
import dev.chorus.core.report.SharedReports;
import dev.chorus.core.community.PinnedRoles;
import dev.chorus.testkit.contract.NotificationsContract;
import dev.chorus.testkit.contract.PinnedRolesContract;
import dev.chorus.testkit.contract.SharedReportsContract;
import dev.chorus.testkit.contract.StoreContract;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every store contract, on a real Redis Cluster of three masters, connected as Chorus connects with
 * {@code CHORUS_REDIS_CLUSTER=true}; and communities spread over the masters.
 */
class RedisClusterContractIT {
  @TempDir
  static Path data;

  private static RedisClusterFixture cluster;

  @BeforeAll
  static void startCluster() {
    cluster = new RedisClusterFixture(data);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void communitiesSpreadOverTheThreeMasters() {
    var questions = new RedisQuestions(cluster.redis);
    var keys = new ArrayList<String>();
    for (int i = 0; i < 30; i++) {
      var community = new CommunityId("cluster:T" + (1000 + i));
      var question = new Question(community, new QuestionId(1), new ChannelId("general"), 0, "Where do we meet?", "", "",
          null, false, new MemberKey("U1"), "ana", "", Instant.now(), QuestionStatus.OPEN, List.of(), List.of(), List.of());
      assertThat(questions.commit(community, List.of(question), null)).isInstanceOf(Questions.CommitResult.Committed.class);
      assertThat(questions.openInChannel(community, new ChannelId("general"))).hasSize(1);
      keys.add(RedisKeys.question(community, 1));
    }

    var byMaster = cluster.keysByMaster(keys);

    System.out.println("communities on the cluster's masters (port=communities): " + byMaster);
    assertThat(byMaster).hasSize(3);
    assertThat(byMaster.values()).as("every community's question is on some master").allMatch(n -> n > 0)
        .satisfies(counts -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(30));
    assertThat(questions.communities()).hasSizeGreaterThanOrEqualTo(30);
  }

  /** A community's keys share one slot, on one master; erasing finds them there and touches no other. */
  @Test
  void erasingACommunityTakesEveryKeyOfItsFromItsMasterAndNothingElse() {
    RedisCommunityErasureIT.eraseOneOfThree(cluster.redis);
  }

  @Nested
  class Questions_ extends StoreContract {
    private final RedisQuestions questions = new RedisQuestions(cluster.redis,
        Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));

    @Override
    protected Questions questions() {
      return questions;
    }

    @Override
    protected Ballots ballots() {
      return questions;
    }

    @Override
    protected SeenReactions seenReactions() {
      return new RedisSeenReactions(cluster.redis);
    }

    @Override
    protected MessageLinks links() {
      return new RedisMessageLinks(cluster.redis);
    }
  }

  @Nested
  class Notifications extends NotificationsContract {
    private final RedisNotifications notifications = new RedisNotifications(cluster.redis);

    @Override
    protected ChannelDigests channelDigests() {
      return notifications;
    }

    @Override
    protected MemberPreferences memberPreferences() {
      return notifications;
    }

    @Override
    protected Claims claims() {
      return notifications;
    }

    @Override
    protected void passTime(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis());
    }
  }

  @Nested
  class PinnedRoles_ extends PinnedRolesContract {
    @Override
    protected PinnedRoles pinnedRoles() {
      return new RedisPinnedRoles(cluster.redis);
    }
  }

  @Nested
  class SharedReports_ extends SharedReportsContract {
    private final RedisSharedReports shared = new RedisSharedReports(cluster.redis);

    @Override
    protected SharedReports sharedReports() {
      return shared;
    }
  }
}
