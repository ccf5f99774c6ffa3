package dev.chorus.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.PinnedRoles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every store of pinned role names must do. Each test uses communities of its own. */
public abstract class PinnedRolesContract {
  private static int communities;

  protected abstract PinnedRoles pinnedRoles();

  private static synchronized CommunityId freshCommunity() {
    return new CommunityId("pins:" + System.nanoTime() + ":" + (++communities) + ":{odd}%");
  }

  @Test
  void theFirstPinStaysWhateverIsPinnedAfterIt() {
    var community = freshCommunity();
    assertThat(pinnedRoles().pinned(community, "facilitators")).isEmpty();

    assertThat(pinnedRoles().pin(community, "facilitators", "1000000000000000001")).isEqualTo("1000000000000000001");
    assertThat(pinnedRoles().pin(community, "facilitators", "1000000000000000002")).isEqualTo("1000000000000000001");

    assertThat(pinnedRoles().pinned(community, "facilitators")).contains("1000000000000000001");
  }

  @Test
  void aPinHoldsForItsNameInItsCommunityOnly() {
    var community = freshCommunity();
    var name = "fa{ci}litators %";
    pinnedRoles().pin(community, name, "1000000000000000003");

    assertThat(pinnedRoles().pinned(community, name)).contains("1000000000000000003");
    assertThat(pinnedRoles().pinned(community, "moderators")).isEmpty();
    assertThat(pinnedRoles().pinned(freshCommunity(), name)).isEmpty();
  }

  @Test
  void replicasRacingToPinAllGetTheSameRole() throws Exception {
    var community = freshCommunity();
    var pool = Executors.newFixedThreadPool(8);
    try {
      var start = new CountDownLatch(1);
      var racers = new ArrayList<Future<String>>();
      for (int i = 0; i < 8; i++) {
        var role = "200000000000000000" + i;
        Callable<String> pin = () -> {
          start.await();
          return pinnedRoles().pin(community, "facilitators", role);
        };
        racers.add(pool.submit(pin));
      }
      start.countDown();
      var answers = new HashSet<String>();
      for (var racer : racers) {
        answers.add(racer.get(10, TimeUnit.SECONDS));
      }
      assertThat(answers).hasSize(1);
      assertThat(pinnedRoles().pinned(community, "facilitators")).contains(answers.iterator().next());
    } finally {
      pool.shutdownNow();
    }
  }
}
