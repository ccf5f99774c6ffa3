package dev.chorus.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CoalescedEditsTest {
  private static final CommunityId COMMUNITY = new CommunityId("slack:T1");
  private static final Duration WINDOW = Duration.ofMillis(300);

  record Edit(long at, String message, String text) {}

  private final List<Edit> edits = new ArrayList<>();
  private final Chat platform = new Chat() {
    @Override
    public PostedMessage post(CommunityId community, Destination destination, Card card) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void edit(CommunityId community, PostedMessage message, Card card) {
      synchronized (edits) {
        edits.add(new Edit(System.nanoTime(), message.id(), card.plainText()));
      }
    }
  };

  @Test
  void aBurstOfTallyEditsBecomesTheFirstAtOnceAndTheNewestAfterTheWindow() throws Exception {
    var timer = Executors.newSingleThreadScheduledExecutor();
    try {
      var chat = new CoalescedEdits(platform, timer, WINDOW);
      var tally = new PostedMessage("C1:1.000100", new Destination.Channel(new ChannelId("C1")));
      var other = new PostedMessage("C1:1.000200", new Destination.Channel(new ChannelId("C1")));
      for (int votes = 1; votes <= 40; votes++) {
        chat.edit(COMMUNITY, tally, Card.text(Text.of(votes + " agree")));
        chat.edit(COMMUNITY, other, Card.text(Text.of("other " + votes)));
        Thread.sleep(10);
      }
      Thread.sleep(WINDOW.toMillis() * 3);

      List<Edit> sent;
      synchronized (edits) {
        sent = List.copyOf(edits);
      }
      var ofTally = sent.stream().filter(e -> e.message().equals("C1:1.000100")).toList();
      // About 0.4 s of votes in windows of 0.3 s: the first at once, then one per window, the newest last.
      assertThat(ofTally.size()).isBetween(2, 4);
      assertThat(ofTally.get(0).text()).isEqualTo("1 agree");
      assertThat(ofTally.get(ofTally.size() - 1).text()).isEqualTo("40 agree");
      for (int i = 1; i < ofTally.size(); i++) {
        assertThat(ofTally.get(i).at() - ofTally.get(i - 1).at()).isGreaterThanOrEqualTo(WINDOW.toNanos() - 5_000_000);
      }
      assertThat(sent.stream().filter(e -> e.message().equals("C1:1.000200")).toList().get(0).text()).isEqualTo("other 1");
      assertThat(sent.get(sent.size() - 1).text()).isIn("40 agree", "other 40");
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void editsArrivingOutOfOrderNeverShowAnOlderTally() throws Exception {
    var timer = Executors.newSingleThreadScheduledExecutor();
    try {
      var chat = new CoalescedEdits(platform, timer, WINDOW);
      var tally = new PostedMessage("C1:2.000100", new Destination.Channel(new ChannelId("C1")));
      // Decided for five members at once, their edits reach the chat in another order.
      for (int revision : new int[] {11, 10, 13, 14, 12}) {
        chat.edit(COMMUNITY, tally, LazyCard.ready(Card.text(Text.of("revision " + revision))), revision);
      }
      Thread.sleep(WINDOW.toMillis() * 3);

      List<Edit> sent;
      synchronized (edits) {
        sent = List.copyOf(edits);
      }
      assertThat(sent).extracting(Edit::text).containsExactly("revision 11", "revision 14");
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void onlyTheCardsThatGoOutAreBuilt() throws Exception {
    var timer = Executors.newSingleThreadScheduledExecutor();
    try {
      var chat = new CoalescedEdits(platform, timer, WINDOW);
      var tally = new PostedMessage("C1:4.000100", new Destination.Channel(new ChannelId("C1")));
      var built = new java.util.concurrent.CopyOnWriteArrayList<Integer>();
      for (int revision = 1; revision <= 30; revision++) {
        int shown = revision;
        chat.edit(COMMUNITY, tally, LazyCard.of(() -> {
          built.add(shown);
          return Card.text(Text.of(shown + " agree"));
        }), revision);
      }
      Thread.sleep(WINDOW.toMillis() * 3);

      List<Edit> sent;
      synchronized (edits) {
        sent = List.copyOf(edits);
      }
      // Thirty votes within one window: the first card at once, the newest at the window's end.
      assertThat(sent).extracting(Edit::text).containsExactly("1 agree", "30 agree");
      assertThat(built).containsExactly(1, 30);
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void aFlushSendsTheWaitingEditWhenItsWindowEndsAndNoLater() throws Exception {
    var timer = Executors.newSingleThreadScheduledExecutor();
    try {
      var chat = new CoalescedEdits(platform, timer, WINDOW);
      var tally = new PostedMessage("C1:3.000100", new Destination.Channel(new ChannelId("C1")));
      chat.edit(COMMUNITY, tally, Card.text(Text.of("1 agree")));
      chat.edit(COMMUNITY, tally, Card.text(Text.of("2 agree")));
      timer.shutdownNow();

      chat.flush();

      List<Edit> sent;
      synchronized (edits) {
        sent = List.copyOf(edits);
      }
      assertThat(sent).extracting(Edit::text).containsExactly("1 agree", "2 agree");
      assertThat(sent.get(1).at() - sent.get(0).at()).isGreaterThanOrEqualTo(WINDOW.toNanos() - 5_000_000);
    } finally {
      timer.shutdownNow();
    }
  }
}
