package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsClient;
import dev.chorus.core.community.CommunityId;
import dev.chorus.testkit.MutableClock;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Members as {@code users.info} describes them, kept a while, through the real client against the fake Slack. */
class SlackMembersTest {
  private static final CommunityId WORKSPACE = SlackIds.community("T1");
  private final FakeSlackApi slack;
  private final Slack client;
  private final Function<CommunityId, AsyncMethodsClient> clients;
  private final Function<CommunityId, MethodsClient> background;

  SlackMembersTest() throws Exception {
    slack = new FakeSlackApi();
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.url());
    config.setMethodsConfig(SlackPlatform.methodsConfig());
    client = Slack.getInstance(config);
    clients = community -> client.methodsAsync(FakeSlackApi.TOKEN, SlackIds.teamOf(community));
    background = community -> client.methods(FakeSlackApi.TOKEN, SlackIds.teamOf(community));
  }

  @AfterEach
  void stop() throws Exception {
    assertThat(SlackScopes.BY_METHOD.keySet()).containsAll(slack.methods());
    slack.close();
    client.close();
  }

  @Test
  void aLookupThatFailedIsNotKeptSoTheNextEventFindsTheAdmin() {
    var members = new SlackChat(clients, background).members();
    slack.admin("UADMIN");
    slack.failNext("users.info");

    assertThat(members.actor(WORKSPACE, "UADMIN").admin()).as("while Slack fails").isFalse();
    var next = members.actor(WORKSPACE, "UADMIN");

    assertThat(next.admin()).as("the next event").isTrue();
    assertThat(next.displayName()).isEqualTo("Member UADMIN");
    assertThat(slack.calls("users.info")).extracting(FakeSlackApi.Call::status).containsExactly(500, 200);
    assertThat(members.actor(WORKSPACE, "UADMIN").admin()).isTrue();
    assertThat(slack.calls("users.info")).as("kept once known").hasSize(2);
  }

  @Test
  void aMemberIsKeptAWhileThenAskedAgainSoNewRightsCount() {
    var clock = MutableClock.at("2026-11-02T09:00:00Z");
    var members = new SlackChat(clients, clients, background, null, clock).members();
    assertThat(members.actor(WORKSPACE, "U7").admin()).isFalse();

    slack.admin("U7");
    clock.advance(SlackMembers.KEEP.minus(Duration.ofSeconds(1)));
    assertThat(members.actor(WORKSPACE, "U7").admin()).as("still kept").isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(members.actor(WORKSPACE, "U7").admin()).as("asked again once expired").isTrue();
    assertThat(slack.calls("users.info")).hasSize(2);
  }
}
