package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.AsyncMethodsClient;
import dev.chorus.core.community.CommunityId;
import dev.chorus.testkit.MutableClock;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facilitator user group's members, as Slack lists them, through the real client against the fake Slack. */
class SlackUserGroupsTest {
  private static final CommunityId WORKSPACE = SlackIds.community("T1");
  private final FakeSlackApi slack;
  private final Slack client;
  private final Function<CommunityId, AsyncMethodsClient> clients;
  private final MutableClock clock = MutableClock.at("2026-11-02T09:00:00Z");

  SlackUserGroupsTest() throws Exception {
    slack = new FakeSlackApi();
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.url());
    config.setMethodsConfig(SlackPlatform.methodsConfig());
    client = Slack.getInstance(config);
    clients = community -> client.methodsAsync(FakeSlackApi.TOKEN, SlackIds.teamOf(community));
  }

  @AfterEach
  void stop() throws Exception {
    assertThat(SlackScopes.BY_METHOD.keySet()).containsAll(slack.methods());
    slack.close();
    client.close();
  }

  private SlackUserGroups groups(String handle) {
    return new SlackUserGroups(handle, clients, clock);
  }

  @Test
  void theGroupsMembersFacilitateAndAChangeToItCountsOnceTheKeptListExpires() {
    var id = slack.userGroup("facilitators", "U1");
    slack.userGroup("moderators", "U2");
    var groups = groups("@facilitators");

    assertThat(groups.holds(WORKSPACE, "U1")).isTrue();
    assertThat(groups.holds(WORKSPACE, "U2")).as("in another group").isFalse();

    slack.userGroupMembers(id, "U2");
    assertThat(groups.holds(WORKSPACE, "U1")).as("kept a while").isTrue();
    clock.advance(SlackUserGroups.KEEP.plusSeconds(1));
    assertThat(groups.holds(WORKSPACE, "U1")).as("taken off the group").isFalse();
    assertThat(groups.holds(WORKSPACE, "U2")).as("added to the group").isTrue();
    assertThat(slack.calls("usergroups.list")).hasSize(2);
    assertThat(slack.calls("usergroups.users.list")).hasSize(2)
        .allSatisfy(call -> assertThat(call.params()).containsEntry("usergroup", id));
  }

  @Test
  void aFailedLookupMakesNobodyAFacilitatorAndSlackIsAskedAgainSoonNotAtEveryEvent() {
    slack.userGroup("facilitators", "U1");
    var groups = groups("facilitators");
    slack.failNext("usergroups.list");

    assertThat(groups.holds(WORKSPACE, "U1")).as("while Slack fails").isFalse();
    assertThat(groups.holds(WORKSPACE, "U1")).as("within the pause").isFalse();
    assertThat(slack.calls("usergroups.list")).hasSize(1);
    clock.advance(SlackUserGroups.RETRY.plusSeconds(1));

    assertThat(groups.holds(WORKSPACE, "U1")).as("asked again").isTrue();
    assertThat(slack.calls("usergroups.list")).extracting(FakeSlackApi.Call::status).containsExactly(500, 200);
  }

  @Test
  void aDisabledGroupCountsForNothingAndNeitherDoesAHandleNoGroupHas() {
    var old = slack.userGroup("facilitators", "U1");
    slack.disableUserGroup(old);
    slack.userGroup("facilitators", "U2");

    assertThat(groups("facilitators").holds(WORKSPACE, "U1")).as("in the disabled group").isFalse();
    assertThat(groups("facilitators").holds(WORKSPACE, "U2")).as("in the enabled one").isTrue();
    assertThat(groups("stewards").holds(WORKSPACE, "U2")).as("no such group").isFalse();
    int asked = slack.calls("usergroups.list").size();
    assertThat(groups(null).holds(WORKSPACE, "U2")).as("no group set").isFalse();
    assertThat(groups(" ").holds(WORKSPACE, "U2")).as("a blank setting").isFalse();
    assertThat(slack.calls("usergroups.list")).as("nothing asked without a group").hasSize(asked);
  }
}
