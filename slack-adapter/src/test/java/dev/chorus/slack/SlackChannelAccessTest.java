package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsClient;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.message.ChannelAccess;
import dev.chorus.testkit.MutableClock;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who can see a Slack channel, as {@code conversations.members} and {@code conversations.info} say,
 * through the real client against the fake Slack.
 */
class SlackChannelAccessTest {
  private static final CommunityId WORKSPACE = SlackIds.community("T1");
  private static final ChannelId HR = new ChannelId("CHR");
  private static final ChannelId LOUNGE = new ChannelId("CLOUNGE");
  private final FakeSlackApi slack;
  private final Slack client;
  private final Function<CommunityId, AsyncMethodsClient> clients;
  private final Function<CommunityId, MethodsClient> background;
  private final MutableClock clock = MutableClock.at("2026-11-02T09:00:00Z");
  private final SlackChat chat;

  SlackChannelAccessTest() throws Exception {
    slack = new FakeSlackApi();
    slack.latency(Duration.ZERO, Duration.ofMillis(20));
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.url());
    config.setMethodsConfig(SlackPlatform.methodsConfig());
    client = Slack.getInstance(config);
    clients = community -> client.methodsAsync(FakeSlackApi.TOKEN, SlackIds.teamOf(community));
    background = community -> client.methods(FakeSlackApi.TOKEN, SlackIds.teamOf(community));
    chat = new SlackChat(clients, clients, background, null, clock);
    slack.privateChannel(HR.value(), "UHANA", FakeSlackApi.BOT_USER, "UIDA");
    slack.publicChannel(LOUNGE.value(), "UHANA", FakeSlackApi.BOT_USER);
  }

  @AfterEach
  void stop() throws Exception {
    assertThat(SlackScopes.BY_METHOD.keySet()).containsAll(slack.methods());
    chat.close();
    slack.close();
    client.close();
  }

  private ChannelAccess access(String member, ChannelId channel) {
    return chat.access(WORKSPACE, new MemberId(member), channel);
  }

  @Test
  void aPrivateChannelIsSeenByItsMembersAndClosedToEveryoneElse() {
    assertThat(access("UHANA", HR)).isEqualTo(ChannelAccess.SEES);
    assertThat(access("UIDA", HR)).isEqualTo(ChannelAccess.SEES);
    assertThat(access("UBOB", HR)).isEqualTo(ChannelAccess.CLOSED);
    assertThat(access("UCARL", HR)).isEqualTo(ChannelAccess.CLOSED);

    assertThat(slack.calls("conversations.info")).as("the channel's privacy kept").hasSize(1);
    assertThat(slack.calls("conversations.members")).as("its members kept").hasSize(2);
  }

  @Test
  void aPublicChannelIsSeenByItsMembersAndUnknownForOthersWhoMayBeGuests() {
    assertThat(access("UHANA", LOUNGE)).isEqualTo(ChannelAccess.SEES);
    assertThat(access("UBOB", LOUNGE)).isEqualTo(ChannelAccess.UNKNOWN);
    // A channel the test did not make: public, with the usual members.
    assertThat(access("U2", new ChannelId("C1"))).isEqualTo(ChannelAccess.SEES);
    assertThat(access("UBOB", new ChannelId("C1"))).isEqualTo(ChannelAccess.UNKNOWN);
  }

  @Test
  void aChannelChorusCannotListIsUnknown() {
    slack.privateChannel("CSECRET", "UHANA");
    assertThat(access("UHANA", HR)).as("one it can list").isEqualTo(ChannelAccess.SEES);

    assertThat(access("UHANA", new ChannelId("CSECRET"))).as("private, Chorus not in it").isEqualTo(ChannelAccess.UNKNOWN);
    assertThat(access("U1", new ChannelId(FakeSlackApi.NOT_IN))).as("public, Chorus not in it")
        .isEqualTo(ChannelAccess.UNKNOWN);
    assertThat(access("U1", new ChannelId("GGONE"))).as("no such channel").isEqualTo(ChannelAccess.UNKNOWN);
  }

  @Test
  void whenSlackFailsTheAnswerIsUnknownAndNotKept() {
    slack.failNext("conversations.info");
    assertThat(access("UBOB", HR)).as("conversations.info failed").isEqualTo(ChannelAccess.UNKNOWN);
    assertThat(access("UBOB", HR)).as("asked again").isEqualTo(ChannelAccess.CLOSED);
    assertThat(slack.calls("conversations.info")).extracting(FakeSlackApi.Call::status).containsExactly(500, 200);

    slack.failNext("conversations.members");
    assertThat(access("UHANA", LOUNGE)).as("conversations.members failed").isEqualTo(ChannelAccess.UNKNOWN);
    assertThat(access("UHANA", LOUNGE)).as("listed again").isEqualTo(ChannelAccess.SEES);
  }

  @Test
  void anAnswerNeverThrowsEvenWhenNoClientCanBeHad() {
    java.util.function.Function<CommunityId, com.slack.api.methods.AsyncMethodsClient> none = community -> {
      throw new IllegalStateException("no client for " + community);
    };
    var broken = new SlackChat(none, none, background, null, clock);

    assertThat(broken.access(WORKSPACE, new MemberId("UBOB"), HR)).isEqualTo(ChannelAccess.UNKNOWN);
    assertThat(access("UBOB", HR)).as("where Slack answers").isEqualTo(ChannelAccess.CLOSED);
  }

  @Test
  void aChannelMadePrivateOrAMemberWhoLeftCountsOnceKeptAnswersExpire() {
    slack.publicChannel("CPROJ", "UHANA", FakeSlackApi.BOT_USER, "UBOB");
    var project = new ChannelId("CPROJ");
    assertThat(access("UBOB", project)).isEqualTo(ChannelAccess.SEES);
    assertThat(access("UIDA", project)).isEqualTo(ChannelAccess.UNKNOWN);

    // Made private, and Bob left it.
    slack.privateChannel("CPROJ", "UHANA", FakeSlackApi.BOT_USER);
    // Longer than a channel's members and its privacy are kept.
    clock.advance(Duration.ofMinutes(15));

    assertThat(access("UBOB", project)).isEqualTo(ChannelAccess.CLOSED);
    assertThat(access("UIDA", project)).isEqualTo(ChannelAccess.CLOSED);
  }

  @Test
  void theScheduleAndTheChatShareOneListOfAChannelsMembers() {
    assertThat(chat.channelMembers().in(WORKSPACE, HR)).isPresent();
    assertThat(access("UHANA", HR)).isEqualTo(ChannelAccess.SEES);

    assertThat(slack.calls("conversations.members")).as("listed once for both").hasSize(2);
  }
}
