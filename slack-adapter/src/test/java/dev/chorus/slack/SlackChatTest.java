package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.Text;
import dev.chorus.core.vote.Reactions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chorus's messages through the real Slack Web API client, against a fake Slack on 127.0.0.1. */
class SlackChatTest {
  private static final CommunityId WORKSPACE = SlackIds.community("T1");
  private final FakeSlackApi slack;
  private final Slack client;
  private final SlackChat chat;

  SlackChatTest() throws Exception {
    slack = new FakeSlackApi();
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.url());
    config.setMethodsConfig(SlackPlatform.methodsConfig());
    client = Slack.getInstance(config);
    chat = new SlackChat(community -> client.methodsAsync(FakeSlackApi.TOKEN, SlackIds.teamOf(community)),
        community -> client.methods(FakeSlackApi.TOKEN, SlackIds.teamOf(community)));
  }

  @AfterEach
  void stop() throws Exception {
    assertThat(SlackScopes.BY_METHOD.keySet()).containsAll(slack.methods());
    slack.close();
    client.close();
  }

  private static Card card(String words) {
    return Card.of(new Block.Paragraph(Text.builder().plain("View: ").quoted(words).build()));
  }

  @Test
  void aCardIsPostedInTheChannelAndItsThreadAndEditedInPlace() {
    var posted = chat.post(WORKSPACE, new Destination.Channel(new ChannelId("C1")), card("<!channel> hello"));
    assertThat(posted.id()).isEqualTo("C1:1700000000.000101");
    var reply = chat.post(WORKSPACE, new Destination.Thread(new ChannelId("C1"), posted.id()), card("in the thread"));
    chat.edit(WORKSPACE, posted, card("edited"));

    var posts = slack.calls("chat.postMessage");
    assertThat(posts).hasSize(2);
    assertThat(posts.get(0).params()).containsEntry("channel", "C1").containsEntry("link_names", "0");
    assertThat(posts.get(0).params().get("blocks")).contains("&lt;!channel&gt; hello").doesNotContain("<!channel>");
    assertThat(posts.get(1).params()).containsEntry("thread_ts", "1700000000.000101");
    assertThat(reply.id()).isEqualTo("C1:1700000000.000102");
    assertThat(slack.calls("chat.update").get(0).params()).containsEntry("ts", "1700000000.000101")
        .containsEntry("channel", "C1");
    assertThat(slack.violations()).isEmpty();
  }

  @Test
  void theVoteReactionsAreSeededByTheirSlackNamesAndCountWhenMembersUseThem() throws Exception {
    var card = new Card(java.util.List.of(new Block.Paragraph(Text.of("V1 · view"))), java.util.List.of(),
        java.util.List.of("👍", "👎", "🤷"));
    var posted = chat.post(WORKSPACE, new Destination.Channel(new ChannelId("C1")), card);
    // Posting returns as soon as Slack has the message: nothing is seeded until it is decorated.
    assertThat(slack.calls("reactions.add")).isEmpty();
    chat.decorate(WORKSPACE, posted, card);
    var seeded = slack.await("reactions.add", 3);
    assertThat(seeded).extracting(c -> c.params().get("name")).containsExactly("+1", "-1", "shrug");
    assertThat(seeded).allSatisfy(c -> assertThat(c.params()).containsEntry("timestamp", SlackIds.timestamp(posted.id())));
    // Every name Chorus seeds comes back to the core as the emoji it was seeded for.
    for (var emoji : java.util.List.of("👍", "👎", "🤷", "✅", "❌", "✋")) {
      var name = SlackEmoji.name(emoji).orElseThrow();
      assertThat(SlackEmoji.unicode(name)).as(name).isEqualTo(emoji);
      assertThat(Reactions.vote(SlackEmoji.unicode(name))).as(name).isTrue();
    }
  }

  @Test
  void seedsAreMadeInTheBackgroundOneAtATimeAndARateLimitIsWaitedOut() throws Exception {
    var card = new Card(java.util.List.of(new Block.Paragraph(Text.of("v1 · draft"))), java.util.List.of(),
        java.util.List.of("✅", "🤷", "❌", "✋"));
    var posted = chat.post(WORKSPACE, new Destination.Channel(new ChannelId("C1")), card);
    slack.rateLimitNext("reactions.add", 1);
    long started = System.nanoTime();
    chat.decorate(WORKSPACE, posted, card);
    // Decorating only queues the seeds: it returns long before Slack's one-second wait is over.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    var seeded = slack.await("reactions.add", 5);
    assertThat(seeded).extracting(FakeSlackApi.Call::status).containsExactly(429, 200, 200, 200, 200);
    assertThat(seeded.stream().filter(c -> c.status() == 200)).extracting(c -> c.params().get("name"))
        .containsExactly("white_check_mark", "shrug", "x", "raised_hand");
    assertThat(Duration.between(seeded.get(0).at(), seeded.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void aDirectMessageOpensTheConversationFirst() {
    var posted = chat.post(WORKSPACE, new Destination.Direct(new MemberId("U7")), card("a reminder"));
    assertThat(slack.calls("conversations.open").get(0).params()).containsEntry("users", "U7");
    assertThat(posted.id()).startsWith("DU7:");
  }

  @Test
  void aRateLimitedCallWaitsForRetryAfterAndNothingIsLost() {
    slack.rateLimitNext("chat.postMessage", 1);
    var posted = chat.post(WORKSPACE, new Destination.Channel(new ChannelId("C1")), card("after the wait"));
    var posts = slack.calls("chat.postMessage");
    assertThat(posts).extracting(FakeSlackApi.Call::status).containsExactly(429, 200);
    assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(posted.id()).startsWith("C1:");
  }

  @Test
  void aChannelChorusIsNotInIsToldPlainly() {
    assertThatThrownBy(() -> chat.post(WORKSPACE, new Destination.Channel(new ChannelId(FakeSlackApi.NOT_IN)), card("x")))
        .isInstanceOf(ChatException.class)
        .extracting(e -> ((ChatException) e).memberMessage())
        .isEqualTo("Chorus is not in this channel: invite it with /invite @Chorus, then try again.");
  }

  @Test
  void aCardTooLongForOneMessageGoesOutAsSeveralWithinSlacksLimits() {
    // About splitting, not pacing: its thirty messages would take half a minute at one a second per channel.
    slack.rateLimits(false);
    var blocks = new java.util.ArrayList<Block>();
    for (int i = 0; i < 60; i++) {
      blocks.add(new Block.Quote(("a long view " + i + " ").repeat(300)));
    }
    var posted = chat.post(WORKSPACE, new Destination.Channel(new ChannelId("C1")), new Card(blocks, java.util.List.of(),
        java.util.List.of()));
    assertThat(slack.calls("chat.postMessage").size()).isGreaterThan(1);
    assertThat(slack.violations()).isEmpty();
    assertThat(posted.id()).isEqualTo("C1:1700000000.000101");
  }

  @Test
  void aChannelsMembersAreListedPageByPageWithoutChorusAndUnknownWhereSlackWillNotSay() {
    var members = new SlackChannelMembers(community -> client.methodsAsync(FakeSlackApi.TOKEN, SlackIds.teamOf(community)),
        java.time.Clock.systemUTC());
    assertThat(members.in(WORKSPACE, new ChannelId("C1"))).contains(java.util.Set.of(new MemberId("U1"), new MemberId("U2"),
        new MemberId("U3"), new MemberId("U4")));
    assertThat(slack.calls("conversations.members")).hasSize(3);
    // Kept a while: the schedule asks every minute.
    members.in(WORKSPACE, new ChannelId("C1"));
    assertThat(slack.calls("conversations.members")).hasSize(3);
    assertThat(members.in(WORKSPACE, new ChannelId(FakeSlackApi.NOT_IN))).isEmpty();
  }
}
