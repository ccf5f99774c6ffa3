package dev.chorus.core.vote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Inbound;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeldReactionsTest {
  private static final CommunityId COMMUNITY = new CommunityId("c");
  private int events;

  private Inbound reaction(String messageId, String emoji) {
    return new Inbound.ReactionAdded(COMMUNITY, new ChannelId("general"), Actor.member("U1", "ana"),
        new EventId("e" + (++events)), messageId, emoji);
  }

  @Test
  void reactionsOfAReleasedMessageComeBackInTheOrderTheyCameAndLaterOnesQueueBehindThem() {
    var held = new HeldReactions();
    var first = reaction("m1", "👍");
    assertThat(held.hold(first, 0)).as("the first held for its message starts the looking").isTrue();
    var second = reaction("m1", "👎");
    assertThat(held.hold(second, 1)).isFalse();
    assertThat(held.release(new HeldReactions.Key(COMMUNITY, "m1"))).isTrue();
    assertThat(held.release(new HeldReactions.Key(COMMUNITY, "m1"))).as("released once").isFalse();
    var third = reaction("m1", "🤷");
    assertThat(held.behindOthers(third)).as("a reaction while the others are handed back waits behind them").isTrue();

    var key = new HeldReactions.Key(COMMUNITY, "m1");
    assertThat(held.next(key)).isEqualTo(first);
    assertThat(held.next(key)).isEqualTo(second);
    assertThat(held.next(key)).isEqualTo(third);
    assertThat(held.next(key)).isNull();
    assertThat(held.holds(key)).isFalse();
    assertThat(held.behindOthers(reaction("m1", "👍"))).as("once empty, reactions go straight through").isFalse();
    assertThat(held.size()).isZero();
  }

  @Test
  void aMessageNeverLinkedIsLookedForLessAndLessOftenThenLetGoAfterTheGrace() {
    var held = new HeldReactions(Duration.ofSeconds(10), 100);
    held.hold(reaction("m1", "👍"), 0);
    held.hold(reaction("m1", "👎"), 0);
    var key = new HeldReactions.Key(COMMUNITY, "m1");
    assertThat(held.notYet(key, Duration.ofSeconds(1).toNanos())).isEqualTo(Duration.ofSeconds(1));
    assertThat(held.notYet(key, Duration.ofSeconds(2).toNanos())).isEqualTo(Duration.ofSeconds(2));
    assertThat(held.notYet(key, Duration.ofSeconds(4).toNanos())).isEqualTo(Duration.ofSeconds(4));
    assertThat(held.notYet(key, Duration.ofSeconds(8).toNanos())).as("never past the grace").isEqualTo(Duration.ofSeconds(2));
    assertThat(held.notYet(key, Duration.ofSeconds(10).toNanos())).isNull();
    assertThat(held.holds(key)).isFalse();
    assertThat(held.letGo()).isEqualTo(2);
    assertThat(held.size()).isZero();
  }

  @Test
  void pastItsCapacityNothingNewIsHeld() {
    var held = new HeldReactions(Duration.ofSeconds(10), 2);
    assertThat(held.hold(reaction("m1", "👍"), 0)).isTrue();
    assertThat(held.hold(reaction("m2", "👍"), 0)).isTrue();
    assertThat(held.hold(reaction("m3", "👍"), 0)).isFalse();
    assertThat(held.holds(new HeldReactions.Key(COMMUNITY, "m3"))).isFalse();
    assertThat(held.letGo()).isEqualTo(1);
  }
}
