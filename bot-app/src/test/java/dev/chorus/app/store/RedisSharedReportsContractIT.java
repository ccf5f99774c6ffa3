package dev.chorus.app.store;

import dev.chorus.core.report.SharedReports;
import dev.chorus.testkit.contract.SharedReportsContract;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.report.ShareTokens;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis keeps shared links to the same contract as memory does, on a real redis-server. */
class RedisSharedReportsContractIT extends SharedReportsContract {
  @TempDir
  static Path data;

  private static RedisFixture fixture;
  private static RedisSharedReports shared;

  @BeforeAll
  static void startRedis() {
    fixture = new RedisFixture(data);
    shared = new RedisSharedReports(fixture.redis);
  }

  @AfterAll
  static void stopRedis() {
    fixture.close();
  }

  @Override
  protected SharedReports sharedReports() {
    return shared;
  }

  @Test
  void aWayBackLeftByACrashNeverReopensAnEndedLink() {
    var community = new CommunityId("crashed-share");
    var hash = ShareTokens.hash(ShareTokens.newToken(new java.util.Random(5)));
    shared.share(community, new QuestionId(1), hash);
    shared.unshare(community, new QuestionId(1));

    // As if Chorus stopped after removing the community's entry and before the global key.
    fixture.redis.opsForValue().set(RedisKeys.sharedLink(hash), community.value() + "\n1");

    assertThat(shared.find(hash)).isEmpty();
  }
}
