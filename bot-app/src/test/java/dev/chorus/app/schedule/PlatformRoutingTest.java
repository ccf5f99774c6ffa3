package dev.chorus.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.Text;
import dev.chorus.discord.DiscordIds;
import dev.chorus.slack.SlackIds;
import dev.chorus.testkit.RecordingChat;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scheduled messages go to the platform of their community, and only there. */
class PlatformRoutingTest {
  private final RecordingChat slack = new RecordingChat();
  private final RecordingChat discord = new RecordingChat();
  private final ChannelMembers slackMembers = (community, channel) -> Optional.of(Set.of(new MemberId("U1")));
  private final PlatformRouting routing = new PlatformRouting(java.util.List.of(
      new ChatPlatform(SlackIds.PREFIX, slack, slackMembers), new ChatPlatform(DiscordIds.PREFIX, discord, ChannelMembers.UNKNOWN)));
  private final Destination channel = new Destination.Channel(new ChannelId("C1"));

  @Test
  void eachCommunitysMessagesGoToItsOwnPlatform() {
    routing.post(SlackIds.community("T1"), channel, Card.text(Text.of("to Slack")));
    routing.postOnce(DiscordIds.community(42L), channel, Card.text(Text.of("to Discord")), "once");

    assertThat(slack.messages(SlackIds.community("T1"))).extracting(RecordingChat.Posted::text)
        .containsExactly("to Slack");
    assertThat(discord.messages(DiscordIds.community(42L))).extracting(RecordingChat.Posted::text)
        .containsExactly("to Discord");
    assertThat(discord.messages(SlackIds.community("T1"))).isEmpty();
    assertThat(routing.in(SlackIds.community("T1"), new ChannelId("C1"))).contains(Set.of(new MemberId("U1")));
    assertThat(routing.in(DiscordIds.community(42L), new ChannelId("C1"))).isEmpty();
  }

  @Test
  void aCommunityWhosePlatformThisReplicaDoesNotRunIsRefused() {
    assertThatThrownBy(() -> routing.post(new CommunityId("matrix:x"), channel, Card.text(Text.of("nowhere"))))
        .isInstanceOf(ChatException.class);
    assertThat(slack.messages(new CommunityId("matrix:x"))).isEmpty();
    assertThat(discord.messages(new CommunityId("matrix:x"))).isEmpty();
  }

  @Test
  void anEditKeepsTheRevisionItShows() {
    var revisions = new java.util.ArrayList<Long>();
    var counting = new dev.chorus.core.message.Chat() {
      @Override
      public dev.chorus.core.message.PostedMessage post(CommunityId community, Destination destination, Card card) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void edit(CommunityId community, dev.chorus.core.message.PostedMessage message, Card card) {
        revisions.add(dev.chorus.core.message.Chat.UNKNOWN_REVISION);
      }

      @Override
      public void edit(CommunityId community, dev.chorus.core.message.PostedMessage message,
          dev.chorus.core.message.LazyCard card, long revision) {
        revisions.add(revision);
      }
    };
    var routed = new PlatformRouting(java.util.List.of(new ChatPlatform(DiscordIds.PREFIX, counting, ChannelMembers.UNKNOWN)));

    routed.edit(DiscordIds.community(42L), new dev.chorus.core.message.PostedMessage("1:2", channel),
        dev.chorus.core.message.LazyCard.ready(Card.text(Text.of("3 agree"))), 17);

    assertThat(revisions).containsExactly(17L);
  }
}
